/**
 * The one file that places the panel on the page (WXT's createShadowRootUi) and wires it to the page:
 * host attributes (DESIGN §9), theme, the <video> clock, the progress-bar strip. Everything drawn inside
 * comes from <Panel view=…/> (props only).
 *
 * The promise resolves as soon as the host exists; when no place (panel-placement.ts) is shown yet, the host
 * waits (bounded by the content-script context and `deps.signal`) and is placed when one appears; `update()`
 * before that only records the view, and `attachment()` reports no place (the session's diagnostics say so).
 * Once placed, the host's ancestor chain is watched: YouTube re-rendering that part of the page puts it back.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { paletteFor } from './colour-scale';
import { Panel, type CopyResult } from './components/panel';
import { hostAttributes } from './host-attributes';
import { watchAncestors } from '../youtube-page/watch-ancestors';
import { findPlacement, HOST_ID, HOST_TAG, placeHost, removeStaleHosts, type PlacementName } from './panel-placement';
import type { PanelController, PanelDeps, PanelView } from './panel-view';
import { createProgressStrip } from './progress-strip';
import { createVideoClock } from './video-clock';
import panelCss from './panel.css?inline';

const DEFAULT_DISPLAY: NonNullable<PanelView['display']> = { palette: 'default', progressBarStrip: true, collapsed: false };
/** How long the whole document is watched for a place to appear (a page still being built). */
const PLACE_WATCH_MS = 15_000;
/** Past that, how often a page without a known place is looked at again. */
const PLACE_POLL_MS = 2_000;

export async function mountPanel(ctx: ContentScriptContext, deps: PanelDeps, initialView: PanelView): Promise<PanelController> {
  const doc = document;
  const win = window;
  let view = initialView;
  let removed = false;
  let mounted = false;
  let container: HTMLElement | null = null;

  removeStaleHosts(doc);

  const clock = createVideoClock({
    events: doc,
    getVideo: () => deps.getVideo(),
    requestFrame: (cb) => win.requestAnimationFrame(cb),
    cancelFrame: (handle) => win.cancelAnimationFrame(handle),
  });
  const strip = createProgressStrip({ doc, getVideo: () => deps.getVideo(), onStatusChange: () => draw() });

  const ui = await createShadowRootUi(ctx, {
    name: HOST_TAG,
    mode: 'open',
    position: 'inline',
    // The panel's :host rule replaces WXT's `all: initial !important`, which would also beat the inline
    // `display: none` the skipped state relies on.
    inheritStyles: true,
    css: panelCss,
    // Keys pressed in the panel are not YouTube shortcuts (arrows would seek, space would pause).
    isolateEvents: true,
    anchor: () => findPlacement(doc)?.parent,
    append: (_anchor, host) => {
      const placement = findPlacement(doc);
      if (placement) placeHost(host, placement);
    },
    onMount: (uiContainer) => {
      container = uiContainer;
      draw();
      return uiContainer;
    },
    onRemove: (uiContainer) => {
      if (uiContainer) render(null, uiContainer);
      container = null;
    },
  });
  const host = ui.shadowHost;
  host.id = HOST_ID;

  const display = () => view.display ?? DEFAULT_DISPLAY;

  const actions = {
    onRetry: () => deps.onRetry(),
    onTrackChange: (vssId: string) => deps.onTrackChange(vssId),
    onCopyDiagnostics: async (): Promise<CopyResult> => {
      const text = deps.diagnostics?.() ?? '';
      try {
        await win.navigator.clipboard.writeText(text);
        return { text, copied: true };
      } catch {
        return { text, copied: false };
      }
    },
    onCollapsedChange: (collapsed: boolean) => {
      // Show the change at once; the session persists it and sends it back in the next view.
      view = { ...view, display: { ...display(), collapsed } };
      draw();
      deps.onCollapsedChange(collapsed);
    },
  };

  function syncHost(): void {
    for (const [name, value] of Object.entries(hostAttributes(view))) {
      if (value === null) host.removeAttribute(name);
      else host.setAttribute(name, value);
    }
    host.style.display = view.state === 'skipped' ? 'none' : '';
  }

  function syncStrip(): void {
    const map = view.state === 'ready' ? view.map : undefined;
    if (!map || !display().progressBarStrip) return strip.hide();
    strip.show(map.slices, paletteFor(display().palette));
  }

  /** What the panel itself found missing on the page (no progress bar for the strip) joins the session's list. */
  function withPageFindings(v: PanelView): PanelView {
    if (strip.status() !== 'no-bar' || v.missing?.includes('progress-bar')) return v;
    return { ...v, missing: [...(v.missing ?? []), 'progress-bar'] };
  }

  function draw(): void {
    if (removed) return;
    syncHost();
    if (container) render(h(Panel, { view: withPageFindings(view), actions, clock }), container);
    syncStrip();
  }

  // Theme: YouTube marks dark mode with html[dark].
  const applyTheme = () => host.setAttribute('data-theme', doc.documentElement.hasAttribute('dark') ? 'dark' : 'light');
  applyTheme();
  const themeObserver = new MutationObserver(applyTheme);
  themeObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['dark'] });

  // Placement: now, or when a place appears. While none is there, the whole document is watched (coalesced to one
  // look per frame) for PLACE_WATCH_MS — a page still being built; past that, an unknown layout is looked at again
  // only every PLACE_POLL_MS, so a page we do not know costs nothing while it plays.
  let placementObserver: MutationObserver | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let watchTimer: ReturnType<typeof setTimeout> | null = null;
  let pending = 0;
  let placedAt: PlacementName | null = null;
  let unwatchHost: (() => void) | null = null;
  const stopWaiting = () => {
    placementObserver?.disconnect();
    placementObserver = null;
    if (pending) win.cancelAnimationFrame(pending);
    pending = 0;
    if (pollTimer !== null) clearInterval(pollTimer);
    if (watchTimer !== null) clearTimeout(watchTimer);
    pollTimer = watchTimer = null;
  };
  /** Puts the host at the best place shown now; false when there is none. */
  const place = (): boolean => {
    const placement = findPlacement(doc);
    if (!placement) return false;
    ui.mount();
    mounted = true;
    placedAt = placement.where;
    unwatchHost?.();
    // YouTube re-renders parts of the page: when ours goes, put it back (ancestor chain only, see watch-ancestors).
    unwatchHost = watchAncestors(host, (how) => {
      if (how === 'detached') reattach();
    });
    return true;
  };
  const reattach = () => {
    if (removed || ctx.isInvalid || deps.signal?.aborted) return;
    // Another panel took the page (a newer session mounted): this one is superseded, never the reverse.
    const other = doc.getElementById(HOST_ID);
    if (other && other !== host) return controller.remove();
    placedAt = null;
    if (!place()) waitForPlace();
    strip.refresh();
  };
  const tryMount = (): boolean => {
    if (removed || ctx.isInvalid || deps.signal?.aborted) return true;
    return place();
  };
  const waitForPlace = () => {
    if (placementObserver || pollTimer !== null) return;
    placementObserver = new MutationObserver(() => {
      // Coalesce YouTube's mutation storms into one look per frame.
      if (pending) return;
      pending = win.requestAnimationFrame(() => {
        pending = 0;
        if (tryMount()) stopWaiting();
      });
    });
    placementObserver.observe(doc.documentElement, { childList: true, subtree: true });
    watchTimer = setTimeout(() => {
      placementObserver?.disconnect();
      placementObserver = null;
      watchTimer = null;
      pollTimer = setInterval(() => {
        if (tryMount()) stopWaiting();
      }, PLACE_POLL_MS);
    }, PLACE_WATCH_MS);
  };
  if (!tryMount()) waitForPlace();
  syncHost();

  const controller: PanelController = {
    update(next) {
      if (removed) return;
      view = next;
      if (mounted && !host.isConnected) reattach();
      if (removed) return;
      draw();
    },
    attachment: () => ({ place: host.isConnected ? placedAt : null, progressBar: strip.attachedTo(), progressBarStatus: strip.status() }),
    remove() {
      if (removed) return;
      removed = true;
      stopWaiting();
      unwatchHost?.();
      themeObserver.disconnect();
      clock.dispose();
      strip.remove();
      ui.remove();
      host.remove();
    },
  };
  ctx.onInvalidated(() => controller.remove());
  deps.signal?.addEventListener('abort', () => controller.remove(), { once: true });
  return controller;
}
