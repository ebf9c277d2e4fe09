/**
 * How a transcript is cut into slices: `max(1, round(segments / 30.5))` sequential runs of whole caption
 * segments (DESIGN §1 fits this to two published points: 155 → 5, 3,261 → 107). Fewer than
 * MIN_FULL_SLICES slices is too short to draw an arc from; such transcripts are read as beginning / middle /
 * end excerpts instead.
 */
export const SEGMENTS_PER_SLICE = 30.5;
export const MIN_FULL_SLICES = 5;
export const EXCERPT_SLICES = 3;

export interface SlicePlan {
  /** `[firstCue, lastCue]` (inclusive) per slice, in transcript order. */
  ranges: [first: number, last: number][];
  /** True when the transcript was too short and the slices are beginning / middle / end excerpts. */
  excerpts: boolean;
}

export function fullSliceCount(segments: number): number {
  return Math.max(1, Math.round(segments / SEGMENTS_PER_SLICE));
}

export function planSlices(segments: number): SlicePlan {
  if (segments <= 0) return { ranges: [], excerpts: false };
  const full = fullSliceCount(segments);
  const excerpts = full < MIN_FULL_SLICES;
  const count = excerpts ? Math.min(EXCERPT_SLICES, segments) : full;
  const ranges: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    const first = Math.floor((k * segments) / count);
    const last = Math.floor(((k + 1) * segments) / count) - 1;
    ranges.push([first, last]);
  }
  return { ranges, excerpts };
}
