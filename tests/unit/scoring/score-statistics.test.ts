import { describe, expect, it } from 'vitest';
import { largestRemainder, percentile, scoreStatistics } from '../../../src/scoring/score-statistics';
import { fullSliceCount, planSlices } from '../../../src/scoring/slice-plan';
import { bandOf, sliceScore } from '../../../src/scoring/slice-score';

/** Deterministic PRNG (mulberry32) so property tests are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('sliceScore and bands (properties)', () => {
  it.each(SEEDS)('scores are integers in −100…100 with consistent bands (seed %i)', (seed) => {
    const random = rng(seed);
    for (let k = 0; k < 200; k++) {
      const net = (random() - 0.5) * 200 * random();
      const words = Math.floor(random() * 2000);
      const score = sliceScore(net, words);
      expect(Number.isInteger(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(-100);
      expect(score).toBeLessThanOrEqual(100);
      expect(Math.sign(score) === 0 || Math.sign(score) === Math.sign(net)).toBe(true);
      const band = bandOf(score);
      expect(band).toBe(score <= -18 ? 'risk-forward' : score >= 18 ? 'opportunity-forward' : 'mixed');
    }
  });

  it('normalises for slice length: the same density of stance scores alike, more evidence scores higher', () => {
    expect(Math.abs(sliceScore(-2, 200) - sliceScore(-4, 800))).toBeLessThanOrEqual(6);
    expect(sliceScore(-4, 200)).toBeLessThan(sliceScore(-2, 200));
  });

  it.each([
    [-18, 'risk-forward'], [-17, 'mixed'], [0, 'mixed'], [17, 'mixed'], [18, 'opportunity-forward'], [-100, 'risk-forward'], [100, 'opportunity-forward'],
  ] as const)('band of %i is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
});

describe('scoreStatistics (properties)', () => {
  it.each(SEEDS)('shares sum to 100 and reordering changes no statistic (seed %i)', (seed) => {
    const random = rng(seed);
    const scores = Array.from({ length: 1 + Math.floor(random() * 150) }, () => Math.round((random() - 0.5) * 200 * random()));
    const stats = scoreStatistics(scores);
    const shares = Object.values(stats.bandShares);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect(shares.every((s) => Number.isInteger(s) && s >= 0)).toBe(true);
    const shuffled = [...scores].sort(() => random() - 0.5).reverse();
    expect(scoreStatistics(shuffled)).toEqual(stats);
    expect(stats.min).toBe(Math.min(...scores));
    expect(stats.max).toBe(Math.max(...scores));
    expect(stats.p10).toBeLessThanOrEqual(stats.median);
    expect(stats.median).toBeLessThanOrEqual(stats.p90);
  });

  it('interpolates percentiles linearly between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([0, 10], 0.1)).toBeCloseTo(1);
    expect(percentile([-10, 0, 5, 9], 0.9)).toBeCloseTo(7.8);
    expect(percentile([7], 0.1)).toBe(7);
  });

  it.each([
    [[1, 1, 1], [34, 33, 33]],
    [[2, 105, 0], [2, 98, 0]],
    [[1, 0, 0], [100, 0, 0]],
    [[0, 0, 0], [0, 100, 0]],
  ])('largest remainder %j → %j', (counts, shares) => {
    const result = largestRemainder(counts, 100);
    expect(result.reduce((a, b) => a + b, 0)).toBe(100);
    expect(result).toEqual(shares);
  });
});

describe('slice plan', () => {
  it.each([
    [3261, 107],
    [155, 5],
    [1, 1],
    [45, 1],
    [10_000, 328],
  ])('%i caption segments → %i full slices', (segments, slices) => {
    expect(fullSliceCount(segments)).toBe(slices);
  });

  it.each([3261, 155, 500, 7])('slices of %i segments are contiguous whole segments covering everything', (segments) => {
    const { ranges } = planSlices(segments);
    expect(ranges[0]?.[0]).toBe(0);
    expect(ranges[ranges.length - 1]?.[1]).toBe(segments - 1);
    ranges.forEach(([first, last], i) => {
      expect(last).toBeGreaterThanOrEqual(first);
      if (i > 0) expect(first).toBe((ranges[i - 1]?.[1] as number) + 1);
    });
  });

  it.each([
    [100, 3, true],
    [2, 2, true],
    [155, 5, false],
    [0, 0, false],
  ])('%i segments → %i slices (excerpts: %s)', (segments, count, excerpts) => {
    const plan = planSlices(segments);
    expect(plan.ranges).toHaveLength(count);
    expect(plan.excerpts).toBe(excerpts);
  });
});
