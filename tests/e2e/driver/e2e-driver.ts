import { expect } from '@playwright/test';
import type { Replica } from '../replica/server';

/**
 * The browser-neutral face of the end-to-end harness: what a shared case (tests/e2e/cases/) may do to a browser.
 * Implemented for Chromium with Playwright (`playwright-driver.ts`, used by `harness.ts`) and for Firefox ESR with
 * puppeteer over WebDriver BiDi (`tests/e2e/firefox/firefox-harness.ts`). Everything else (panel state, the
 * player, the page's own links) is read through `evaluate` in the page, so both browsers run the same code.
 */
export type BrowserName = 'chromium' | 'firefox';

/** A tab. `evaluate` runs `fn` in the page's main world (where the replica's player lives), serialised. */
export interface E2ETab {
  /** Top-level navigation; resolves once the document has loaded. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs `fn` in the page's main world before any page script, on every following document. */
  addInitScript(fn: () => void): Promise<void>;
  /** A real pointer click on the first element matching `selector` in the document (scrolled into view). */
  click(selector: string): Promise<void>;
  /** A real pointer click on the first element matching `selector` inside the panel host's open shadow root. */
  clickInPanel(selector: string): Promise<void>;
  /** Console messages of the page (and, where the browser reports them, of the content scripts). */
  onConsole(listener: (text: string) => void): void;
  close(): Promise<void>;
}

export interface E2EBrowser {
  name: BrowserName;
  /** The test's tab (fresh profile / freshly installed extension for every test). */
  tab: E2ETab;
  replica: Replica;
  /** http(s) requests that were not for www.youtube.com (aborted). Non-empty at teardown → the test fails. */
  externalRequests: string[];
  /** Opens an extension page (`popup.html`, `options.html`) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<E2ETab>;
  /**
   * Stops the extension's background as the browser does when it is idle (Chromium: the MV3 service worker via
   * CDP; Firefox: the event page via the add-on manager's `terminateBackground`). Resolves once it is stopped; the
   * next message from a content script starts it again.
   */
  stopBackground(): Promise<void>;
}

/** A case run in both browsers: `tests/e2e/*.spec.ts` (Chromium) and `tests/e2e/firefox/*.spec.ts` (Firefox). */
export interface SharedCase {
  title: string;
  /** Per-test timeout when longer than the config's. */
  timeoutMs?: number;
  run(browser: E2EBrowser): Promise<void>;
}

export const YOUTUBE = 'https://www.youtube.com';
export const SEED = '4WNWeUQ7Hfc';

export type PanelState = 'loading' | 'ready' | 'no-captions' | 'unavailable' | 'error' | 'skipped' | 'off-topic';

export interface OpenWatchOptions {
  /** Wait until the replica player's API is attached (default true). */
  waitForPlayer?: boolean;
}

/** Loads the replica's watch page for `videoId` as https://www.youtube.com/watch?v=… */
export async function openWatch(tab: E2ETab, videoId: string, options: OpenWatchOptions = {}): Promise<void> {
  await tab.goto(`${YOUTUBE}/watch?v=${videoId}`);
  if (options.waitForPlayer ?? true) await waitForPlayer(tab);
}

export async function waitForPlayer(tab: E2ETab): Promise<void> {
  await expect
    .poll(() => tab.evaluate(() => typeof (document.querySelector('#movie_player') as unknown as { getPlayerResponse?: unknown } | null)?.getPlayerResponse === 'function'), {
      timeout: 20_000,
      message: 'the replica player API attached',
    })
    .toBe(true);
}

/** SPA-navigates the replica page to another video (as a click on a related video would). */
export async function navigateSpa(tab: E2ETab, videoId: string): Promise<void> {
  await tab.evaluate((id) => (window as unknown as { __replica: { navigate(id: string): Promise<void> } }).__replica.navigate(id), videoId);
}

/** The `<video>`'s current time in seconds. */
export function videoTime(tab: E2ETab): Promise<number> {
  return tab.evaluate(() => (document.querySelector('#movie_player video') as HTMLVideoElement).currentTime);
}

export interface NeutralPanel {
  /** Every data-* attribute of `#perspective-map` (DESIGN §9), `{}` while there is no host. */
  attributes(): Promise<Record<string, string>>;
  /** Waits for exactly one host whose `data-state` is `state` (or one of them). */
  waitForState(state: PanelState | PanelState[], timeoutMs?: number): Promise<void>;
  /** Waits for the host to describe `videoId`. */
  waitForVideo(videoId: string, timeoutMs?: number): Promise<void>;
  /** Number of elements matching `selector` in the shadow root. */
  count(selector: string): Promise<number>;
  /** `textContent` of the first match in the shadow root (`''` when none); no selector → the whole shadow root. */
  text(selector?: string): Promise<string>;
  /** An attribute of the first match in the shadow root (`null` when none). */
  attributeOf(selector: string, name: string): Promise<string | null>;
  hostCount(): Promise<number>;
}

export function panelOf(tab: E2ETab): NeutralPanel {
  const attributes = () =>
    tab.evaluate(() => {
      const hosts = document.querySelectorAll('#perspective-map');
      if (hosts.length !== 1) return {} as Record<string, string>;
      return Object.fromEntries([...hosts[0]!.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value]));
    });
  return {
    attributes,
    waitForState: async (state, timeoutMs = 20_000) => {
      const wanted: string[] = Array.isArray(state) ? state : [state];
      await expect.poll(async () => wanted.includes((await attributes())['data-state'] ?? ''), { timeout: timeoutMs, message: `panel data-state ∈ ${wanted.join('|')}` }).toBe(true);
    },
    waitForVideo: async (videoId, timeoutMs = 20_000) => {
      await expect.poll(async () => (await attributes())['data-video-id'], { timeout: timeoutMs, message: `panel data-video-id = ${videoId}` }).toBe(videoId);
    },
    count: (selector) => tab.evaluate((sel) => document.getElementById('perspective-map')?.shadowRoot?.querySelectorAll(sel).length ?? 0, selector),
    text: (selector) =>
      tab.evaluate((sel) => {
        const root = document.getElementById('perspective-map')?.shadowRoot;
        if (!root) return '';
        return (sel === undefined ? root.textContent : root.querySelector(sel)?.textContent) ?? '';
      }, selector),
    attributeOf: (selector, name) =>
      tab.evaluate(({ sel, attr }) => document.getElementById('perspective-map')?.shadowRoot?.querySelector(sel)?.getAttribute(attr) ?? null, { sel: selector, attr: name }),
    hostCount: () => tab.evaluate(() => document.querySelectorAll('#perspective-map').length),
  };
}
