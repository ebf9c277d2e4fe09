import { describe, expect, it } from 'vitest';
import { episodeStance } from '../../../src/scoring/score-cues';

const slice = (score: number, onTopic = true) => ({ score, onTopic });

describe('episodeStance (headline.stance)', () => {
  it('is the median of the on-topic slices with stance hits, so a few vocabulary-dense slices cannot outvote the rest', () => {
    // Mean −12.67 would call it risk-leaning; most stance-bearing talk sits at +10…+12.
    expect(episodeStance([slice(-60), slice(10), slice(12)], [5, 3, 4])).toBe(10);
    expect(episodeStance([slice(-60), slice(10), slice(12), slice(20)], [5, 3, 4, 1])).toBe(11);
  });

  it('sets aside off-topic slices and slices without a stance hit', () => {
    expect(episodeStance([slice(-80, false), slice(0), slice(30), slice(24)], [9, 0, 2, 2])).toBe(27);
    expect(episodeStance([slice(-80, false), slice(0)], [9, 0])).toBe(0);
    expect(episodeStance([], [])).toBe(0);
  });
});
