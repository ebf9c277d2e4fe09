import { test as base, type TestInfo, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { Replica } from '../replica/server';
import { replicaFixture } from '../replica-fixture';
import { YOUTUBE, type E2EBrowser, type E2ETab, type SharedCase } from '../driver/e2e-driver';

/**
 * The Firefox side of the end-to-end harness: the production Firefox build (`.output/firefox-mv3`) in Debian's
 * Firefox ESR (`/usr/bin/firefox-esr`, headless), driven by puppeteer-core over WebDriver BiDi — Playwright's own
 * Firefox cannot load extensions into a stock Firefox. One browser per Playwright worker; every test installs the
 * extension afresh as a temporary add-on (uninstalling wipes its storage and IndexedDB) in a new tab.
 *
 * Requests: the test's tabs intercept every request (the content scripts' own `fetch`es included) — https://www.youtube.com
 * is answered by the replica, any other http(s) host is aborted and fails the test at teardown. Requests that belong
 * to no tab (the background page, Firefox's own services) are not intercepted: a dead proxy (127.0.0.1:9) for every
 * host is the fail-closed net, so nothing can leave the machine even unseen.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
export const FIREFOX_EXTENSION_DIR = join(HERE, '..', '..', '..', '.output', 'firefox-mv3');
export const FIREFOX_EXECUTABLE = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const DEAD_PROXY_PORT = 9; // "discard": nothing listens there

function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${FIREFOX_EXTENSION_DIR}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export interface FirefoxWorkerFixtures {
  replica: Replica;
  firefox: { browser: Browser; geckoId: string };
}

export interface FirefoxTestFixtures {
  /** The browser-neutral driver (tests/e2e/driver) over this test's Firefox tab. */
  e2e: E2EBrowser;
}

/** `FIREFOX_LOG=1`: Firefox's own output, with every console message (pages, content scripts, the background), on stderr. */
const FIREFOX_LOG = process.env.FIREFOX_LOG === '1';

export async function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_EXECUTABLE,
    headless: true,
    dumpio: FIREFOX_LOG,
    // Extension pages (moz-extension://) and the add-on manager (stopBackground) need system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US',
      'media.autoplay.default': 0,
      'media.autoplay.blocking_policy': 0,
      // The fail-closed net for requests outside the intercepted tabs.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': DEAD_PROXY_PORT,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': DEAD_PROXY_PORT,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      ...(FIREFOX_LOG ? { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true } : {}),
    },
  });
}

/** Request headers left to Node's fetch (hop-by-hop, framing, and compression: the body is relayed decoded). */
const DROPPED_REQUEST_HEADERS = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'accept-encoding', 'upgrade', 'expect']);
/** Response headers Node's fetch has already acted on (the body is decoded and complete). */
const DROPPED_RESPONSE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * Answers https://www.youtube.com from the replica and aborts (and records) every other http(s) request of `page`.
 * Browser-neutral puppeteer: the playback bench's hidden-tab row uses it for Chromium too.
 */
export async function routeToReplica(page: Page, replica: Replica, externalRequests: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => void answer(request, replica, externalRequests));
}

async function answer(request: HTTPRequest, replica: Replica, externalRequests: string[]): Promise<void> {
  try {
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return await request.continue();
    if (url.origin !== YOUTUBE) {
      externalRequests.push(`${request.method()} ${url.href}`);
      return await request.abort('blockedbyclient');
    }
    const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => !DROPPED_REQUEST_HEADERS.has(name.toLowerCase())));
    // Firefox: `postData()` throws over BiDi; `fetchPostData()` reads the body.
    const body = request.hasPostData() ? await request.fetchPostData() : undefined;
    const response = await fetch(`${replica.url}${url.pathname}${url.search}`, { method: request.method(), headers, body, redirect: 'manual' });
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!DROPPED_RESPONSE_HEADERS.has(name)) responseHeaders[name] = value;
    });
    await request.respond({ status: response.status, headers: responseHeaders, body: Buffer.from(await response.arrayBuffer()) });
  } catch (error) {
    // The tab may have gone away mid-request (navigation, teardown): nothing left to answer.
    if (!/closed|detached|destroyed|no such|invalid state|not intercepted|already handled/i.test(String(error))) console.error('[firefox harness]', error);
  }
}

function puppeteerTab(page: Page): E2ETab {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as unknown as (arg: unknown) => R, arg) as Promise<R>,
    addInitScript: async (fn) => {
      await page.evaluateOnNewDocument(fn);
    },
    click: (selector) => page.locator(selector).click(),
    clickInPanel: (selector) => page.locator(`#perspective-map >>> ${selector}`).click(),
    onConsole: (listener) => {
      page.on('console', (message) => listener(message.text()));
    },
    close: () => page.close(),
  };
}

/**
 * Opens an extension page. Firefox sends no navigation events for `moz-extension://` documents over BiDi, so the
 * navigation is not awaited: the document is polled until it is the page asked for and complete.
 */
async function openExtensionPage(browser: Browser, id: string, path: string): Promise<E2ETab> {
  // Each install gets a fresh random host (an uninstall drops the add-on's entry in `extensions.webextensions.uuids`).
  const host = await evaluateInChrome(browser, `WebExtensionPolicy.getByID(${JSON.stringify(id)})?.mozExtensionHostname ?? ''`);
  if (typeof host !== 'string' || host === '') throw new Error(`no moz-extension host for ${id}`);
  const page = await browser.newPage();
  const url = `moz-extension://${host}/${path}`;
  void page.goto(url).catch(() => undefined);
  await expect
    .poll(() => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''), { timeout: 15_000, message: `${url} loaded` })
    .toBe(`${url} complete`);
  return puppeteerTab(page);
}

/**
 * The raw WebDriver BiDi connection. puppeteer has no public API for Firefox's chrome-scope browsing contexts, so the
 * harness sends two standard-shaped commands itself over the connection puppeteer already holds (internal in 24.x).
 */
interface RawBidi {
  connection: { send(method: string, params: object): Promise<unknown> };
}

/** Evaluates `expression` (awaited) with system privileges in the browser's chrome window (needs --remote-allow-system-access). */
async function evaluateInChrome(browser: Browser, expression: string): Promise<unknown> {
  const { connection } = browser as unknown as RawBidi;
  if (typeof connection?.send !== 'function') throw new Error('puppeteer no longer exposes the BiDi connection (Browser.connection)');
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })) as {
    result: { contexts: { context: string }[] };
  };
  const context = tree.result.contexts[0]?.context;
  if (!context) throw new Error('no chrome browsing context (is --remote-allow-system-access set?)');
  const { result } = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' })) as {
    result: { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
  };
  if (result.type !== 'success') throw new Error(`chrome evaluate failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
  return result.result?.value;
}

/**
 * Stops the extension's event page the way Firefox does when it has been idle for `extensions.background.idle.timeout`
 * (and what about:debugging's "Terminate background script" does): the add-on manager's `terminateBackground()`.
 * A content script's next message wakes it (its `runtime.onMessage` listener is registered at the top level).
 */
async function stopEventPage(browser: Browser, id: string): Promise<void> {
  const state = await evaluateInChrome(
    browser,
    `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(id)});
      if (!extension) throw new Error('extension not installed: ${id}');
      await extension.terminateBackground({ disableResetIdleForTest: true });
      return String(extension.backgroundState);
    })()`,
  );
  if (state !== 'stopped') throw new Error(`the event page did not stop (backgroundState ${String(state)})`);
}

export const test = base.extend<FirefoxTestFixtures, FirefoxWorkerFixtures>({
  replica: replicaFixture(),

  firefox: [
    async ({}, use) => {
      if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
        throw new Error(`The Firefox build is missing: ${FIREFOX_EXTENSION_DIR}/manifest.json. Run \`npm run build:firefox\` first.`);
      }
      if (!existsSync(FIREFOX_EXECUTABLE)) throw new Error(`Firefox ESR is missing at ${FIREFOX_EXECUTABLE} (apt-get install firefox-esr).`);
      const browser = await launchFirefox();
      await use({ browser, geckoId: geckoId() });
      await browser.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  e2e: async ({ firefox, replica }, use) => {
    const { browser } = firefox;
    const externalRequests: string[] = [];
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    const opened: Page[] = [];
    const page = await browser.newPage();
    opened.push(page);
    await routeToReplica(page, replica, externalRequests);
    try {
      await use({
        name: 'firefox',
        tab: puppeteerTab(page),
        replica,
        externalRequests,
        openExtensionPage: (path) => openExtensionPage(browser, id, path),
        stopBackground: () => stopEventPage(browser, id),
      });
    } finally {
      for (const p of await browser.pages()) if (p.url() !== 'about:blank' || opened.includes(p)) await p.close().catch(() => undefined);
      // Uninstalling a temporary add-on removes its storage and IndexedDB: the next test starts from a fresh profile's view.
      await browser.uninstallExtension(id);
    }
    expect(externalRequests, 'requests that tried to leave the machine (only https://www.youtube.com is served, by the replica)').toEqual([]);
  },
});

export { expect };

/**
 * The Firefox test body of a shared case (tests/e2e/cases): `for (const c of cases) test(c.title, sharedCase(c));`
 * (the loop stays in the spec file so reports point at it).
 */
export function sharedCase(c: SharedCase) {
  return async ({ e2e }: { e2e: E2EBrowser }, testInfo: TestInfo): Promise<void> => {
    if (c.timeoutMs) testInfo.setTimeout(c.timeoutMs);
    await c.run(e2e);
  };
}
