import type { BandId, Headline } from './perspective-map';
import { bandOf } from './slice-score';

/** The order-free statistics of a set of slice scores: reordering slices changes none of them. */
export type ScoreStatistics = Pick<Headline, 'median' | 'mean' | 'min' | 'max' | 'p10' | 'p90' | 'bandShares'>;

export const BAND_IDS: readonly BandId[] = ['risk-forward', 'mixed', 'opportunity-forward'];

export function scoreStatistics(scores: readonly number[]): ScoreStatistics {
  if (scores.length === 0) {
    return { median: 0, mean: 0, min: 0, max: 0, p10: 0, p90: 0, bandShares: { 'risk-forward': 0, mixed: 100, 'opportunity-forward': 0 } };
  }
  const sorted = [...scores].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  const counts = BAND_IDS.map((band) => sorted.filter((s) => bandOf(s) === band).length);
  const shares = largestRemainder(counts, 100);
  return {
    median: tidy(percentile(sorted, 0.5)),
    mean: tidy(sum / sorted.length),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    p10: tidy(percentile(sorted, 0.1)),
    p90: tidy(percentile(sorted, 0.9)),
    bandShares: { 'risk-forward': shares[0] as number, mixed: shares[1] as number, 'opportunity-forward': shares[2] as number },
  };
}

/** Linear interpolation between closest ranks (rank = p·(n−1)), as numpy's default. `sorted` ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (rank - low);
}

/** Whole-number shares of `total` proportional to `counts`, summing exactly to `total` (Hamilton's method). */
export function largestRemainder(counts: readonly number[], total: number): number[] {
  const sum = counts.reduce((a, b) => a + b, 0);
  if (sum === 0) return counts.map((_, i) => (i === Math.floor(counts.length / 2) ? total : 0));
  const exact = counts.map((c) => (c * total) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] as number) + 1;
    left--;
  }
  return shares;
}

/** Two decimals are plenty for a headline number and keep JSON output stable across platforms. */
function tidy(x: number): number {
  return Math.round(x * 100) / 100 + 0;
}
