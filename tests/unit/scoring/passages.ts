import type { Cue } from '../../../src/captions/cue';
import { DEFAULT_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import { scoreCues } from '../../../src/scoring/score-cues';

/** A passage as captions: `|` separates cues (2 s each), as ASR would cut them. */
export function cuesOf(text: string): Cue[] {
  return text.split('|').map((part, i) => ({ startMs: i * 2000, endMs: i * 2000 + 2000, text: part.trim() }));
}

/** One passage scored as one slice (all its cues in one) with the built-in lexicons. */
export function passage(text: string) {
  const cues = cuesOf(text).map((c) => c.text).join(' ');
  const map = scoreCues([{ startMs: 0, endMs: 10_000, text: cues }], { lexicons: [...DEFAULT_LEXICONS] });
  const slice = map.slices[0];
  if (!slice) throw new Error('no slice');
  return { score: slice.score, band: slice.band, terms: slice.terms, map };
}

export function scorePassageCues(text: string) {
  return scoreCues(cuesOf(text), { lexicons: [...DEFAULT_LEXICONS] });
}
