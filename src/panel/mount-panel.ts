/**
 * The one file that places the panel on the page (WXT's createShadowRootUi) and wires it to the page:
 * host attributes (DESIGN §9), theme, the <video> clock, the progress-bar strip. Everything drawn inside
 * comes from <Panel view=…/> (props only).
 *
 * The promise resolves as soon as the host exists; when neither `#below` nor `#secondary` is on the page
 * yet, the host waits (MutationObserver, bounded by the content-script context and `deps.signal`) and is
 * placed when one appears. `update()` before that only records the view.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { paletteFor } from './colour-scale';
import { Panel } from './components/panel';
import { hostAttributes } from './host-attributes';
import { findPlacement, HOST_ID, HOST_TAG, placeHost, removeStaleHosts } from './panel-placement';
import type { PanelController, PanelDeps, PanelView } from './panel-view';
import { createProgressStrip } from './progress-strip';
import { createVideoClock } from './video-clock';
import panelCss from './panel.css?inline';

const DEFAULT_DISPLAY: NonNullable<PanelView['display']> = { palette: 'default', progressBarStrip: true, collapsed: false };
/** How often a missing progress bar is looked for again while the video plays. */
const STRIP_RETRY_MS = 1000;

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
  const strip = createProgressStrip(doc);

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
    onCollapsedChange: (collapsed: boolean) => {
      // Show the change at once; the session persists it and sends it back in the next view.
      view = { ...view, display: { ...display(), collapsed } };
      draw();
      deps.onCollapsedChange(collapsed);
    },
    onTranscriptOpenChange: (transcriptOpen: boolean) => {
      view = { ...view, display: { ...display(), transcriptOpen } };
      deps.onTranscriptOpenChange(transcriptOpen);
    },
    loadTranscript: (from: number, count: number) => deps.loadTranscript(from, count),
    copyText: (text: string) => deps.copyText(text),
  };

  function syncHost(): void {
    for (const [name, value] of Object.entries(hostAttributes(view))) {
      if (value === null) host.removeAttribute(name);
      else host.setAttribute(name, value);
    }
    host.style.display = view.state === 'skipped' ? 'none' : '';
  }

  let stripDuration = Number.NaN;
  let stripTried = 0;
  function syncStrip(durationMs: number, force: boolean): void {
    const map = view.state === 'ready' ? view.map : undefined;
    if (!map || !display().progressBarStrip) {
      strip.remove();
      stripDuration = Number.NaN;
      return;
    }
    const now = win.performance.now();
    const stale = durationMs !== stripDuration || !strip.isAttached();
    if (!force && !(stale && (durationMs !== stripDuration || now - stripTried > STRIP_RETRY_MS))) return;
    stripTried = now;
    stripDuration = durationMs;
    strip.update(map.slices, durationMs, paletteFor(display().palette));
  }

  /** What the progress strip was last drawn from: a view with the same map and palette needs no rebuild. */
  let stripDrawnFrom: { map: unknown; palette: string; enabled: boolean } | null = null;
  function draw(): void {
    if (removed) return;
    syncHost();
    if (container) render(h(Panel, { view, actions, clock }), container);
    const from = { map: view.state === 'ready' ? view.map : undefined, palette: display().palette, enabled: display().progressBarStrip };
    const same = stripDrawnFrom !== null && stripDrawnFrom.map === from.map && stripDrawnFrom.palette === from.palette && stripDrawnFrom.enabled === from.enabled;
    stripDrawnFrom = from;
    // A long episode's strip is thousands of segments: rebuilt when what it shows changes (or is missing), not on every view.
    syncStrip(clock.read().durationMs, !same);
  }

  // Theme: YouTube marks dark mode with html[dark].
  const applyTheme = () => host.setAttribute('data-theme', doc.documentElement.hasAttribute('dark') ? 'dark' : 'light');
  applyTheme();
  const themeObserver = new MutationObserver(applyTheme);
  themeObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['dark'] });

  const unsubscribeStrip = clock.subscribe((tick) => syncStrip(tick.durationMs, false));

  // Placement: now, or when #below / #secondary appears.
  let placementObserver: MutationObserver | null = null;
  let pending = 0;
  const stopWaiting = () => {
    placementObserver?.disconnect();
    placementObserver = null;
    if (pending) win.cancelAnimationFrame(pending);
    pending = 0;
  };
  const tryMount = (): boolean => {
    if (removed || ctx.isInvalid || deps.signal?.aborted) return true;
    if (!findPlacement(doc)) return false;
    ui.mount();
    mounted = true;
    return true;
  };
  if (!tryMount()) {
    placementObserver = new MutationObserver(() => {
      // Coalesce YouTube's mutation storms into one look per frame.
      if (pending) return;
      pending = win.requestAnimationFrame(() => {
        pending = 0;
        if (tryMount()) stopWaiting();
      });
    });
    placementObserver.observe(doc.documentElement, { childList: true, subtree: true });
  }
  syncHost();

  const controller: PanelController = {
    update(next) {
      if (removed) return;
      view = next;
      if (mounted && !host.isConnected) {
        // Another panel took the page (a newer session mounted): this one is superseded, never the reverse.
        const other = doc.getElementById(HOST_ID);
        if (other && other !== host) return controller.remove();
        // YouTube re-rendered the part of the page that held us: put the host back.
        if (findPlacement(doc)) ui.mount();
      }
      draw();
    },
    remove() {
      if (removed) return;
      removed = true;
      stopWaiting();
      themeObserver.disconnect();
      unsubscribeStrip();
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
