import type { Page } from '@playwright/test';
import { parseCaptions } from '../../src/captions/parse-captions';
import { planSlices } from '../../src/scoring/slice-plan';
import { expect, openWatch, panel, test } from './harness';

/**
 * The acquisition layer end to end (issue 4): the built extension on the replica, one episode variant per
 * strategy and failure mode. Episodes: tests/fixtures/episodes/<id>/replica.json.
 */
const SEED = '4WNWeUQ7Hfc'; // exp=xpe, captions off by default, modern transcript panel

type PlayerEl = HTMLElement & {
  isSubtitlesOn(): boolean;
  getOption(m: string, o: string): { languageCode?: string; vss_id?: string };
  getPlayerResponse(): { captions?: { playerCaptionsTracklistRenderer: { captionTracks: { baseUrl: string; vssId: string }[] } } };
};
const subtitles = (page: Page) =>
  page.evaluate(() => {
    const p = document.querySelector('#movie_player') as unknown as PlayerEl;
    return { on: p.isSubtitlesOn(), track: p.getOption('captions', 'track').vss_id ?? null };
  });

test('exp=xpe, captions already on: the pot is learnt from the player’s own request, captions untouched', async ({ page, replica }) => {
  await openWatch(page, 'CcOnDefault');
  const before = await subtitles(page);
  expect(before.on).toBe(true);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'CcOnDefault', 'data-source': 'player' });
  const ours = replica.log.foreignTimedtext().filter((e) => e.params.get('v') === 'CcOnDefault');
  expect(ours).toHaveLength(1);
  const playerPot = replica.log.playerTimedtext().find((e) => e.params.get('v') === 'CcOnDefault')!.params.get('pot');
  expect(ours[0]!.params.get('pot')).toBe(playerPot);
  expect(await subtitles(page)).toEqual(before);
});

test('exp=xpe, captions off: switched on briefly for the pot, then off again (the user’s state)', async ({ page, replica }) => {
  // The user's state is sampled inside the page the moment the player API attaches — before the extension can act
  // (sampling after openWatch returns would race the extension's own brief switch-on on a busy machine).
  await page.addInitScript(() => {
    const sample = () => {
      const p = document.querySelector('#movie_player') as unknown as { isSubtitlesOn?: () => boolean } | null;
      if (typeof p?.isSubtitlesOn === 'function') (window as unknown as { __ccAtStart: boolean }).__ccAtStart = p.isSubtitlesOn();
      else requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await openWatch(page, SEED);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  expect(await page.evaluate(() => (window as unknown as { __ccAtStart: boolean }).__ccAtStart)).toBe(false);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-state': 'ready', 'data-source': 'player', 'data-slices': '107' });
  expect(replica.log.playerTimedtext().length).toBeGreaterThan(0);
  const ours = replica.log.foreignTimedtext().filter((e) => e.params.get('v') === SEED && e.params.has('pot'));
  expect(ours).toHaveLength(1);
  expect(ours[0]!.params.getAll('fmt')).toEqual(['json3']); // set once, not appended
  expect(ours[0]!.params.has('xosf')).toBe(false);
  expect(await subtitles(page)).toEqual({ on: false, track: null });
});

test('a clean track URL (no exp=xpe) is fetched directly', async ({ page, replica }) => {
  await openWatch(page, 'CleanUrlEp1');
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'CleanUrlEp1', 'data-source': 'direct' });
  expect(replica.log.playerTimedtext().filter((e) => e.params.get('v') === 'CleanUrlEp1')).toHaveLength(0); // no captions toggling was needed
  expect(await subtitles(page)).toEqual({ on: false, track: null });
});

test('every timedtext answer empty → the transcript panel is used, and closed again', async ({ page }) => {
  await openWatch(page, 'PanelOnly01');
  const p = panel(page);
  await p.waitForState('ready', 50_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'PanelOnly01', 'data-source': 'panel' });
  expect(Number((await p.attributes())['data-slices'])).toBeGreaterThan(0);
  await expect(page.locator('ytd-engagement-panel-section-list-renderer[visibility="ENGAGEMENT_PANEL_VISIBILITY_EXPANDED"]')).toHaveCount(0);
});

test('classic transcript panel markup works too', async ({ page }) => {
  await openWatch(page, 'ClassicPnl1');
  const p = panel(page);
  await p.waitForState('ready', 50_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'ClassicPnl1', 'data-source': 'panel' });
  await expect(page.locator('ytd-engagement-panel-section-list-renderer[visibility="ENGAGEMENT_PANEL_VISIBILITY_EXPANDED"]')).toHaveCount(0);
});

test('empty timedtext, a bot check and no transcript panel → unavailable, with what was tried', async ({ page, replica }) => {
  await openWatch(page, 'Unavailabl1');
  const p = panel(page);
  await p.waitForState('unavailable', 50_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'Unavailabl1', 'data-state': 'unavailable' });
  const text = await p.host.evaluate((el) => el.shadowRoot?.textContent ?? '');
  expect(text).toContain('YouTube did not hand over the captions');
  expect(text).toMatch(/player: empty/);
  expect(text).toMatch(/direct: bot-check/);
  expect(text).toMatch(/panel: unavailable/);
  expect(replica.log.entries.some((e) => e.pathname === '/youtubei/v1/player')).toBe(true);
});

test('no caption tracks → no-captions', async ({ page }) => {
  await openWatch(page, 'NoCaptions1');
  const p = panel(page);
  await p.waitForState('no-captions');
  const text = await p.host.evaluate((el) => el.shadowRoot?.textContent ?? '');
  expect(text).toContain('This video has no captions');
});

test('a malformed body → error with a retry', async ({ page }) => {
  await openWatch(page, 'Malformed01');
  const p = panel(page);
  await p.waitForState('error', 40_000);
  await expect(p.query('button', ).filter({ hasText: /retry/i })).toHaveCount(1);
});

test('two languages: uploaded English over ASR for en-US; switching to German re-scores (off-topic for the English lexicons)', async ({ page, replica }) => {
  await openWatch(page, 'TwoLangEp01');
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  const mark = replica.log.mark();
  const ours = replica.log.foreignTimedtext().filter((e) => e.params.get('v') === 'TwoLangEp01' && e.params.has('pot'));
  expect(ours.map((e) => [e.params.get('lang'), e.params.get('kind')])).toEqual([['en', null]]);
  const select = p.query('select');
  await expect(select).toHaveValue('.en');
  await select.selectOption('.de');
  await expect.poll(() => replica.log.foreignTimedtext(mark).filter((e) => e.params.get('lang') === 'de').length, { timeout: 30_000 }).toBe(1);
  // German text gives the English topic list almost nothing: off-topic, and the sentence says why (issue 8).
  await p.waitForState('off-topic', 40_000);
  await expect(p.query('.status-sentence')).toContainText('not in English (de)');
  await expect(p.query('select')).toHaveValue('.de');
  await p.query('[data-action="show-anyway"]').click();
  await p.waitForState('ready');
  expect(await p.attributes()).toMatchObject({ 'data-video-id': 'TwoLangEp01', 'data-state': 'ready' });
});

test('a forged page message is ignored (no foreign fetch, no foreign data, no error)', async ({ page, replica }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openWatch(page, SEED);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  const mark = replica.log.mark();
  // A page script that watched the traffic replays it with a foreign URL and foreign data.
  await page.evaluate(() => {
    const ch = 'perspective-map/bridge@1';
    const forged = (o: object) => window.postMessage(JSON.stringify({ ch, ...o }), location.origin);
    forged({ kind: 'handshake', nonce: 'evil-nonce-0001' });
    forged({ kind: 'request', nonce: 'evil-nonce-0001', id: 'evil-request-01', op: 'player-url', args: { videoId: 'BBBBBBBBBBB', vssId: 'a.en', languageCode: 'en' } });
    forged({ kind: 'answer', nonce: 'evil-nonce-0001', id: 'evil-request-01', ok: true, value: { videoId: '4WNWeUQ7Hfc', url: 'https://evil.example/api/timedtext', potSource: 'observed-request' } });
    window.postMessage('{"ch":"perspective-map/bridge@1","kind":', location.origin);
    window.postMessage({ ch, kind: 'ready' }, location.origin);
  });
  await page.waitForTimeout(500);
  expect(replica.log.timedtext(mark)).toHaveLength(0);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-state': 'ready', 'data-slices': '107' });
  expect(errors).toEqual([]);
});

test('the replica’s json3, srv3, srv1 and vtt bodies give the same slice count as the extension', async ({ page }) => {
  await openWatch(page, 'CleanUrlEp1');
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  const drawn = Number((await p.attributes())['data-slices']);
  const bodies = await page.evaluate(async () => {
    const pr = (document.querySelector('#movie_player') as unknown as PlayerEl).getPlayerResponse();
    const base = pr.captions!.playerCaptionsTracklistRenderer.captionTracks[0]!.baseUrl;
    const out: Record<string, string> = {};
    for (const fmt of ['json3', 'srv3', 'srv1', 'vtt']) {
      const u = new URL(base);
      u.searchParams.set('fmt', fmt);
      out[fmt] = await (await fetch(u.href)).text();
    }
    return out;
  });
  const counts = Object.fromEntries(
    Object.entries(bodies).map(([fmt, body]) => [fmt, planSlices(parseCaptions(body).cues.length).ranges.length]),
  );
  expect(counts).toEqual({ json3: drawn, srv3: drawn, srv1: drawn, vtt: drawn });
});
