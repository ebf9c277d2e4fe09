import type { Page } from '@playwright/test';
import { expect, openWatch, panel, test } from './harness';

/**
 * Issue 14: every layout the player ships (replica/inferred/layouts.ts models each from FACTS §6/§7 as a switch or
 * an episode). On each: one panel; the progress-bar strip on the *visible* bar of the main player, never on the
 * hover preview's; seeking by a bar still lands; with chapters, the strip aligned with clock time.
 */
const SEED = '4WNWeUQ7Hfc';
const CHAPTERS = 'ChapterEp01';
const CLEAN = 'CleanUrlEp1';

type LayoutSwitch = Partial<{ progressBar: 'classic' | 'line-host' | 'chaptered-host'; theater: boolean; fullscreen: boolean; narrow: boolean; preview: boolean; miniplayer: boolean }>;

const layout = (page: Page, next: LayoutSwitch) =>
  page.evaluate((n) => (window as unknown as { __replica: { layout(n: unknown): unknown } }).__replica.layout(n), next);

interface StripInfo {
  count: number;
  hostClass: string | null;
  inMainPlayer: boolean;
  inPreview: boolean;
  hostVisible: boolean;
  hostWidth: number;
  segments: number;
}

/** Where the strip is now (every `[data-perspective-map-strip]` on the page, and its host). */
async function strip(page: Page): Promise<StripInfo> {
  return page.evaluate(() => {
    const strips = document.querySelectorAll('[data-perspective-map-strip]');
    const host = strips[0]?.parentElement ?? null;
    return {
      count: strips.length,
      hostClass: host?.className ?? null,
      inMainPlayer: host?.closest('#movie_player') !== null && host !== null,
      inPreview: host?.closest('#video-preview, ytd-video-preview') != null,
      hostVisible: host ? host.checkVisibility({ visibilityProperty: true }) : false,
      hostWidth: host?.getBoundingClientRect().width ?? 0,
      segments: strips[0]?.children.length ?? 0,
    };
  });
}

async function expectStripOn(page: Page, hostClass: string): Promise<void> {
  await expect.poll(async () => (await strip(page)).hostClass, { timeout: 10_000, message: `strip host ${hostClass}` }).toBe(hostClass);
  const info = await strip(page);
  expect(info).toMatchObject({ count: 1, inMainPlayer: true, inPreview: false, hostVisible: true });
  expect(info.hostWidth).toBeGreaterThan(100);
  expect(info.segments).toBeGreaterThan(0);
}

const currentTime = (page: Page) => page.evaluate(() => (document.querySelector('#movie_player video') as HTMLVideoElement).currentTime);

/** Clicking an episode-arc bar seeks to its start (± 0.5 s, DESIGN §9). */
async function expectArcSeek(page: Page, index: number): Promise<void> {
  const bar = panel(page).query(`[data-slice-index="${index}"]`);
  const startMs = Number(await bar.getAttribute('data-start-ms'));
  await bar.click();
  await expect.poll(async () => Math.abs((await currentTime(page)) - startMs / 1000), { timeout: 5000 }).toBeLessThanOrEqual(0.5);
}

/**
 * The strip's segment `index` sits where the scrubber puts its start: its left edge is at startMs / duration of the
 * bar's width, and a click on YouTube's bar right there (through the strip: pointer-events none) lands on that time.
 */
async function expectClockAligned(page: Page, index: number): Promise<void> {
  const geometry = await page.evaluate((i) => {
    const stripEl = document.querySelector('[data-perspective-map-strip]')!;
    const segment = stripEl.querySelector<HTMLElement>(`[data-slice-index="${i}"]`)!;
    const bar = stripEl.parentElement!.getBoundingClientRect();
    const seg = segment.getBoundingClientRect();
    const video = document.querySelector('#movie_player video') as HTMLVideoElement;
    return { barLeft: bar.left, barWidth: bar.width, barMid: bar.top + bar.height / 2, segLeft: seg.left, startMs: Number(segment.dataset.startMs), duration: video.duration };
  }, index);
  const expectedLeft = geometry.barLeft + (geometry.startMs / 1000 / geometry.duration) * geometry.barWidth;
  expect(Math.abs(geometry.segLeft - expectedLeft)).toBeLessThanOrEqual(1.5);
  await page.mouse.click(geometry.segLeft + 0.5, geometry.barMid);
  const secondsPerPixel = geometry.duration / geometry.barWidth;
  await expect.poll(async () => Math.abs((await currentTime(page)) - geometry.startMs / 1000), { timeout: 5000 }).toBeLessThanOrEqual(2 * secondsPerPixel);
}

test('chaptered newer bar (.ytChapteredProgressBarHost, 5 chapters with gaps): the strip spans the host, aligned with clock time; seeking by either bar lands', async ({ page }) => {
  await openWatch(page, CHAPTERS);
  const p = panel(page);
  await p.waitForState('ready', 60_000);
  expect(await p.hostCount()).toBe(1);
  await expectStripOn(page, 'ytChapteredProgressBarHost');
  // The replica's chapter pieces really are split with gaps, and `.ytProgressBarLineHost` also matches the first
  // piece only: attaching there would squeeze the strip into chapter one.
  const pieces = await page.evaluate(() => [...document.querySelectorAll('#movie_player .ytChapteredProgressBarHost > :not([data-perspective-map-strip])')].map((e) => e.getBoundingClientRect().width));
  expect(pieces).toHaveLength(5);
  for (const index of [0, 25, 60, 90, 106]) await expectClockAligned(page, index);
  await expectArcSeek(page, 40);
});

test('a layout switch rebuilds the bar: the strip follows to the first visible host (line host, then classic)', async ({ page }) => {
  await openWatch(page, CHAPTERS);
  const p = panel(page);
  await p.waitForState('ready', 60_000);
  await expectStripOn(page, 'ytChapteredProgressBarHost');
  await layout(page, { progressBar: 'line-host' });
  await expectStripOn(page, 'ytProgressBarLineHost');
  await expectClockAligned(page, 50);
  await layout(page, { progressBar: 'classic' });
  await expectStripOn(page, 'ytp-progress-bar');
  // The classic bar with its .ytp-chapters-container pieces: still aligned to clock time.
  expect(await page.locator('#movie_player .ytp-chapters-container > .ytp-chapter-hover-container').count()).toBe(5);
  await expectClockAligned(page, 70);
});

test('hover preview: its own player and bar come first in the page, the strip stays on the main player’s', async ({ page }) => {
  await openWatch(page, CLEAN);
  await layout(page, { preview: true });
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  await expectStripOn(page, 'ytp-progress-bar');
  expect(await page.locator('#video-preview [data-perspective-map-strip]').count()).toBe(0);
  // The newer markup in both players: the preview's host is first in document order, still never ours.
  await layout(page, { progressBar: 'line-host' });
  await expectStripOn(page, 'ytProgressBarLineHost');
  expect(await page.locator('#video-preview .ytProgressBarLineHost').count()).toBe(1);
  expect(await page.locator('#video-preview [data-perspective-map-strip]').count()).toBe(0);
  await expectClockAligned(page, 3);
  await expectArcSeek(page, 2);
  expect(await p.hostCount()).toBe(1);
});

test('theater mode: the player moves, the strip stays on its bar; one panel, still before the title', async ({ page }) => {
  await openWatch(page, CLEAN);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  await expectStripOn(page, 'ytp-progress-bar');
  await layout(page, { theater: true });
  expect(await page.evaluate(() => document.querySelector('#movie_player')!.closest('#full-bleed-container') !== null)).toBe(true);
  await expectStripOn(page, 'ytp-progress-bar');
  expect(await page.evaluate(() => document.getElementById('perspective-map')!.parentElement?.id)).toBe('below');
  expect(await p.hostCount()).toBe(1);
  await expectClockAligned(page, 3);
  await expectArcSeek(page, 1);
  await layout(page, { theater: false });
  await expectStripOn(page, 'ytp-progress-bar');
});

test('fullscreen: the strip stays in the player’s bar, the panel is not over the player', async ({ page }) => {
  await openWatch(page, CLEAN);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  await layout(page, { fullscreen: true });
  await expectStripOn(page, 'ytp-progress-bar');
  const boxes = await page.evaluate(() => {
    const r = (el: Element) => el.getBoundingClientRect();
    const player = r(document.querySelector('#movie_player')!);
    const host = r(document.getElementById('perspective-map')!);
    return { playerBottom: player.bottom, playerHeight: player.height, hostTop: host.top, viewport: innerHeight };
  });
  expect(boxes.playerHeight).toBeGreaterThan(boxes.viewport * 0.8);
  expect(boxes.hostTop).toBeGreaterThanOrEqual(boxes.playerBottom - 1);
  expect(await p.hostCount()).toBe(1);
  await expectClockAligned(page, 2);
  await layout(page, { fullscreen: false });
  await expectStripOn(page, 'ytp-progress-bar');
  await expectArcSeek(page, 2);
});

test('narrow layout: #secondary moves under the video; the panel stays in #below before the title, once', async ({ page }) => {
  await openWatch(page, CLEAN);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  await layout(page, { narrow: true });
  const where = await page.evaluate(() => {
    const host = document.getElementById('perspective-map')!;
    const secondary = document.getElementById('secondary')!;
    return {
      parent: host.parentElement?.id,
      beforeTitle: host.nextElementSibling?.tagName,
      secondaryUnderVideo: secondary.parentElement?.id === 'primary-inner',
      secondaryBelowHost: secondary.getBoundingClientRect().top > host.getBoundingClientRect().top,
    };
  });
  expect(where).toEqual({ parent: 'below', beforeTitle: 'YTD-WATCH-METADATA', secondaryUnderVideo: true, secondaryBelowHost: true });
  expect(await p.hostCount()).toBe(1);
  await expectStripOn(page, 'ytp-progress-bar');
  await expectArcSeek(page, 3);
});

test('miniplayer: the panel and the strip leave with the watch page, and come back when it is expanded', async ({ page }) => {
  await openWatch(page, CLEAN);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  await layout(page, { miniplayer: true });
  expect(new URL(page.url()).pathname).toBe('/');
  await expect.poll(() => p.hostCount(), { timeout: 5000 }).toBe(0);
  await expect.poll(async () => (await strip(page)).count, { timeout: 5000 }).toBe(0);
  expect(await page.evaluate(() => document.querySelector('#movie_player')!.closest('.miniplayer') !== null)).toBe(true);
  await layout(page, { miniplayer: false });
  await p.waitForState('ready', 40_000);
  expect(await p.attributes()).toMatchObject({ 'data-video-id': CLEAN, 'data-cached': 'true' });
  expect(await p.hostCount()).toBe(1);
  await expectStripOn(page, 'ytp-progress-bar');
});

test('YouTube re-rendering #below puts the panel back (its ancestor chain is watched)', async ({ page }) => {
  await openWatch(page, SEED);
  const p = panel(page);
  await p.waitForState('ready', 60_000);
  await page.evaluate(() => {
    const below = document.getElementById('below')!;
    const fresh = below.cloneNode(false) as HTMLElement;
    fresh.append(...[...below.children].filter((c) => c.id !== 'perspective-map'));
    below.replaceWith(fresh);
  });
  await expect.poll(() => page.evaluate(() => document.getElementById('perspective-map')?.parentElement?.id ?? null), { timeout: 5000 }).toBe('below');
  expect(await p.hostCount()).toBe(1);
  expect(await p.state()).toBe('ready');
});
