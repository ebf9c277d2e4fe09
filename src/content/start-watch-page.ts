/**
 * Entry for the isolated content script: builds the bridge, the strategies and the controller, and wires
 * them to the browser (messages, settings, navigation). Everything created here is torn down with the
 * content script's context (extension reload/update).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { createBridgeClient } from '../bridge/bridge-client';
import { createDirectStrategy } from '../acquisition/direct-strategy';
import { listTracksWithoutHelper } from '../acquisition/list-tracks-without-helper';
import { createPanelStrategy } from '../acquisition/panel-strategy';
import { createPlayerStrategy } from '../acquisition/player-strategy';
import { youtubeSelectors } from '../youtube-page/youtube-selectors';
import { onTabMessage, sendToBackground } from '../messaging/content-script-messaging';
import { mountPanel } from '../panel/mount-panel';
import { loadTranscriptPanelReader } from '../panel/load-chunks';
import { createPageSettings } from '../settings/page-settings';
import { createShowAnywayStore } from '../settings/show-anyway';
import { createBackgroundClient } from './background-client';
import { yieldToPage } from '../panel/yield-to-page';
import { watchPage } from './page-watcher';
import { isAdShowing, watchAdFlag } from './ad-watch';
import { collectDiagnostics } from './collect-diagnostics';
import { WatchPageController } from './watch-page-controller';

export const WATCH_PAGE_TIMINGS = {
  snapshotMs: 10_000,
  /** Both worlds start at document_start: no handshake ack by then means no helper (or a jammed bridge). */
  handshakeMs: 4_000,
  /** An empty 200 is immediate; a stalled one (~8 s in the wild) is cut here and the next strategy runs. */
  strategyMs: 9_000,
  /** Inside `player`: the page helper may switch captions on and wait up to ~5 s for the token. */
  bridgeMs: 8_500,
  panelRowsMs: 6_000,
};

export function startWatchPage(ctx: ContentScriptContext): WatchPageController {
  const life = new AbortController();
  ctx.onInvalidated(() => life.abort());
  const signal = life.signal;

  const bridge = createBridgeClient(window, { signal, handshakeMs: WATCH_PAGE_TIMINGS.handshakeMs });
  const fetchInTab = (input: string, init?: RequestInit) => fetch(input, init);
  const strategies = [
    createPlayerStrategy({ bridge, fetch: fetchInTab, bridgeTimeoutMs: WATCH_PAGE_TIMINGS.bridgeMs }),
    createDirectStrategy({ fetch: fetchInTab }),
    createPanelStrategy({ doc: document, rowsTimeoutMs: WATCH_PAGE_TIMINGS.panelRowsMs, signal, loadReader: loadTranscriptPanelReader }),
  ];

  // Not wxt/utils/storage here: the same stored item read and written directly (page-settings.ts, the budget).
  const settings = createPageSettings(browser.storage);
  const readSettings = settings.read;
  const controller = new WatchPageController(
    {
      bridge,
      strategies,
      listWithoutHelper: (videoId, listSignal) => listTracksWithoutHelper({ fetch: fetchInTab, doc: document }, videoId, listSignal),
      background: createBackgroundClient({ send: sendToBackground, newUploadId: () => crypto.randomUUID(), yieldToEvents: yieldToPage }),
      preferredLanguage: async () => (await readSettings()).preferredLanguage ?? navigator.language ?? 'en',
      showAnyway: createShowAnywayStore(browser.storage.local),
      isAdShowing: () => isAdShowing(document),
      watchAd: (onChange, adSignal) => watchAdFlag({ doc: document, MutationObserver }, onChange, adSignal),
      newRequestId: () => crypto.randomUUID(),
      timings: WATCH_PAGE_TIMINGS,
      mountPanel: (deps, view) => mountPanel(ctx, deps, view),
      getVideo: () => document.querySelector<HTMLVideoElement>(youtubeSelectors.player.video.css),
      readSettings: () => readSettings(),
      writeCollapsed: (collapsed) => settings.update({ collapsed }),
      writeTranscriptOpen: (transcriptOpen) => settings.update({ transcriptOpen }),
      loadTranscript: (args) => sendToBackground('cs-bg:transcript', args),
      copyText: (text) => navigator.clipboard.writeText(text),
      collectDiagnostics: (input) =>
        collectDiagnostics(
          { doc: document, href: location.href, userAgent: navigator.userAgent, extensionVersion: browser.runtime.getManifest().version },
          input,
        ),
    },
    signal,
  );

  let previous: Awaited<ReturnType<typeof readSettings>> | null = null;
  void readSettings().then((s) => (previous ??= s));
  const unwatch = settings.watch((next) => {
    controller.onSettings(next, previous);
    previous = next;
  });
  const unlisten = onTabMessage({
    'ui-cs:summary': () => controller.summary(),
    'ui-cs:rescore': () => controller.rescore(),
    'bg-cs:progress': ({ requestId, fraction }) => controller.progress(requestId, fraction),
  });
  signal.addEventListener('abort', () => {
    unwatch();
    unlisten();
  }, { once: true });

  watchPage(window as unknown as Parameters<typeof watchPage>[0], (href) => controller.onLocation(href), signal);
  return controller;
}
