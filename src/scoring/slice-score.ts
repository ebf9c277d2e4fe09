import type { BandId } from './perspective-map';

/** Band thresholds of the published method: Risk-forward ≤ −18, Mixed −17…+17, Opportunity-forward ≥ +18. */
export const RISK_THRESHOLD = -18;
export const OPPORTUNITY_THRESHOLD = 18;

/**
 * α in `100 · net / sqrt(net² + α·n)`: how many scored words one unit of net stance must stand against.
 * Larger α → scores nearer 0. Calibrated once on the scale of the published numbers, not per episode.
 */
export const LENGTH_ALPHA = 2;

/**
 * A slice's score: the signed, modified sum of its terms normalised for its length, so a long slice with the
 * same density of stance language scores like a short one, saturating toward ±100.
 */
export function sliceScore(net: number, words: number): number {
  if (net === 0) return 0;
  const score = Math.round((100 * net) / Math.sqrt(net * net + LENGTH_ALPHA * Math.max(words, 1)));
  return Math.max(-100, Math.min(100, score)) + 0; // + 0 turns −0 into 0
}

export function bandOf(score: number): BandId {
  if (score <= RISK_THRESHOLD) return 'risk-forward';
  if (score >= OPPORTUNITY_THRESHOLD) return 'opportunity-forward';
  return 'mixed';
}
