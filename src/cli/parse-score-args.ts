/**
 * `npm run -s score` flags: split by Node's own `parseArgs` (`--flag value`, `--flag=value`, `--` ends the options),
 * values checked with valibot (the same `CaptionKindSchema` the cache and the worker use). Any problem with the
 * command line is a UsageError: the CLI prints its message and exits 2.
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { CaptionKindSchema, type CaptionKind } from '../captions/caption-track';

export const OutputFormatSchema = v.picklist(['text', 'json', 'csv']);
export type OutputFormat = v.InferOutput<typeof OutputFormatSchema>;
export type { CaptionKind };

export interface ScoreArgs {
  files: string[];
  format: OutputFormat;
  /** `--lexicons id,id`: replaces the enabled set (default: every built-in). */
  lexiconIds?: string[];
  /** `--lexicon-file f.json` (repeatable): custom lexicons added to the enabled set. */
  lexiconFiles: string[];
  /** `--kind`: overrides the caption kind guessed from the file name and body. */
  captionKind?: CaptionKind;
  /** `--machine-translated`: the captions are YouTube's English translation (as the extension scores a `tlang=en` track). */
  machineTranslated?: boolean;
  help: boolean;
}

/** A problem with the command line itself; the CLI prints its message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE =
  'usage: npm run -s score -- FILE... [--format text|json|csv] [--lexicons id,id] [--lexicon-file f.json]... [--kind asr|uploaded|panel] [--machine-translated]';

/** A flag's value, or a UsageError naming the flag and the allowed values. */
function checked<T>(flag: string, schema: v.GenericSchema<unknown, T> & { options?: readonly string[] }, value: string): T {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const allowed = schema.options ? ` must be one of ${schema.options.join(', ')}` : ' is not valid';
  throw new UsageError(`${flag}${allowed} (got "${value}")`);
}

export function parseScoreArgs(argv: readonly string[]): ScoreArgs {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
  const { values, positionals } = parsed;
  const args: ScoreArgs = { files: positionals, format: 'text', lexiconFiles: values['lexicon-file'] ?? [], help: values.help === true };
  if (values.format !== undefined) args.format = checked('--format', OutputFormatSchema, values.format);
  if (values.lexicons !== undefined) {
    args.lexiconIds = values.lexicons
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
  }
  if (values.kind !== undefined) args.captionKind = checked('--kind', CaptionKindSchema, values.kind);
  if (values['machine-translated'] === true) args.machineTranslated = true;
  if (!args.help && args.files.length === 0) throw new UsageError('no caption file given');
  return args;
}

/** Node's parse errors in this CLI's words (the option named as the user typed it). */
function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  const flag = /'(--?[\w-]+)/.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${flag}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /does not take an argument/.test(message) ? `${flag} takes no value` : `${flag} needs a value`;
  return message;
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      lexicons: { type: 'string' },
      'lexicon-file': { type: 'string', multiple: true },
      kind: { type: 'string' },
      'machine-translated': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}
