import { describe, expect, it } from 'vitest';
import type { SliceTerm } from '../../../src/scoring/perspective-map';
import { TERMS_PER_SLICE, topTerms } from '../../../src/scoring/score-cues';

/** What topTerms promises, as the plain sort it replaced: rounded, zeros out, most weight first, then the earlier cue, then first seen. */
function reference(terms: readonly SliceTerm[]): SliceTerm[] {
  return terms
    .map((t) => ({ ...t, contribution: Math.round(t.contribution * 100) / 100 + 0 }))
    .filter((t) => t.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.cueIndex - b.cueIndex)
    .slice(0, TERMS_PER_SLICE);
}

describe('topTerms', () => {
  it('keeps what a stable sort would keep, on seeded random slices full of ties', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      // Few distinct weights and cues, so equal weights, equal cues and terms rounding to 0 are common.
      const terms: SliceTerm[] = Array.from({ length: random(25) }, (_, k) => ({
        term: `t${k}`,
        lexicon: `l${random(3)}`,
        contribution: ((random(9) - 4) / 2) * (random(2) === 0 ? 1 : 1.001) + (random(4) === 0 ? 0.004 : 0),
        cueIndex: random(6),
        timeMs: 0,
      }));
      const expected = reference(terms);
      const actual = topTerms(new Map(terms.map((t, k) => [k, { ...t }])));
      expect(actual.map((t) => [t.term, t.contribution])).toEqual(expected.map((t) => [t.term, t.contribution]));
    }
  });
});
