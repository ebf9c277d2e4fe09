import type { Page } from '@playwright/test';
import { expect, openWatch, panel, test } from './harness';

/**
 * The playhead follows playback without per-frame JavaScript (issue 9): it steps through each slice's span a pixel
 * at a time on timers planned at slice boundaries, and media events (timeupdate, seeking, ratechange) put it
 * right. Measured through layout (getBoundingClientRect), not through our own state.
 */
const SEED = '4WNWeUQ7Hfc';

interface Where {
  /** The video's time (ms) when the playhead was read. */
  ms: number;
  paused: boolean;
  /** The playhead's position on the arc, 0…1. */
  fraction: number;
  /** The slice the playhead is over (transcript-order axis: slice i spans [i/n, (i+1)/n)). */
  playheadSlice: number;
  /** The slice of `ms` by the bars' start times (the last one starting at or before it). */
  timeSlice: number;
  /** The bar marked current. */
  currentBar: number;
  /** Where the playhead should be: the time slice plus how far through it (to the next slice's start). */
  expected: number;
  count: number;
}

async function where(page: Page): Promise<Where> {
  return page.evaluate(() => {
    const root = document.querySelector('#perspective-map')!.shadowRoot!;
    const video = document.querySelector<HTMLVideoElement>('video.html5-main-video')!;
    const arc = root.querySelector<HTMLElement>('.arc')!.getBoundingClientRect();
    const track = root.querySelector<HTMLElement>('[data-testid="playhead"]')!.getBoundingClientRect();
    const bars = [...root.querySelectorAll<HTMLElement>('.arc-bar')];
    const starts = bars.map((b) => Number(b.dataset.startMs));
    const ms = video.currentTime * 1000;
    const count = bars.length;
    const fraction = (track.left - arc.left) / arc.width;
    let timeSlice = -1;
    starts.forEach((s, i) => {
      if (s <= ms) timeSlice = i;
    });
    const start = starts[timeSlice] ?? 0;
    const next = starts[timeSlice + 1] ?? video.duration * 1000;
    const expected = (timeSlice + Math.min(1, Math.max(0, (ms - start) / (next - start)))) / count;
    return {
      ms,
      paused: video.paused,
      fraction,
      playheadSlice: Math.min(count - 1, Math.floor(fraction * count)),
      timeSlice,
      currentBar: bars.findIndex((b) => b.dataset.current === 'true'),
      expected,
      count,
    };
  });
}

/**
 * Sets currentTime and answers the playhead's slice as read inside the first timeupdate after it (the seek's own,
 * fired before `seeked`): "moves within one timeupdate".
 */
async function seekAndWaitOneTimeupdate(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (target) =>
      new Promise<number>((resolve) => {
        const video = document.querySelector<HTMLVideoElement>('video.html5-main-video')!;
        const root = document.querySelector('#perspective-map')!.shadowRoot!;
        video.addEventListener(
          'timeupdate',
          () => {
            const arc = root.querySelector<HTMLElement>('.arc')!.getBoundingClientRect();
            const track = root.querySelector<HTMLElement>('[data-testid="playhead"]')!.getBoundingClientRect();
            const count = root.querySelectorAll('.arc-bar').length;
            resolve(Math.floor(((track.left - arc.left) / arc.width) * count));
          },
          { once: true },
        );
        video.currentTime = target / 1000;
      }),
    ms,
  );
}

test('the playhead tracks playback, lands at once after a seek and a rate change, and holds when paused', async ({ page }) => {
  await openWatch(page, SEED);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  const starts = await p.bars.evaluateAll((bars) => bars.map((b) => Number((b as HTMLElement).dataset.startMs)));

  // 3 s of play from the start.
  await page.evaluate(() => document.querySelector<HTMLVideoElement>('video.html5-main-video')!.play());
  await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('video.html5-main-video')!.currentTime >= 3, undefined, { timeout: 20_000 });
  let at = await where(page);
  expect(at.paused).toBe(false);
  expect(at.playheadSlice).toBe(at.timeSlice);
  expect(at.currentBar).toBe(at.timeSlice);

  // A seek into the middle of slice 60: within one timeupdate the playhead is there, and keeps gliding.
  const target = starts[60]! + (starts[61]! - starts[60]!) / 2;
  expect(await seekAndWaitOneTimeupdate(page, target)).toBe(60);
  at = await where(page);
  expect(at.timeSlice).toBe(60);
  expect(at.playheadSlice).toBe(60);
  expect(at.currentBar).toBe(60);
  expect(Math.abs(at.fraction - at.expected)).toBeLessThan(0.25 / at.count);
  // It moves on by itself (a pixel at a time, a slice being a few pixels wide and about a minute long)…
  const before = at.fraction;
  await expect.poll(async () => (await where(page)).fraction, { timeout: 30_000 }).toBeGreaterThan(before);
  // …and stays where the time says.
  at = await where(page);
  expect(Math.abs(at.fraction - at.expected)).toBeLessThan(0.25 / at.count);

  // Twice the speed: still where the time says.
  await page.evaluate(() => void (document.querySelector<HTMLVideoElement>('video.html5-main-video')!.playbackRate = 2));
  await page.waitForTimeout(2000);
  at = await where(page);
  expect(at.playheadSlice).toBe(at.timeSlice);
  expect(Math.abs(at.fraction - at.expected)).toBeLessThan(0.25 / at.count);

  // A seek back while paused: the playhead lands at once and stays.
  await page.evaluate(() => document.querySelector<HTMLVideoElement>('video.html5-main-video')!.pause());
  expect(await seekAndWaitOneTimeupdate(page, starts[10]! + 1000)).toBe(10);
  at = await where(page);
  expect(at.playheadSlice).toBe(10);
  expect(at.currentBar).toBe(10);
  const paused = at.fraction;
  await page.waitForTimeout(1000);
  expect((await where(page)).fraction).toBe(paused);
});

test('collapsed and expanded again mid-playback: the playhead is back on the slice of currentTime', async ({ page }) => {
  await openWatch(page, SEED);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  const starts = await p.bars.evaluateAll((bars) => bars.map((b) => Number((b as HTMLElement).dataset.startMs)));
  await page.evaluate(() => document.querySelector<HTMLVideoElement>('video.html5-main-video')!.play());
  await p.query('[data-testid="collapse"]').click();
  await expect(p.bars).toHaveCount(0);
  await page.evaluate((ms) => void (document.querySelector<HTMLVideoElement>('video.html5-main-video')!.currentTime = ms / 1000), starts[30]! + 2000);
  await p.query('[data-testid="collapse"]').click();
  await expect(p.bars).toHaveCount(107);
  await expect.poll(async () => (await where(page)).playheadSlice).toBe(30);
  const at = await where(page);
  expect(at.timeSlice).toBe(30);
  expect(at.currentBar).toBe(30);
});
