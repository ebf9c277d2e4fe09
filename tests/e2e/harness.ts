import { test as base, type TestInfo, chromium, expect, type BrowserContext, type Locator, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Replica } from './replica/server';
import { replicaFixture } from './replica-fixture';
import type { E2EBrowser, SharedCase } from './driver/e2e-driver';
import { playwrightBrowser } from './driver/playwright-driver';

/**
 * The end-to-end harness: the production build of the extension in a persistent Chromium context, with every
 * https://www.youtube.com request answered by the local replica (tests/e2e/replica) and every other http(s)
 * request aborted and reported — a test that lets anything leave the machine fails at teardown.
 *
 *   import { test, expect, openWatch, panel } from './harness';
 *   test('maps the seed', async ({ page, replica }) => { await openWatch(page, '4WNWeUQ7Hfc'); … });
 */
const HERE = dirname(fileURLToPath(import.meta.url));
export const EXTENSION_DIR = join(HERE, '..', '..', '.output', 'chrome-mv3');
export const YOUTUBE = 'https://www.youtube.com';

export interface HarnessTestFixtures {
  /** Option (default true). `test.use({ loadExtension: false })` runs the replica alone — for tests of the replica. */
  loadExtension: boolean;
  /** Persistent context with the extension loaded and the replica routed in (replaces Playwright's). */
  context: BrowserContext;
  /** The context's first tab. */
  page: Page;
  /** The extension's id (from its service worker URL). */
  extensionId: string;
  /** The live extension service worker; call again after stopServiceWorkers() for the restarted one. */
  serviceWorker: () => Promise<Worker>;
  /** Stops every service worker (MV3 "killed by the browser"); see stopServiceWorkers(). */
  stopServiceWorkers: () => Promise<void>;
  /** http(s) requests that were not for www.youtube.com (aborted). Non-empty at teardown → the test fails. */
  externalRequests: string[];
  /** Worker handles made stale by stopServiceWorkers() (internal). */
  staleWorkers: WeakSet<Worker>;
  /** The same browser through the browser-neutral driver (tests/e2e/driver), for the shared cases (tests/e2e/cases). */
  e2e: E2EBrowser;
}

export interface HarnessWorkerFixtures {
  /** The replica, one per worker; `replica.log` records every request it answered. */
  replica: Replica;
}

/** Chromium's flags for every launch of ours (tests, demo, screenshots, benches); `ext` loads that build. */
export function launchArgs(ext: string | null): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-quic',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
    '--mute-audio',
    ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []),
  ];
}

/** Answers https://www.youtube.com/** from the replica (status, headers incl. CSP, body; Range works). */
export async function routeToReplica(context: BrowserContext, replica: Pick<Replica, 'url'>, externalRequests: string[]): Promise<void> {
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    if (url.origin !== YOUTUBE) {
      externalRequests.push(`${request.method()} ${url.href}`);
      return route.abort('blockedbyclient');
    }
    try {
      const response = await route.fetch({ url: `${replica.url}${url.pathname}${url.search}`, maxRedirects: 0 });
      await route.fulfill({ response });
    } catch (error) {
      // The page or context may have gone away mid-request (navigation, teardown): nothing left to answer.
      if (!/closed|disposed|destroyed/i.test(String(error))) throw error;
    }
  });
}

export const test = base.extend<HarnessTestFixtures, HarnessWorkerFixtures>({
  replica: replicaFixture(),

  loadExtension: [true, { option: true }],

  externalRequests: async ({}, use) => {
    await use([]);
  },

  context: async ({ replica, externalRequests, loadExtension }, use) => {
    if (loadExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`The extension is not built: ${EXTENSION_DIR}/manifest.json is missing. Run \`npm run build\` (or \`npx wxt build\`) first.`);
    }
    const userDataDir = mkdtempSync(join(tmpdir(), 'pm-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      locale: 'en-US',
      args: launchArgs(loadExtension ? EXTENSION_DIR : null),
    });
    try {
      await routeToReplica(context, replica, externalRequests);
      await use(context);
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
    expect(externalRequests, 'requests that tried to leave the machine (only https://www.youtube.com is served, by the replica)').toEqual([]);
  },

  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },

  staleWorkers: async ({}, use) => {
    await use(new WeakSet());
  },

  serviceWorker: async ({ context, staleWorkers }, use) => {
    await use(async () => {
      const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://') && !staleWorkers.has(w));
      return live ?? (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') && !staleWorkers.has(w), timeout: 15_000 }));
    });
  },

  extensionId: async ({ serviceWorker }, use) => {
    const worker = await serviceWorker();
    await use(new URL(worker.url()).host);
  },

  stopServiceWorkers: async ({ context, staleWorkers }, use) => {
    await use(() => stopServiceWorkers(context, staleWorkers));
  },

  e2e: async ({ context, page, replica, externalRequests, serviceWorker, stopServiceWorkers }, use) => {
    const extensionId = async () => new URL((await serviceWorker()).url()).host;
    await use(playwrightBrowser({ context, page, replica, externalRequests, extensionId, stopServiceWorkers }));
  },
});

/**
 * The Chromium test body of a shared case (tests/e2e/cases): `for (const c of cases) test(c.title, sharedCase(c));`
 * (the loop stays in the spec file so reports point at it).
 */
export function sharedCase(c: SharedCase) {
  return async ({ e2e }: { e2e: E2EBrowser }, testInfo: TestInfo): Promise<void> => {
    if (c.timeoutMs) testInfo.setTimeout(c.timeoutMs);
    await c.run(e2e);
  };
}

export { expect };

/**
 * Stops all service workers of the profile through CDP (`ServiceWorker.stopAllWorkers` from a temporary tab), as
 * Chrome does to an idle MV3 worker, and waits until CDP reports the extension worker `stopped`. Playwright keeps
 * the old `Worker` handle listed but it is dead (its evaluate() hangs), so: assert through the page afterwards
 * (reload or SPA-navigate a watch page, then read `panel(page)`); the next extension message restarts the
 * worker, and the `serviceWorker()` fixture skips the stale handle and waits for the new one.
 */
export async function stopServiceWorkers(context: BrowserContext, stale?: WeakSet<Worker>): Promise<void> {
  for (const w of context.serviceWorkers()) stale?.add(w);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    const running = new Map<string, string>();
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
        for (const v of event.versions) if (v.scriptURL.startsWith('chrome-extension://')) running.set(v.versionId, v.runningStatus);
        if (running.size > 0 && [...running.values()].every((status) => status === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, new Promise((_, reject) => setTimeout(() => reject(new Error('extension service worker did not stop within 10 s')), 10_000))]);
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

export interface OpenWatchOptions {
  /** Wait until the replica player's API is attached (default true). */
  waitForPlayer?: boolean;
  /** `watch` (default), `shorts` or `embed`. */
  kind?: 'watch' | 'shorts' | 'embed';
}

/** Loads a replica page for `videoId` in `page` as https://www.youtube.com/… and returns the page. */
export async function openWatch(page: Page, videoId: string, options: OpenWatchOptions = {}): Promise<Page> {
  const kind = options.kind ?? 'watch';
  const path = kind === 'watch' ? `/watch?v=${videoId}` : `/${kind}/${videoId}`;
  await page.goto(`${YOUTUBE}${path}`);
  if (options.waitForPlayer ?? true) {
    const selector = kind === 'shorts' ? '#shorts-player' : '#movie_player';
    await page.waitForFunction((sel) => typeof (document.querySelector(sel) as unknown as { getPlayerResponse?: unknown } | null)?.getPlayerResponse === 'function', selector);
  }
  return page;
}

/** SPA-navigates the replica page to another video (as a click on a related video would). */
export async function navigateSpa(page: Page, videoId: string): Promise<void> {
  await page.evaluate((id) => (window as unknown as { __replica: { navigate(id: string): Promise<void> } }).__replica.navigate(id), videoId);
}

export type PanelState = 'loading' | 'ready' | 'no-captions' | 'unavailable' | 'error' | 'skipped' | 'off-topic';

export interface PanelHandle {
  /** `#perspective-map` (locators pierce its open shadow root: `host.locator('[data-slice-index]')`). */
  host: Locator;
  /** Every data-* attribute of the host (DESIGN §9), e.g. { 'data-state': 'ready', 'data-slices': '107' }. */
  attributes(): Promise<Record<string, string>>;
  state(): Promise<string | null>;
  /** Waits for `data-state` to equal `state` (or one of them). */
  waitForState(state: PanelState | PanelState[], timeoutMs?: number): Promise<void>;
  /** The episode-arc bars (`[data-slice-index]` in the shadow root). */
  bars: Locator;
  /** Anything inside the shadow root. */
  query(selector: string): Locator;
  /** Number of `#perspective-map` hosts on the page (the contract: never more than one). */
  hostCount(): Promise<number>;
}

export function panel(page: Page): PanelHandle {
  const host = page.locator('#perspective-map');
  return {
    host,
    attributes: () =>
      host.evaluate((el) => Object.fromEntries([...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value]))),
    state: () => host.getAttribute('data-state'),
    waitForState: async (state, timeoutMs = 20_000) => {
      const wanted = Array.isArray(state) ? state : [state];
      await expect
        .poll(async () => wanted.includes(((await host.count()) === 1 ? await host.getAttribute('data-state') : null) as PanelState), { timeout: timeoutMs, message: `panel data-state ∈ ${wanted.join('|')}` })
        .toBe(true);
    },
    bars: host.locator('[data-slice-index]'),
    query: (selector) => host.locator(selector),
    hostCount: () => page.locator('#perspective-map').count(),
  };
}
