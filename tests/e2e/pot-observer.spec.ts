import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openWatch, panel, test } from './harness';

/**
 * Issue 9 §3: the page helper learns the player's token from Resource Timing alone — no `fetch` /
 * `XMLHttpRequest.open` wrapper. These tests run the real `startPotObserver` (bundled from src/) in the replica's
 * page world, without the extension, and make the player request its captions in each way that could hide the
 * request from a PerformanceObserver. A case it missed would be the reason to keep a wrapper; there is none here.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = '4WNWeUQ7Hfc';
const CC_ON = 'CcOnDefault';

let observerScript = '';
async function observerBundle(): Promise<string> {
  if (observerScript) return observerScript;
  const result = await build({
    stdin: {
      contents: `import { startPotObserver } from './src/main-world/pot-observer';
        const start = () => { window.__pots = startPotObserver(window); };
        window.__startPots = start;`,
      resolveDir: join(HERE, '..', '..'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  observerScript = result.outputFiles[0]!.text;
  return observerScript;
}

interface PotWindow {
  __startPots(): void;
  __pots: { latest(videoId: string): { pot: string } | null; scanResourceEntries(): void };
}

const playerSubtitles = (page: Page) => page.evaluate(() => (document.querySelector('#movie_player') as unknown as { toggleSubtitles(): void }).toggleSubtitles());
const learned = (page: Page, videoId: string) =>
  page.evaluate((id) => {
    const w = window as unknown as PotWindow;
    w.__pots.scanResourceEntries();
    return w.__pots.latest(id)?.pot ?? null;
  }, videoId);
const observedOnly = (page: Page, videoId: string) => page.evaluate((id) => (window as unknown as PotWindow).__pots.latest(id)?.pot ?? null, videoId);

test.describe('the pot observer on the replica (no extension)', () => {
  test.use({ loadExtension: false });

  test.beforeEach(async ({ page }) => {
    await page.addInitScript({ content: await observerBundle() });
  });

  test('sees the player’s own caption request (fetch), made after it started', async ({ page, replica }) => {
    await page.addInitScript(() => (window as unknown as PotWindow).__startPots());
    await openWatch(page, SEED);
    await playerSubtitles(page);
    await expect.poll(() => observedOnly(page, SEED)).toBe(replica.potFor(SEED));
  });

  test('sees a request made before it started (buffered entries), as when the player loads captions at once', async ({ page, replica }) => {
    const mark = replica.log.mark();
    await openWatch(page, CC_ON);
    await expect.poll(() => replica.log.playerTimedtext(mark).length).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as PotWindow).__startPots());
    await expect.poll(() => observedOnly(page, CC_ON)).toBe(replica.potFor(CC_ON));
  });

  test('sees it with the resource-timing buffer full and cleared by the page all the time', async ({ page, replica }) => {
    await page.addInitScript(() => {
      performance.setResourceTimingBufferSize(0);
      setInterval(() => performance.clearResourceTimings(), 10);
      (window as unknown as PotWindow).__startPots();
    });
    await openWatch(page, SEED);
    await playerSubtitles(page);
    await expect.poll(() => observedOnly(page, SEED)).toBe(replica.potFor(SEED));
  });

  test('sees a caption request made with XMLHttpRequest', async ({ page, replica }) => {
    await page.addInitScript(() => (window as unknown as PotWindow).__startPots());
    const mark = replica.log.mark();
    await openWatch(page, SEED);
    // The player's request, replayed by XHR (YouTube's player has used both over the years).
    await playerSubtitles(page);
    await expect.poll(() => replica.log.playerTimedtext(mark).length).toBeGreaterThan(0);
    const url = replica.log.playerTimedtext(mark).at(-1)!.url.replace(/pot=[^&]+/, 'pot=XhrToken123');
    await page.evaluate(
      (u) =>
        new Promise<void>((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', u);
          xhr.onloadend = () => resolve();
          xhr.send();
        }),
      new URL(url, 'https://www.youtube.com').pathname + new URL(url, 'https://www.youtube.com').search,
    );
    await expect.poll(() => observedOnly(page, SEED)).toBe('XhrToken123');
    expect(await learned(page, SEED)).toBe('XhrToken123');
  });
});

test('with the extension: the map comes from the player’s token and the page’s fetch / XHR are left untouched', async ({ page }) => {
  await openWatch(page, SEED);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  expect((await p.attributes())['data-source']).toBe('player');
  const native = await page.evaluate(() => [window.fetch, XMLHttpRequest.prototype.open].map((f) => Function.prototype.toString.call(f).includes('[native code]')));
  expect(native).toEqual([true, true]);
});
