import type { Page } from '@playwright/test';
import { navigationCases } from './cases/navigation';
import { expect, navigateSpa, openWatch, panel, sharedCase, test } from './harness';

/**
 * The watch session across YouTube's in-page navigation (issue 4 §3): one session per video id, late results
 * dropped, ads/Shorts never producing a wrong map, never more than one panel host.
 */
const A = '4WNWeUQ7Hfc'; // 107 slices
const B = 'TwoLangEp01';

for (const c of navigationCases) test(c.title, sharedCase(c)); // shared with Firefox: cases/navigation.ts

/** Records every (video id, state, slices) the panel host shows, sampled every animation frame. */
async function recordPanel(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    const sample = () => {
      const hosts = document.querySelectorAll('#perspective-map');
      const host = hosts[0];
      const entry = host ? `${host.getAttribute('data-video-id')} ${host.getAttribute('data-state')} ${host.getAttribute('data-slices') ?? '-'}${hosts.length > 1 ? ' DUPLICATE' : ''}` : 'none';
      if (seen.at(-1) !== entry) seen.push(entry);
      requestAnimationFrame(sample);
    };
    sample();
  });
  return () => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
}

test('A → B → A rapidly ends with A’s map and shows no B data', async ({ page }) => {
  await openWatch(page, A);
  const seen = await recordPanel(page);
  await navigateSpa(page, B);
  await navigateSpa(page, A);
  const p = panel(page);
  await expect.poll(async () => (await p.attributes())['data-video-id']).toBe(A);
  await p.waitForState('ready', 40_000);
  await page.waitForTimeout(1500); // a late B result would land here
  expect(await p.attributes()).toMatchObject({ 'data-video-id': A, 'data-state': 'ready', 'data-slices': '107' });
  const history = await seen();
  expect(history.filter((e) => e.startsWith(`${B} ready`) || e.startsWith(`${B} unavailable`) || e.includes('DUPLICATE'))).toEqual([]);
  expect(history.filter((e) => / ready /.test(e)).every((e) => e === `${A} ready 107`)).toBe(true);
});

test('an ad at the start: skipped while it plays, then the map', async ({ page }) => {
  await openWatch(page, 'AdAtStart01');
  const seen = await recordPanel(page);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  const history = await seen();
  const skipped = history.findIndex((e) => e.startsWith('AdAtStart01 skipped'));
  const ready = history.findIndex((e) => e.startsWith('AdAtStart01 ready'));
  expect(skipped).toBeGreaterThanOrEqual(0);
  expect(ready).toBeGreaterThan(skipped);
});

test('Shorts get no panel and no map', async ({ page, replica }) => {
  const mark = replica.log.mark();
  await openWatch(page, 'ShortEp0001', { kind: 'shorts' });
  await page.waitForTimeout(2500);
  expect(await panel(page).hostCount()).toBe(0);
  expect(replica.log.foreignTimedtext(mark)).toHaveLength(0);
});

test('leaving the watch page for another page removes the panel', async ({ page }) => {
  await openWatch(page, A);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  await page.evaluate(() => history.pushState({}, '', '/feed/subscriptions'));
  await expect.poll(() => p.hostCount(), { timeout: 5000 }).toBe(0);
});

// Defect 1 (issue 10): the main world switched captions on to learn A's token with no lock and no check that the page
// was still on A. A user with captions off who moved to B during that switch had B save "on" as the user's state:
// captions stayed on, and B's `player` strategy failed.
test('a quick A → B while A’s captions are switched on for the token: captions end off (the user’s state) and B is mapped', async ({ page }) => {
  await page.addInitScript(
    ({ a, b }) => {
      // The user moves on to B the moment the extension switches captions on for A (deterministic, no timing).
      type Player = HTMLElement & { loadModule?: (m: string) => void; isSubtitlesOn?: () => boolean };
      const hook = () => {
        const player = document.querySelector('#movie_player') as Player | null;
        const original = player?.loadModule;
        if (!player || typeof original !== 'function') return void requestAnimationFrame(hook);
        let moved = false;
        player.loadModule = function (this: Player, module: string) {
          original.call(this, module);
          if (module !== 'captions' || moved || !location.search.includes(a)) return;
          moved = true;
          setTimeout(() => {
            const w = window as unknown as { __ccWhenMoved?: boolean; __replica: { navigate(id: string): Promise<void> } };
            w.__ccWhenMoved = player.isSubtitlesOn?.() ?? false;
            void w.__replica.navigate(b);
          }, 0);
        };
      };
      requestAnimationFrame(hook);
    },
    { a: A, b: B },
  );
  await openWatch(page, A);
  const p = panel(page);
  await expect.poll(async () => (await p.attributes())['data-video-id'], { timeout: 40_000 }).toBe(B);
  // The move happened while A's switch had captions on.
  expect(await page.evaluate(() => (window as unknown as { __ccWhenMoved?: boolean }).__ccWhenMoved)).toBe(true);
  await p.waitForState(['ready', 'unavailable', 'error', 'off-topic'], 50_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': B, 'data-state': 'ready', 'data-source': 'player' });
  const captionsOn = () => page.evaluate(() => (document.querySelector('#movie_player') as unknown as { isSubtitlesOn(): boolean }).isSubtitlesOn());
  await expect.poll(captionsOn, { timeout: 10_000 }).toBe(false);
  // …and they stay off (a late restore of someone else's "on" would land here).
  await page.waitForTimeout(2_000);
  expect(await captionsOn()).toBe(false);
});
