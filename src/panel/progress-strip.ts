/**
 * A thin strip inside the player's own progress bar, aligned to clock time (like SponsorBlock's segments):
 * one segment per slice at startMs / duration, coloured by score. The one place the panel draws outside
 * its shadow root, so it is built with createElement and style properties only (Trusted Types forbid
 * innerHTML), never takes pointer events (the scrubber stays YouTube's), and is removed with the panel.
 *
 * Where it goes: the first *shown* attach point of FACTS §7 (newer hosts, then the classic bar; never the hover
 * preview's bar; src/youtube-page/attach-points.ts). It spans the whole host, so with chapters — the bar split
 * into `.ytp-chapters-container` pieces with gaps — each segment still sits at its clock time, as the scrubber
 * maps it (the gaps fall inside segments, they do not shift them).
 *
 * When it looks again (never per frame): on the video's `loadstart`, `loadedmetadata` and `durationchange`, when the
 * strip leaves the page with its bar (its ancestor chain only, `childList`: stay-attached.ts), when the bar shrinks
 * to nothing (a ResizeObserver on that one element: a layout switch hid it), and on `fullscreenchange`.
 */
import type { SliceScore } from '../scoring/perspective-map';
import { findProgressBar, isShown, type ProgressBarName, type Visibility } from '../youtube-page/attach-points';
import { stayAttached, type StayAttached } from './stay-attached';
import { scoreColour, type Palette } from './colour-scale';
import { clockSpan, percent } from './geometry';

export const PROGRESS_STRIP_ATTRIBUTE = 'data-perspective-map-strip';

export interface ProgressStripDeps {
  doc: Document;
  /** The watch page's current <video> (its duration sets the scale; its events trigger a new look). */
  getVideo(): { duration?: number } | null;
  visible?: Visibility;
  /** Called when `status()` changes (the panel says so when no bar is found). */
  onStatusChange?(status: StripStatus): void;
}

/**
 * `no-bar`: a map to draw and a known duration, but none of the attach points is on the page. `stood-down`:
 * something else kept removing the strip (another extension's segments in the same bar); it stays out of the
 * page for the rest of this panel's life rather than fight (stay-attached.ts).
 */
export type StripStatus = 'off' | 'attached' | 'no-bar' | 'no-duration' | 'stood-down';

export interface ProgressStrip {
  /** Draws these slices (now, or as soon as a bar and the duration are known). */
  show(slices: readonly SliceScore[], palette: Palette): void;
  /** Takes the strip away and stops looking (until the next show). */
  hide(): void;
  /** Looks for the attach point again now (the panel calls it when YouTube re-rendered around it). */
  refresh(): void;
  /** The strip's element (in the page while drawn). */
  readonly element: HTMLElement;
  /** Which attach point holds the strip now, or null (none shown, no duration, hidden). */
  attachedTo(): ProgressBarName | null;
  status(): StripStatus;
  isAttached(): boolean;
  remove(): void;
}

const WATCHED_MEDIA_EVENTS = ['loadstart', 'loadedmetadata', 'durationchange'] as const;

export function createProgressStrip(deps: ProgressStripDeps): ProgressStrip {
  const { doc } = deps;
  const visible = deps.visible ?? isShown;
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

  let wanted: { slices: readonly SliceScore[]; palette: Palette } | null = null;
  let host: { element: HTMLElement; name: ProgressBarName; restorePosition: string | null } | null = null;
  // YouTube rebuilding the bar takes the strip with it: the ancestor chain tells, and the bar is chosen again.
  const MutationObserverCtor = doc.defaultView?.MutationObserver;
  const keep: StayAttached | null = MutationObserverCtor
    ? stayAttached(strip, () => (wanted ? refresh() : undefined), { MutationObserver: MutationObserverCtor, onStandDown: standDown })
    : null;
  let stoodDown = false;
  function standDown(): void {
    stoodDown = true;
    listen(false);
    release();
    setStatus('stood-down');
    console.warn('[perspective-map] something keeps removing the progress-bar strip; leaving the bar to it');
  }
  let drawnKey = '';
  let listening = false;
  let status: StripStatus = 'off';
  const setStatus = (next: StripStatus) => {
    if (next === status) return;
    status = next;
    deps.onStatusChange?.(next);
  };
  const resizeObserver =
    typeof doc.defaultView?.ResizeObserver === 'function'
      ? new doc.defaultView.ResizeObserver((entries) => {
          if (entries.some((e) => e.contentRect.width === 0 && e.contentRect.height === 0)) refresh();
        })
      : null;

  const onMediaEvent = (event: Event) => {
    if (event.target === deps.getVideo()) refresh();
  };
  const onFullscreen = () => refresh();

  function listen(on: boolean): void {
    if (on === listening) return;
    listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    for (const type of WATCHED_MEDIA_EVENTS) doc[method](type, onMediaEvent, true);
    doc[method]('fullscreenchange', onFullscreen);
  }

  function release(): void {
    strip.remove();
    if (!host) return;
    resizeObserver?.unobserve(host.element);
    if (host.restorePosition !== null) host.element.style.position = host.restorePosition;
    host = null;
  }

  function adopt(element: HTMLElement, name: ProgressBarName): void {
    if (host?.element === element) {
      host.name = name;
      return;
    }
    release();
    // The segments are absolutely placed: the host must be their containing block.
    const positioned = doc.defaultView?.getComputedStyle(element).position !== 'static';
    const restorePosition = positioned ? null : element.style.position;
    if (!positioned) element.style.position = 'relative';
    host = { element, name, restorePosition };
    resizeObserver?.observe(element);
    drawnKey = '';
  }

  function durationMs(): number {
    const duration = deps.getVideo()?.duration;
    return typeof duration === 'number' && Number.isFinite(duration) && duration > 0 ? duration * 1000 : Number.NaN;
  }

  function refresh(): void {
    if (stoodDown) return;
    if (!wanted || wanted.slices.length === 0) {
      release();
      return setStatus('off');
    }
    const current = host && host.element.isConnected && visible(host.element) ? host : null;
    // A higher-priority host may have appeared (a layout switch): the priority list decides every time.
    const choice = findProgressBar(doc, visible);
    const total = durationMs();
    if (!choice || !(total > 0)) {
      release();
      return setStatus(!(total > 0) ? 'no-duration' : 'no-bar');
    }
    if (!current || current.element !== choice.element) adopt(choice.element, choice.name);
    const bar = host!.element;
    // Stale strips (an earlier session, an extension reload) would double the segments.
    for (const old of doc.querySelectorAll(`[${PROGRESS_STRIP_ATTRIBUTE}]`)) if (old !== strip) old.remove();
    if (strip.parentElement !== bar) bar.append(strip);
    keep?.check();
    draw(total);
    setStatus('attached');
  }

  function draw(total: number): void {
    const { slices, palette } = wanted!;
    const key = `${total}|${palette.id}|${slices.length}|${slices[0]?.startMs}|${slices.at(-1)?.endMs}`;
    if (key === drawnKey) return;
    drawnKey = key;
    strip.replaceChildren();
    slices.forEach((slice, i) => {
      const span = clockSpan(slice, total);
      if (!span) return;
      const segment = doc.createElement('div');
      segment.setAttribute('data-slice-index', String(i));
      segment.setAttribute('data-start-ms', String(slice.startMs));
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
  }

  return {
    element: strip,
    show(slices, palette) {
      if (wanted && wanted.slices !== slices) drawnKey = '';
      wanted = { slices, palette };
      if (stoodDown) return;
      listen(true);
      refresh();
    },
    hide() {
      wanted = null;
      listen(false);
      release();
      drawnKey = '';
      setStatus(stoodDown ? 'stood-down' : 'off');
    },
    refresh,
    attachedTo: () => (host && strip.isConnected ? host.name : null),
    status: () => status,
    isAttached: () => strip.isConnected,
    remove() {
      wanted = null;
      listen(false);
      release();
      keep?.stop();
      resizeObserver?.disconnect();
    },
  };
}
