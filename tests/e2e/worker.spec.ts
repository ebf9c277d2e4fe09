import type { BrowserContext } from '@playwright/test';
import { DEFAULT_ENABLED_LEXICON_IDS } from '../../src/lexicons/builtin-lexicon-ids';
import { backgroundCases } from './cases/background';
import { expect, navigateSpa, openWatch, panel, sharedCase, test } from './harness';

/**
 * The service worker (issue 5): MV3 kills it at will, so everything that matters lives in storage and IndexedDB.
 * Assertions go through the page, never through a stale worker handle.
 */
const SEED = '4WNWeUQ7Hfc';
const OTHER = 'CleanUrlEp1';

/** Writes the enabled lexicon ids the way the popup does: through the extension's own storage. */
async function setEnabledLexicons(context: BrowserContext, extensionId: string, ids: string[]): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(async (enabled) => {
    type StorageArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    const api = (globalThis as unknown as { chrome: { storage: { local: StorageArea } } }).chrome;
    // One storage key per settings field (src/settings/stored-settings.ts).
    await api.storage.local.set({ 'settings.enabledLexicons': enabled });
  }, ids);
  await page.close();
}

for (const c of backgroundCases) test(c.title, sharedCase(c)); // shared with Firefox: cases/background.ts

test('changing the enabled lexicons re-scores the open page from cached captions, and navigation still works', async ({ page, context, extensionId, replica, stopServiceWorkers }) => {
  await openWatch(page, SEED);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  const before = await p.query('.headline').innerText();
  await stopServiceWorkers();
  const mark = replica.log.mark();
  await setEnabledLexicons(context, extensionId, ['ai-risk', 'lens-technical']);
  // Live re-score: the headline changes without reloading the page and without refetching captions.
  await expect.poll(() => p.query('.headline').innerText(), { timeout: 30_000 }).not.toBe(before);
  await p.waitForState('ready');
  expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-slices': '107', 'data-cached': 'false' });
  expect(replica.log.timedtext(mark)).toEqual([]);
  const riskOnly = await p.query('.headline').innerText();

  // Navigate away and back under the new settings: the re-scored map is now cached too.
  await navigateSpa(page, OTHER);
  await expect.poll(async () => (await p.attributes())['data-video-id']).toBe(OTHER);
  await p.waitForState('ready', 40_000);
  const mark2 = replica.log.mark();
  await navigateSpa(page, SEED);
  await p.waitForState('ready', 40_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-cached': 'true' });
  expect(await p.query('.headline').innerText()).toBe(riskOnly);
  expect(replica.log.timedtext(mark2).filter((e) => e.params.get('v') === SEED)).toEqual([]);

  // And back to the default set: the first map again, straight from the cache.
  await setEnabledLexicons(context, extensionId, [...DEFAULT_ENABLED_LEXICON_IDS]);
  await expect.poll(() => p.query('.headline').innerText(), { timeout: 30_000 }).toBe(before);
  expect((await p.attributes())['data-cached']).toBe('true');
});

test('a second visit in a new tab is served from the cache without a re-score', async ({ page, context, replica }) => {
  await openWatch(page, SEED);
  await panel(page).waitForState('ready', 40_000);
  const mark = replica.log.mark();
  const second = await context.newPage();
  await openWatch(second, SEED);
  const p2 = panel(second);
  await p2.waitForState('ready', 40_000);
  expect(await p2.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-cached': 'true', 'data-slices': '107' });
  expect(replica.log.timedtext(mark)).toEqual([]);
});
