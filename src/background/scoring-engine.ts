import { parseCaptions } from '../captions/parse-captions';
import { lexiconSetHash } from '../lexicons/lexicon-hash';
import { resolveLexicons } from '../lexicons/resolve-lexicons';
import { compileMatcher } from '../scoring/compile-matcher';
import { scoreCues, scoreCuesWithHits } from '../scoring/score-cues';
import { SCORER_VERSION } from '../scoring/scorer-version';

/**
 * The pure functions the scoring service runs (parse, resolve, compile, score) and the scorer version it stamps
 * on cached maps: one list for the worker (start-background.ts) and the worker bench (bench/worker.ts), so the
 * bench always measures the engine the worker ships.
 */
export const SCORING_ENGINE = {
  parseCaptions,
  scoreCues,
  scoreCuesWithHits,
  compileMatcher,
  resolveLexicons,
  lexiconSetHash,
  scorerVersion: SCORER_VERSION,
} as const;
