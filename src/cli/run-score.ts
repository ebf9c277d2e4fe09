import { CaptionParseError, type Cue } from '../captions/cue';
import { parseCaptions } from '../captions/parse-captions';
import { DEFAULT_ENABLED_LEXICON_IDS } from '../lexicons/builtin-lexicon-ids';
import { BUILTIN_LEXICON_IDS } from '../lexicons/builtin-lexicons';
import type { Lexicon } from '../lexicons/lexicon';
import { resolveLexicons } from '../lexicons/resolve-lexicons';
import { validateCustomLexicon } from '../lexicons/validate-lexicon';
import { compileMatcher } from '../scoring/compile-matcher';
import { scoreCues } from '../scoring/score-cues';
import { formatCsv, formatJson, formatSummaryTable, formatText, type ScoredFile } from './format-map';
import { parseScoreArgs, USAGE, UsageError, type CaptionKind } from './parse-score-args';

/** The CLI's only contact with the outside world, passed in so tests can run it without a process. */
export interface CliIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Bad input (files, bodies, lexicons, flags): reported as one line, exit code 2. */
class InputError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * `score FILE… [--format text|json|csv] [--lexicons id,id] [--lexicon-file f.json]`: every file is read and
 * parsed before anything is printed, so bad input yields one stderr line and exit 2, never partial output or
 * a stack trace.
 */
export function runScore(argv: readonly string[], io: CliIo): number {
  try {
    const args = parseScoreArgs(argv);
    if (args.help) {
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    const lexicons = loadLexicons(args.lexiconIds, args.lexiconFiles, io);
    const inputs = args.files.map((file) => {
      const body = read(file, io);
      return { file, body, cues: parse(file, body) };
    });
    // One compiled matcher for every file, as the worker's memo keeps one per lexicon set.
    const matcher = compileMatcher(lexicons);
    const scored: ScoredFile[] = inputs.map(({ file, body, cues }) => {
      const videoId = videoIdFromPath(file);
      const captionKind = args.captionKind ?? guessCaptionKind(file, body);
      return { file, map: scoreCues(cues, { lexicons, matcher, captionKind, ...(args.machineTranslated ? { machineTranslated: true } : {}), ...(videoId ? { videoId } : {}) }) };
    });
    if (args.format === 'json') io.stdout(formatJson(scored));
    else if (args.format === 'csv') io.stdout(formatCsv(scored));
    else {
      io.stdout(scored.map(formatText).join('\n'));
      if (scored.length > 1) io.stdout(`\n${formatSummaryTable(scored)}`);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`score: ${error.message} (try --help)\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof InputError) {
      io.stderr(`score: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`score: unexpected error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT_FAILURE;
  }
}

function loadLexicons(ids: string[] | undefined, files: readonly string[], io: CliIo): Lexicon[] {
  const custom = files.map((file) => {
    const text = read(file, io);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${file}: not valid JSON (${oneLine((error as Error).message)})`);
    }
    const result = validateCustomLexicon(data);
    if (!result.ok) throw new InputError(`${file}: invalid lexicon: ${result.errors.join('; ')}`);
    return result.lexicon;
  });
  const enabled = [...(ids ?? DEFAULT_ENABLED_LEXICON_IDS), ...custom.map((l) => l.id)];
  const { lexicons, unknown } = resolveLexicons(enabled, custom);
  if (unknown.length > 0) {
    throw new InputError(`unknown lexicon id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (built-in: ${BUILTIN_LEXICON_IDS.join(', ')})`);
  }
  if (lexicons.length === 0) throw new InputError('no lexicons enabled');
  return lexicons;
}

function read(file: string, io: CliIo): string {
  try {
    return io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
}

function parse(file: string, body: string): Cue[] {
  try {
    return parseCaptions(body).cues;
  } catch (error) {
    if (error instanceof CaptionParseError) {
      throw new InputError(`${file}: malformed caption body${error.format ? ` (${error.format})` : ''}: ${oneLine(error.message)}`);
    }
    throw new InputError(`${file}: malformed caption body: ${oneLine(error instanceof Error ? error.message : String(error))}`);
  }
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** `…/4WNWeUQ7Hfc/captions.asr.json3` or `4WNWeUQ7Hfc.en.json3` → the video id; otherwise none. */
export function videoIdFromPath(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const base = (parts[parts.length - 1] ?? '').split('.')[0] ?? '';
  if (VIDEO_ID.test(base)) return base;
  const parent = parts[parts.length - 2];
  return parent !== undefined && VIDEO_ID.test(parent) ? parent : undefined;
}

/** ASR when the file says so (`*.asr.*`) or a json3 body carries ASR confidence fields; uploaded otherwise. */
export function guessCaptionKind(file: string, body: string): CaptionKind {
  const base = file.split(/[\\/]/).pop() ?? '';
  if (/(^|[._-])asr([._-]|$)/i.test(base)) return 'asr';
  if (body.includes('"acAsrConf"')) return 'asr';
  return 'uploaded';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
