/**
 * Pure geometry of the panel: where a score sits on the strip, how tall an arc bar is, which slice a
 * time or a score belongs to, where the playhead stands. No DOM, no Preact — Node-testable (lint-enforced).
 *
 * Two axes are in play and must not be confused:
 * - the **spectrum axis** (strip, bar height): score −100…+100;
 * - the **transcript-order axis** (arc x, playhead): slice i of n occupies [i/n, (i+1)/n), evenly spaced
 *   whatever its clock duration (DESIGN §1: "evenly spaced in transcript order (not clock time)").
 * The progress-bar strip is the one place that uses clock time (startMs / duration).
 */

/** The minimal slice shape geometry needs (a `SliceScore` satisfies it). */
export interface TimedScore {
  startMs: number;
  endMs: number;
  score: number;
}

export const SCORE_MIN = -100;
export const SCORE_MAX = 100;
/** Published band edges: Risk-forward ≤ −18, Mixed −17…+17, Opportunity-forward ≥ +18. */
export const BAND_EDGE = 18;

export function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, score));
}

/** Score → position on the strip, 0 (risk end) … 1 (opportunity end). */
export function scoreToFraction(score: number): number {
  return (clampScore(score) - SCORE_MIN) / (SCORE_MAX - SCORE_MIN);
}

/** Position on the strip (0…1, clamped) → score. */
export function fractionToScore(fraction: number): number {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0.5;
  return SCORE_MIN + f * (SCORE_MAX - SCORE_MIN);
}

/** Percent string for CSS, rounded to keep attributes short and stable. */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100_000) / 1000}%`;
}

/**
 * The arc's vertical scale: ±25, ±50, ±75 or ±100 — the smallest that holds every slice. Most episodes
 * sit well inside ±100 (the seed spreads −18…+9), and on a fixed ±100 scale their arc is a flat line.
 * Zooming is honest because the panel prints the scale and draws the ±18 band edges at their true place.
 */
export const ARC_SCALES = [25, 50, 75, 100] as const;

export function arcScale(scores: readonly number[]): number {
  const peak = scores.reduce((m, s) => Math.max(m, Math.abs(clampScore(s))), 0);
  return ARC_SCALES.find((scale) => peak <= scale) ?? SCORE_MAX;
}

/**
 * An arc bar in a 0…100 box whose zero line is at 50: opportunity grows up, risk grows down, height is
 * proportional to |score| (full height = ±scale). A score of 0 still gets a thin stub centred on the zero
 * line so every slice stays visible and clickable.
 */
export interface BarBox {
  /** Top edge, 0 = top of the arc. */
  top: number;
  height: number;
}

export const ZERO_LINE = 50;
export const MIN_BAR = 2;

export function barBox(score: number, scale: number = SCORE_MAX): BarBox {
  const s = Math.max(-scale, Math.min(scale, clampScore(score)));
  const h = (Math.abs(s) / scale) * ZERO_LINE;
  if (h < MIN_BAR) return { top: ZERO_LINE - MIN_BAR / 2, height: MIN_BAR };
  return s > 0 ? { top: ZERO_LINE - h, height: h } : { top: ZERO_LINE, height: h };
}

/** Vertical position (0 = top) of a score line in the arc box, e.g. the ±18 band edges. */
export function scoreToArcY(score: number, scale: number = SCORE_MAX): number {
  const s = Math.max(-scale, Math.min(scale, clampScore(score)));
  return ZERO_LINE - (s / scale) * ZERO_LINE;
}

/** Left edge and width of slice `index` of `count` on the transcript-order axis, as fractions. */
export function sliceSpan(index: number, count: number): { left: number; width: number } {
  if (count <= 0) return { left: 0, width: 0 };
  return { left: index / count, width: 1 / count };
}

/** Which slice a transcript-order position (0…1) falls in. */
export function sliceAtFraction(fraction: number, count: number): number {
  if (count <= 0) return -1;
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return Math.min(count - 1, Math.floor(f * count));
}

/**
 * The slice that is "current" at `ms`: the one whose [startMs, endMs) contains it. A pause between two
 * slices still belongs to the earlier one (so the highlight does not flicker off in silences); before the
 * first slice or after the last one there is none (−1). Slices are in transcript order (binary search).
 */
export function sliceIndexAt(slices: readonly TimedScore[], ms: number): number {
  let lo = 0;
  let hi = slices.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((slices[mid]?.startMs ?? Infinity) <= ms) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found === -1) return -1;
  const slice = slices[found];
  if (found === slices.length - 1 && slice && ms >= slice.endMs) return -1;
  return found;
}

/**
 * The playhead's position on the transcript-order axis (0…1) at `ms`: the current slice's span, advanced
 * by how far through that slice's clock time we are. Gaps hold at the end of the earlier slice.
 */
export function playheadFraction(slices: readonly TimedScore[], ms: number): number {
  const count = slices.length;
  if (count === 0) return 0;
  const first = slices[0];
  if (!first || ms <= first.startMs) return 0;
  const index = sliceIndexAt(slices, ms);
  if (index === -1) return 1;
  const slice = slices[index];
  if (!slice) return 0;
  const duration = slice.endMs - slice.startMs;
  const within = duration > 0 ? Math.min(1, Math.max(0, (ms - slice.startMs) / duration)) : 1;
  return (index + within) / count;
}

/** The slice whose score is nearest `score` (earliest on ties), or −1 when there are none. */
export function nearestSliceForScore(slices: readonly TimedScore[], score: number): number {
  let best = -1;
  let bestDistance = Infinity;
  slices.forEach((slice, i) => {
    const d = Math.abs(slice.score - score);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** Clock-time span of a slice on the player's progress bar, as fractions of the video's duration. */
export function clockSpan(slice: TimedScore, durationMs: number): { left: number; width: number } | null {
  if (!(durationMs > 0)) return null;
  const start = Math.min(durationMs, Math.max(0, slice.startMs));
  const end = Math.min(durationMs, Math.max(start, slice.endMs));
  if (end <= start) return null;
  return { left: start / durationMs, width: (end - start) / durationMs };
}

/** Clock text as YouTube writes it: m:ss under an hour, h:mm:ss from an hour on. Negative → 0:00. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function formatClockRange(startMs: number, endMs: number): string {
  return `${formatClock(startMs)}–${formatClock(endMs)}`;
}

/** Signed score text with a true minus sign, as the seed prints it ("-18" reads as a hyphen otherwise). */
export function formatScore(score: number): string {
  const r = Math.round(score);
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : '0';
}
