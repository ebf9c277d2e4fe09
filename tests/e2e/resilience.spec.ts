import type { Page } from '@playwright/test';
import { bridgeCases } from './cases/bridge';
import { expect, navigateSpa, openWatch, panel, sharedCase, test } from './harness';

/**
 * When the page helper is not there or never answers (YouTube renamed the player API, the main-world script
 * failed, a hostile page jams the bridge) the isolated world falls back alone: the ANDROID track list, then
 * `direct`, then the transcript panel. And a stream that is live right now is skipped, never mapped.
 * Episodes: NoPlayerApi / NoApiBotChk (`"playerApi": false`), LiveStream1 (`"live": true`).
 */
const playerApiAttached = (page: Page) =>
  page.evaluate(() => typeof (document.querySelector('#movie_player') as unknown as { getPlayerResponse?: unknown }).getPlayerResponse === 'function');

/**
 * A hostile page that jams the bridge: a capture listener on window (capture listeners at the target run before
 * the extension's) swallows every bridge message, so no handshake, request or answer gets through.
 */
const jamTheBridge = (page: Page) =>
  page.addInitScript(() => {
    window.addEventListener(
      'message',
      (event) => {
        if (typeof event.data === 'string' && event.data.includes('perspective-map/bridge')) event.stopImmediatePropagation();
      },
      true,
    );
  });

const shadowText = (page: Page) => panel(page).host.evaluate((el) => el.shadowRoot?.textContent ?? '');

test('the player API missing: the map is still drawn, from the ANDROID client’s clean URLs (direct)', async ({ page, replica }) => {
  const mark = replica.log.mark();
  await openWatch(page, 'NoPlayerApi', { waitForPlayer: false });
  const p = panel(page);
  await p.waitForState('ready', 50_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'NoPlayerApi', 'data-state': 'ready', 'data-source': 'direct' });
  expect(Number((await p.attributes())['data-slices'])).toBeGreaterThan(0);
  expect(await playerApiAttached(page)).toBe(false);
  expect(replica.log.entries.filter((e) => e.seq > mark && e.pathname === '/youtubei/v1/player')).toHaveLength(1);
  // The clean (ANDROID) URL was fetched: no token, no exp=xpe.
  const ours = replica.log.foreignTimedtext(mark).filter((e) => e.params.get('v') === 'NoPlayerApi');
  expect(ours.map((e) => [e.params.get('exp'), e.params.get('pot'), e.status])).toEqual([[null, null, 200]]);
});

test('the player API missing AND a bot check: the transcript panel is used (panel), and closed again', async ({ page }) => {
  await openWatch(page, 'NoApiBotChk', { waitForPlayer: false });
  const p = panel(page);
  await p.waitForState('ready', 60_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'NoApiBotChk', 'data-state': 'ready', 'data-source': 'panel' });
  expect(await playerApiAttached(page)).toBe(false);
  await expect(page.locator('ytd-engagement-panel-section-list-renderer[visibility="ENGAGEMENT_PANEL_VISIBILITY_EXPANDED"]')).toHaveCount(0);
});

// Shared with Firefox (cases/bridge.ts): the jammed bridge falling back to `direct`, a forged page message.
for (const c of bridgeCases) test(c.title, sharedCase(c));

test('a jammed bridge, a bot check and no transcript panel → unavailable, listing every attempt', async ({ page }) => {
  await jamTheBridge(page);
  await openWatch(page, 'Unavailabl1');
  const p = panel(page);
  await p.waitForState('unavailable', 50_000);
  const text = await shadowText(page);
  expect(text).toContain('YouTube did not hand over the captions');
  expect(text).toContain('player: the page helper did not answer');
  expect(text).toMatch(/direct: bot-check/);
  expect(text).toMatch(/panel: unavailable/);
});

test('SPA navigation on a page without the player API: the helper has no response for the new video, the fallback maps it', async ({ page, replica }) => {
  await openWatch(page, 'NoPlayerApi', { waitForPlayer: false });
  const p = panel(page);
  await p.waitForState('ready', 50_000);
  const mark = replica.log.mark();
  await navigateSpa(page, 'TwoLangEp01');
  await expect.poll(async () => (await p.attributes())['data-video-id']).toBe('TwoLangEp01');
  await p.waitForState('ready', 50_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'TwoLangEp01', 'data-source': 'direct' });
  await expect(p.query('select')).toHaveValue('.en'); // uploaded English over ASR, from the ANDROID list
  const ours = replica.log.foreignTimedtext(mark).filter((e) => e.params.get('v') === 'TwoLangEp01');
  expect(ours.map((e) => e.params.get('lang'))).toEqual(['en']);
});

test('a live stream: skipped with the reason, and no caption request', async ({ page, replica }) => {
  const mark = replica.log.mark();
  await openWatch(page, 'LiveStream1');
  const p = panel(page);
  await p.waitForState('skipped', 30_000);
  await page.waitForTimeout(1500); // a caption fetch or a late map would land here
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'LiveStream1', 'data-state': 'skipped' });
  expect(await p.host.evaluate((el) => getComputedStyle(el).display)).toBe('none');
  expect(await shadowText(page)).toContain('This is a live stream: its map appears once the broadcast has ended');
  expect(replica.log.foreignTimedtext(mark)).toHaveLength(0);
  expect(replica.log.playerTimedtext(mark)).toHaveLength(0); // captions were not switched on for a token either
  // The replica serves it as live now: videoDetails.isLive and isLiveContent.
  const details = await page.evaluate(() => (window as unknown as { ytInitialPlayerResponse: { videoDetails: Record<string, unknown> } }).ytInitialPlayerResponse.videoDetails);
  expect(details).toMatchObject({ isLive: true, isLiveContent: true });
});
