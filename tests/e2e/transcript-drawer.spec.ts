import type { Page } from '@playwright/test';
import { expect, openWatch, panel, test } from './harness';

/**
 * The transcript drawer (issue 12, DESIGN §9.1): the words behind every score, on the replica, through the
 * production build. Locators pierce the panel's open shadow root.
 */
const SEED = '4WNWeUQ7Hfc';

const videoTime = (page: Page) => page.evaluate(() => (document.querySelector('#movie_player video') as HTMLVideoElement).currentTime);

async function openDrawer(page: Page, videoId: string) {
  await openWatch(page, videoId);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  const drawer = p.query('[data-transcript]');
  await expect(drawer).toHaveAttribute('data-open', 'false');
  const control = p.query('.transcript-toggle [data-action="open-transcript"]');
  await expect(control).toBeVisible();
  await control.click();
  await expect(drawer).toHaveAttribute('data-open', 'true');
  await expect(p.query('[data-transcript] [data-cue-start-ms]').first()).toBeVisible({ timeout: 20_000 });
  return { p, drawer };
}

/** Whether an element of the drawer lies inside the drawer's scrolled view. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const root = document.getElementById('perspective-map')!.shadowRoot!;
    const el = root.querySelector(sel);
    const view = root.querySelector('.transcript-scroll');
    if (!el || !view) return false;
    const a = el.getBoundingClientRect();
    const b = view.getBoundingClientRect();
    return a.top >= b.top - 1 && a.top < b.bottom;
  }, selector);
}

test('clicking the most risk-forward marker with the drawer open seeks there and scrolls the drawer to that slice', async ({ page }) => {
  const { p } = await openDrawer(page, SEED);
  const marker = p.query('[data-marker="risk"]');
  const slice = Number(await marker.getAttribute('data-marker-slice'));
  const startMs = Number(await p.query(`[data-slice-index="${slice}"]`).getAttribute('data-start-ms'));
  expect(slice).toBeGreaterThan(2); // far enough down that the drawer has to move
  await marker.click();
  await expect.poll(() => videoTime(page)).toBeCloseTo(startMs / 1000, 0);
  await expect(p.query(`[data-transcript-slice="${slice}"]`)).toBeAttached();
  await expect.poll(() => inView(page, `[data-transcript-slice="${slice}"] .slice-head`)).toBe(true);
  // Its first row starts where the slice does; the virtual list keeps the DOM small.
  const firstRow = p.query(`[data-transcript-slice="${slice}"] [data-cue-start-ms]`).first();
  expect(Number(await firstRow.getAttribute('data-cue-start-ms'))).toBe(startMs);
  expect(await p.query('[data-transcript] [data-cue-start-ms]').count()).toBeLessThanOrEqual(200);
  // The choice is remembered: a reload opens the drawer again.
  await page.reload();
  await p.waitForState('ready', 40_000);
  await expect(p.query('[data-transcript]')).toHaveAttribute('data-open', 'true');
});

test('during playback the aria-current row advances and stays in view', async ({ page }) => {
  const { p } = await openDrawer(page, SEED);
  await p.query('[data-slice-index="10"]').click();
  await page.evaluate(() => {
    const video = document.querySelector('#movie_player video') as HTMLVideoElement;
    video.muted = true;
    return video.play();
  });
  const current = p.query('[data-transcript] [aria-current="true"]');
  await expect(current).toHaveCount(1, { timeout: 10_000 });
  const first = Number(await current.getAttribute('data-cue-start-ms'));
  await expect.poll(async () => Number(await p.query('[data-transcript] [aria-current="true"]').getAttribute('data-cue-start-ms')), { timeout: 20_000 }).toBeGreaterThan(first);
  expect(await inView(page, '[aria-current="true"]')).toBe(true);
  await expect(p.query('[data-transcript] [aria-current="true"]')).toHaveCount(1);
  await page.evaluate(() => (document.querySelector('#movie_player video') as HTMLVideoElement).pause());
});

test('a search for a word in the seed transcript marks its slices on the arc', async ({ page }) => {
  const { p } = await openDrawer(page, SEED);
  const search = p.query('[data-transcript] input[type="search"]');
  await search.fill('grocking');
  await expect(p.query('[data-testid="transcript-count"]')).toHaveText(/^1 of \d+$/);
  const total = Number((await p.query('[data-testid="transcript-count"]').textContent())!.split(' of ')[1]);
  expect(total).toBeGreaterThan(3);
  const marked = p.query('.arc-bar[data-match="true"]');
  await expect.poll(() => marked.count()).toBeGreaterThan(0);
  const markedSlices = await marked.evaluateAll((bars) => bars.map((b) => Number((b as HTMLElement).dataset.sliceIndex)));
  // Every match shown lies in a marked slice; stepping with Enter moves through them.
  for (let step = 0; step < 3; step++) {
    const hit = p.query('[data-transcript] [data-found="current"]');
    await expect(hit).toBeVisible();
    expect((await hit.textContent())!.toLowerCase()).toBe('grocking');
    const slice = await hit.evaluate((el) => Number(el.closest<HTMLElement>('[data-transcript-slice]')!.dataset.transcriptSlice));
    expect(markedSlices).toContain(slice);
    await search.press('Enter');
    await expect(p.query('[data-testid="transcript-count"]')).toHaveText(`${step + 2} of ${total}`);
  }
  await search.press('Shift+Enter');
  await expect(p.query('[data-testid="transcript-count"]')).toHaveText(`3 of ${total}`);
  // Escape closes the drawer and gives focus back to the control that opened it.
  await search.press('Escape');
  await expect(p.query('[data-transcript]')).toHaveAttribute('data-open', 'false');
  await expect(p.query('.arc-bar[data-match="true"]')).toHaveCount(0);
  const focused = await page.evaluate(() => document.getElementById('perspective-map')!.shadowRoot!.activeElement?.getAttribute('data-action'));
  expect(focused).toBe('open-transcript');
});

test('hostile caption text (markup, script tags, entities) is shown as text in the drawer and the tooltips', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const { p } = await openDrawer(page, 'HostileCap1');
  const text = (await p.query('[data-transcript] .transcript-list').textContent()) ?? '';
  expect(text).toContain('<script>alert("caption")</script>');
  expect(text).toContain('<img src=x onerror=alert(1)>');
  expect(text).toContain('&lt;b&gt;not bold&lt;/b&gt; &amp;amp; <b>existential risk</b>');
  // A counted term inside markup is still highlighted, as text.
  await expect(p.query('[data-transcript] mark.term').first()).toBeVisible();
  await p.query('[data-slice-index="0"]').hover();
  const tooltip = p.query('[role="tooltip"]');
  await expect(tooltip).toContainText('<script>alert("caption")</script>');
  await expect(tooltip.locator('[data-action="open-transcript"]')).toBeVisible();
  const elements = await page.evaluate(() => {
    const root = document.getElementById('perspective-map')!.shadowRoot!;
    return root.querySelectorAll('[data-transcript] :is(script, img, a, b, iframe), [role="tooltip"] :is(script, img, a, b, iframe)').length;
  });
  expect(elements).toBe(0);
  expect(dialogs).toEqual([]);
});
