import type { Page } from '@playwright/test';
import { expect, openWatch, panel, test } from './harness';

/**
 * The acquisition layer end to end (issue 4): the built extension on the replica, one episode variant per
 * strategy and failure mode. Episodes: tests/fixtures/episodes/<id>/replica.json.
 */
const SEED = '4WNWeUQ7Hfc'; // exp=xpe, captions off by default, modern transcript panel

type PlayerEl = HTMLElement & { isSubtitlesOn(): boolean; getOption(m: string, o: string): { languageCode?: string; vss_id?: string } };
const subtitles = (page: Page) =>
  page.evaluate(() => {
    const p = document.querySelector('#movie_player') as unknown as PlayerEl;
    const t = p.getOption('captions', 'track');
    return { on: p.isSubtitlesOn(), track: t.vss_id ?? null };
  });

test('exp=xpe track: the pot is learnt from the player, captions switched on briefly and restored to off', async ({ page, replica }) => {
  await openWatch(page, SEED);
  expect(await subtitles(page)).toEqual({ on: false, track: null });
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  const attrs = await p.attributes();
  expect(attrs).toMatchObject({ 'data-video-id': SEED, 'data-state': 'ready', 'data-source': 'player', 'data-slices': '107' });
  // The player's own request carried the pot; ours reused it with fmt=json3 (set once, not appended).
  expect(replica.log.playerTimedtext().length).toBeGreaterThan(0);
  const ours = replica.log.foreignTimedtext().filter((e) => e.params.get('v') === SEED && e.params.has('pot'));
  expect(ours.length).toBe(1);
  expect(ours[0]!.params.getAll('fmt')).toEqual(['json3']);
  expect(ours[0]!.params.has('xosf')).toBe(false);
  // The user's state is back exactly as it was: off.
  expect(await subtitles(page)).toEqual({ on: false, track: null });
});
