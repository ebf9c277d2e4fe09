import * as v from 'valibot';
import { CaptionKindSchema, type CaptionKind } from '../captions/caption-track';

export type OutputFormat = 'text' | 'json' | 'csv';
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
  help: boolean;
}

/** A problem with the command line itself; the CLI prints its message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE =
  'usage: npm run -s score -- FILE... [--format text|json|csv] [--lexicons id,id] [--lexicon-file f.json]... [--kind asr|uploaded|panel]';

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'csv'];
const KINDS = CaptionKindSchema.options;

/** Accepts `--flag value` and `--flag=value`; `--` ends the options. */
export function parseScoreArgs(argv: readonly string[]): ScoreArgs {
  const args: ScoreArgs = { files: [], format: 'text', lexiconFiles: [], help: false };
  let optionsDone = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (optionsDone || !arg.startsWith('--')) {
      args.files.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsDone = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (flag === '--help') {
      args.help = true;
      continue;
    }
    const value = (): string => {
      if (eq !== -1) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--format': {
        const format = value();
        if (!FORMATS.includes(format as OutputFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
        args.format = format as OutputFormat;
        break;
      }
      case '--lexicons':
        args.lexiconIds = value()
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '');
        break;
      case '--lexicon-file':
        args.lexiconFiles.push(value());
        break;
      case '--kind': {
        const kind = value();
        if (!v.is(CaptionKindSchema, kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')} (got "${kind}")`);
        args.captionKind = kind;
        break;
      }
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (!args.help && args.files.length === 0) throw new UsageError('no caption file given');
  return args;
}
