/**
 * The one file that places the panel on the page (its host and shadow root: shadow-host.ts) and wires it to the page:
 * host attributes (DESIGN §9), theme, the <video> clock, the progress-bar strip. Everything drawn inside
 * comes from <Panel view=…/> (props only).
 *
 * The promise resolves as soon as the host exists; when no place (panel-placement.ts: `#below`, `#secondary`,
 * after the player slot — first shown wins) is on the page yet, the host waits (a light look every few hundred
 * ms, bounded by the content-script context and `deps.signal`) and is placed when one appears. `update()` before
 * that only records the view, and `attachment()` reports no place (the session's diagnostics say so).
 *
 * The page's budget (issue 9, STYLE habit 13): the clock follows the video only while someone can see the
 * playhead — the panel expanded, on screen (IntersectionObserver) and the tab visible (visibilitychange);
 * the host and the progress-bar strip stay in the page by watching their ancestor chains (`childList`, never a
 * subtree: stay-attached.ts; the strip manages its own, progress-strip.ts). `remove()` takes away every listener, observer and timer this file added
 * (tests/unit/panel/mount-panel-teardown.test.ts counts them).
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { paletteFor } from './colour-scale';
import { Panel } from './components/panel';
import { hostAttributes } from './host-attributes';
import { findPlacement, HOST_ID, HOST_TAG, placeHost, removeStaleHosts, type PlacementName } from './panel-placement';
import type { PanelController, PanelDeps, PanelView } from './panel-view';
import { createProgressStrip } from './progress-strip';
import { loadDiagnosticsBox, loadDrawerBody } from './load-chunks';
import { createShadowHost } from './shadow-host';
import { stayAttached } from './stay-attached';
import { createVideoClock } from './video-clock';
import panelCss from './panel.css?inline';

const DEFAULT_DISPLAY: NonNullable<PanelView['display']> = { palette: 'default', progressBarStrip: true, collapsed: false };
/** How often a missing place for the host is looked for: soon at first, then rarely (an unknown layout). */
const PLACEMENT_LOOK_MS = 250;
const PLACEMENT_SLOW_LOOK_MS = 2000;
const PLACEMENT_FAST_LOOKS = 40;

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
    now: () => win.performance.now(),
    setTimer: (cb, ms) => win.setTimeout(cb, ms),
    clearTimer: (handle) => win.clearTimeout(handle),
  });
  const strip = createProgressStrip({ doc, getVideo: () => deps.getVideo(), onStatusChange: () => draw() });
  let placedAt: PlacementName | null = null;

  // The panel's :host rule resets inherited page styles itself (all: initial), but never with !important: the
  // inline `display: none` of the skipped state must win. Keys pressed in the panel are not YouTube shortcuts.
  const { host, container: body } = createShadowHost(doc, HOST_TAG, panelCss);
  host.id = HOST_ID;
  /** Places the host where the panel belongs now (false: no place on the page yet) and draws into it. */
  function placeAndDraw(): boolean {
    const placement = findPlacement(doc);
    if (!placement) return false;
    placeHost(host, placement);
    placedAt = placement.where;
    container = body;
    draw();
    return true;
  }

  const display = () => view.display ?? DEFAULT_DISPLAY;

  const actions = {
    onRetry: () => deps.onRetry(),
    ...(deps.diagnosticsRecord ? { diagnosticsRecord: deps.diagnosticsRecord } : {}),
    onTrackChange: (vssId: string) => deps.onTrackChange(vssId),
    onShowAnyway: () => deps.onShowAnyway(),
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
    loadDrawer: loadDrawerBody,
    loadDiagnostics: loadDiagnosticsBox,
  };

  function syncHost(): void {
    for (const [name, value] of Object.entries(hostAttributes(view))) {
      if (value === null) host.removeAttribute(name);
      else host.setAttribute(name, value);
    }
    host.style.display = view.state === 'skipped' ? 'none' : '';
  }

  // Who can see the playhead decides whether the clock runs at all.
  let onScreen = true;
  function syncActive(): void {
    if (removed) return;
    clock.setActive(host.isConnected && onScreen && !doc.hidden && !display().collapsed && view.state === 'ready');
  }
  const intersection =
    typeof win.IntersectionObserver === 'function'
      ? new win.IntersectionObserver((entries) => {
          const last = entries.at(-1);
          if (!last) return;
          onScreen = last.isIntersecting;
          syncActive();
        })
      : null;
  intersection?.observe(host);
  doc.addEventListener('visibilitychange', syncActive);

  // The progress-bar strip: given the map; it finds its bar, re-checks on media loads and keeps itself in the page
  // (progress-strip.ts). Its status feeds the panel's "not found" line.
  function syncStrip(): void {
    const map = view.state === 'ready' ? view.map : undefined;
    if (removed || !map || !display().progressBarStrip) return strip.hide();
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
    syncActive();
  }

  // Theme: YouTube marks dark mode with html[dark].
  const applyTheme = () => host.setAttribute('data-theme', doc.documentElement.hasAttribute('dark') ? 'dark' : 'light');
  applyTheme();
  const themeObserver = new win.MutationObserver(applyTheme);
  themeObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['dark'] });

  // The host: placed now, or when #below / #secondary appears; afterwards kept in the page (stay-attached).
  const hostWatch = stayAttached(host, () => putBack(), {
    MutationObserver: win.MutationObserver,
    // Something keeps removing the panel (another extension): leave the page to it rather than loop.
    onStandDown: () => console.warn('[perspective-map] something keeps removing the panel; not putting it back'),
  });
  function putBack(): void {
    if (removed || !mounted || host.isConnected) return;
    // Another panel took the page (a newer session mounted): this one is superseded, never the reverse.
    const other = doc.getElementById(HOST_ID);
    if (other && other !== host) return controller.remove();
    // YouTube re-rendered the part of the page that held us: put the host back.
    placedAt = null;
    placeAndDraw();
  }
  let placementTimer = 0;
  const stopWaiting = () => {
    if (placementTimer) win.clearTimeout(placementTimer);
    placementTimer = 0;
  };
  const tryMount = (): boolean => {
    if (removed || ctx.isInvalid || deps.signal?.aborted) return true;
    if (!placeAndDraw()) return false;
    mounted = true;
    hostWatch.check();
    return true;
  };
  // A light look (one querySelector) instead of a subtree observer: YouTube's page mutates constantly while it
  // builds and plays, and the place usually exists already or appears within a second.
  let looks = 0;
  const lookAgain = () => {
    placementTimer = win.setTimeout(
      () => {
        placementTimer = 0;
        if (!tryMount()) lookAgain();
      },
      ++looks > PLACEMENT_FAST_LOOKS ? PLACEMENT_SLOW_LOOK_MS : PLACEMENT_LOOK_MS,
    );
  };
  if (!tryMount()) lookAgain();
  syncHost();

  const removeOnInvalidated = ctx.onInvalidated(() => controller.remove());
  const onAbort = () => controller.remove();
  deps.signal?.addEventListener('abort', onAbort, { once: true });

  const controller: PanelController = {
    update(next) {
      if (removed) return;
      view = next;
      if (mounted && !host.isConnected) putBack();
      if (removed) return;
      draw();
    },
    attachment: () => ({ place: host.isConnected ? placedAt : null, progressBar: strip.attachedTo(), progressBarStatus: strip.status() }),
    remove() {
      if (removed) return;
      removed = true;
      stopWaiting();
      hostWatch.stop();
      themeObserver.disconnect();
      intersection?.disconnect();
      doc.removeEventListener('visibilitychange', syncActive);
      removeOnInvalidated();
      deps.signal?.removeEventListener('abort', onAbort);
      clock.dispose();
      strip.remove();
      if (container) render(null, container);
      container = null;
      host.remove();
    },
  };
  return controller;
}
