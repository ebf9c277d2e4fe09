import { expect, openWatch, panel, test } from './harness';

/**
 * Issue 14 §6–7: the ANDROID_VR fallback after ANDROID's bot check (the replica's player endpoint answers per client
 * name), the "what was tried" list naming each client, and "Copy diagnostics" when a part of the page or every
 * strategy fails — text with no URL, title or page text.
 */
test('ANDROID bot-checked, ANDROID_VR clean: the map comes from `direct`, ANDROID asked first', async ({ page, replica }) => {
  const mark = replica.log.mark();
  await openWatch(page, 'VrFallback1', { waitForPlayer: false });
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'VrFallback1', 'data-source': 'direct' });
  const clients = replica.log.entries.filter((e) => e.seq > mark && e.pathname === '/youtubei/v1/player').map((e) => e.client);
  expect(clients.slice(0, 2)).toEqual(['ANDROID', 'ANDROID_VR']);
});

test('every strategy fails: the tried list names each client, and Copy diagnostics copies text without URL, title or page text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.youtube.com' });
  await openWatch(page, 'Unavailabl1');
  const p = panel(page);
  await p.waitForState('unavailable', 60_000);
  await p.query('details.status-attempts summary').click();
  const tried = await p.query('details.status-attempts li').allTextContents();
  expect(tried.some((line) => line.startsWith('direct: bot-check') && line.includes('ANDROID:') && line.includes('ANDROID_VR:'))).toBe(true);
  await expect(p.query('[data-missing="captions"]')).toBeVisible();
  await p.query('[data-action="copy-diagnostics"]').click();
  await expect(p.query('.diagnostics-text')).toBeVisible();
  // The box is loaded on first use (diagnostics-box.js) and brings its styles: the copied text keeps its lines.
  expect(await p.query('.diagnostics-text').evaluate((pre) => getComputedStyle(pre).whiteSpace)).toBe('pre-wrap');
  const shown = await p.query('.diagnostics-text').textContent();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
  expect(copied).toContain('strategies: player=');
  expect(copied).toContain('direct=bot-check [ANDROID=bot-check, ANDROID_VR=bot-check]');
  const title = await page.locator('ytd-watch-metadata #title h1').textContent();
  expect(copied).not.toMatch(/https?:|\/\/|youtube\.com|timedtext|signature|pot=|Unavailabl1/);
  expect(copied).not.toContain(title!.trim());
});

test('no progress bar on the page: the ready panel says so and offers Copy diagnostics', async ({ page }) => {
  await openWatch(page, 'CleanUrlEp1');
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  await expect.poll(() => page.locator('[data-perspective-map-strip]').count()).toBe(1);
  // A layout we do not know: the bar container is gone (the strip's ancestor chain sees it leave).
  await page.evaluate(() => document.querySelector('#movie_player .ytp-progress-bar-container')!.remove());
  await expect(p.query('[data-missing="progress-bar"]')).toBeVisible({ timeout: 10_000 });
  expect(await page.locator('[data-perspective-map-strip]').count()).toBe(0);
  await expect(p.query('[data-action="copy-diagnostics"]')).toBeVisible();
  expect(await p.state()).toBe('ready');
});
