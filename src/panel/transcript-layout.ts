/**
 * Pure: the drawer's virtual list, one block per slice (its header and its cues). Slices hold ~30 cues
 * (DESIGN §4: segments / 30.5), so drawing only the blocks that meet the view keeps a 100,000-cue transcript
 * to a few dozen rows in the DOM. Heights start as estimates and become measurements as blocks are drawn.
 *
 * Why not @tanstack/virtual-core: 3.19 is ~9.8 KB gzip bundled, which alone would take the content script past
 * its 45 KB budget; a per-slice block list is all the drawer needs (see src/panel/README.md).
 */

/** Estimated height of one cue row and of a block's header (px), until the block is measured. */
export const ROW_ESTIMATE_PX = 22;
export const HEADER_ESTIMATE_PX = 30;

export interface BlockLayout {
  /** tops[b] = px from the list's top to block b; tops[count] = the list's height. */
  tops: Float64Array;
  heights: Float64Array;
}

/** A block's estimated height: its header and `cues` rows. */
export function estimateBlockPx(cues: number): number {
  return HEADER_ESTIMATE_PX + cues * ROW_ESTIMATE_PX;
}

export function estimateLayout(cuesPerBlock: readonly number[]): BlockLayout {
  const heights = Float64Array.from(cuesPerBlock, estimateBlockPx);
  return { heights, tops: prefixSums(heights) };
}

/** A layout with some blocks measured; `null` when nothing changed (so no re-render). */
export function withMeasured(layout: BlockLayout, measured: ReadonlyMap<number, number>): BlockLayout | null {
  let changed = false;
  const heights = layout.heights.slice();
  for (const [block, height] of measured) {
    if (height > 0 && Math.abs((heights[block] as number) - height) >= 0.5) {
      heights[block] = height;
      changed = true;
    }
  }
  return changed ? { heights, tops: prefixSums(heights) } : null;
}

function prefixSums(heights: Float64Array): Float64Array {
  const tops = new Float64Array(heights.length + 1);
  for (let b = 0; b < heights.length; b++) tops[b + 1] = (tops[b] as number) + (heights[b] as number);
  return tops;
}

/** The block at `offset` px from the list's top (the last block for offsets past the end). */
export function blockAt(layout: BlockLayout, offset: number): number {
  const count = layout.heights.length;
  if (count === 0) return -1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((layout.tops[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Blocks [first, last] that meet the view [scrollTop, scrollTop + viewport), plus `overscan` px either side. */
export function visibleBlocks(layout: BlockLayout, scrollTop: number, viewport: number, overscan: number): [number, number] {
  if (layout.heights.length === 0) return [0, -1];
  return [blockAt(layout, Math.max(0, scrollTop - overscan)), blockAt(layout, scrollTop + viewport + overscan)];
}

/** The block (slice) holding cue `cue`, given each block's first cue in order. */
export function blockOfCue(firstCues: readonly number[], cue: number): number {
  let lo = 0;
  let hi = firstCues.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((firstCues[mid] as number) <= cue) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The cue playing at `ms` among cues sorted by start (the last one started), or -1 before the first. */
export function cueAt(starts: ArrayLike<number>, count: number, ms: number): number {
  let lo = 0;
  let hi = count - 1;
  if (count === 0 || (starts[0] as number) > ms) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
