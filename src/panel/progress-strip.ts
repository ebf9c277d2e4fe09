/**
 * A thin strip inside the player's own progress bar, aligned to clock time (like SponsorBlock's segments):
 * one segment per slice at startMs / duration, coloured by score. The one place the panel draws outside
 * its shadow root, so it is built with createElement and style properties only (Trusted Types forbid
 * innerHTML), never takes pointer events (the scrubber stays YouTube's), and is removed with the panel.
 */
import type { SliceScore } from '../scoring/perspective-map';
import { scoreColour, type Palette } from './colour-scale';
import { clockSpan, percent } from './geometry';

export const PROGRESS_BAR_SELECTORS = ['#movie_player .ytp-progress-bar', '.html5-video-player .ytp-progress-bar', '.ytp-progress-bar'] as const;
export const PROGRESS_STRIP_ATTRIBUTE = 'data-perspective-map-strip';

export interface ProgressStrip {
  /** The strip's element (in the page while drawn; mount-panel watches its ancestor chain). */
  readonly element: HTMLElement;
  /** Draws (or redraws) the segments; skips quietly while the bar or the duration is missing. */
  update(slices: readonly SliceScore[], durationMs: number, palette: Palette): void;
  remove(): void;
  /** Whether the strip is in the page now (YouTube may rebuild the progress bar). */
  isAttached(): boolean;
}

function findProgressBar(doc: Document): HTMLElement | null {
  for (const selector of PROGRESS_BAR_SELECTORS) {
    const found = doc.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

export function createProgressStrip(doc: Document): ProgressStrip {
  const strip = doc.createElement('div');
  strip.setAttribute(PROGRESS_STRIP_ATTRIBUTE, '');
  strip.setAttribute('aria-hidden', 'true');
  Object.assign(strip.style, {
    position: 'absolute',
    left: '0',
    bottom: '0',
    width: '100%',
    height: '100%',
    pointerEvents: 'none',
    opacity: '0.65',
    zIndex: '33',
  });
  let key = '';

  return {
    element: strip,
    update(slices, durationMs, palette) {
      const bar = findProgressBar(doc);
      if (!bar || !(durationMs > 0) || slices.length === 0) {
        strip.remove();
        key = '';
        return;
      }
      // Stale strips (an earlier session, an extension reload) would double the segments.
      for (const old of bar.querySelectorAll(`[${PROGRESS_STRIP_ATTRIBUTE}]`)) if (old !== strip) old.remove();
      if (strip.parentElement !== bar) bar.append(strip);
      const nextKey = `${durationMs}|${palette.id}|${slices.length}|${slices[0]?.startMs}|${slices.at(-1)?.endMs}`;
      if (nextKey === key) return;
      key = nextKey;
      strip.replaceChildren();
      slices.forEach((slice, i) => {
        const span = clockSpan(slice, durationMs);
        if (!span) return;
        const segment = doc.createElement('div');
        segment.setAttribute('data-slice-index', String(i));
        Object.assign(segment.style, {
          position: 'absolute',
          top: '0',
          height: '100%',
          left: percent(span.left),
          width: percent(span.width),
          backgroundColor: scoreColour(slice.score, palette),
        });
        strip.append(segment);
      });
    },
    remove() {
      strip.remove();
      key = '';
    },
    isAttached: () => strip.isConnected,
  };
}
