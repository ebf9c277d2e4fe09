import type { Cue } from '../captions/cue';
import type { TermMatch } from './match-tokens';
import type { TokenOffsets } from './tokenize-cues';

/** A stretch of one cue's original text: chars [start, end) of `cues[cue].text`. */
export interface CueRange {
  cue: number;
  start: number;
  end: number;
}

/**
 * One counted term, where it stands in the transcript: what the drawer highlights in place. A term that
 * crosses caption boundaries (a phrase, an acronym spelled over two cues) has one range per cue it touches.
 */
export interface TermHit {
  /** The matched words as the scorer read them (`existential risk` for `x risk`). */
  term: string;
  /** The lexicons that counted it (one match can count in several). */
  lexicons: string[];
  /** Signed, after modifiers, summed over `lexicons`; rounded to 2 decimals like SliceTerm. */
  contribution: number;
  slice: number;
  ranges: CueRange[];
}

/** Builds a TermHit for one match while the scorer adds its contributions; `counted()` once none of them is 0. */
export function termHit(
  cues: readonly Cue[],
  offsets: TokenOffsets,
  cueOf: Int32Array,
  match: TermMatch,
  term: string,
  slice: number,
): { add(lexicon: string, contribution: number): void; counted(): boolean; value: TermHit } {
  const value: TermHit = { term, lexicons: [], contribution: 0, slice, ranges: [] };
  let sum = 0;
  return {
    value,
    add(lexicon, contribution) {
      if (contribution === 0) return;
      sum += contribution;
      if (!value.lexicons.includes(lexicon)) value.lexicons.push(lexicon);
    },
    counted() {
      if (value.lexicons.length === 0) return false;
      value.contribution = Math.round(sum * 100) / 100 + 0;
      value.ranges = rangesOf(cues, offsets, cueOf, match);
      return true;
    },
  };
}

/** Tokens [start, end) → one range per cue, from the first token's start to the last token's end. */
export function rangesOf(cues: readonly Cue[], offsets: TokenOffsets, cueOf: Int32Array, match: TermMatch): CueRange[] {
  const firstCue = cueOf[match.start] as number;
  const from = offsets.from[match.start] as number;
  let lastCue = firstCue;
  let to = from;
  for (let i = match.start; i < match.end; i++) {
    const endCue = offsets.endCue[i] as number;
    const end = offsets.to[i] as number;
    if (endCue > lastCue || (endCue === lastCue && end > to)) {
      lastCue = endCue;
      to = end;
    }
  }
  if (firstCue === lastCue) return [{ cue: firstCue, start: from, end: to }];
  const ranges: CueRange[] = [{ cue: firstCue, start: from, end: (cues[firstCue] as Cue).text.length }];
  for (let c = firstCue + 1; c < lastCue; c++) ranges.push({ cue: c, start: 0, end: (cues[c] as Cue).text.length });
  ranges.push({ cue: lastCue, start: firstLetter((cues[lastCue] as Cue).text), end: to });
  return ranges;
}

/** A continued range starts at the cue's first non-space char (cue text may begin with a space). */
function firstLetter(text: string): number {
  const at = text.search(/\S/);
  return at < 0 ? 0 : at;
}
