import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { parseCaptions } from '../../src/captions/parse-captions';
import { expect, navigateSpa, openWatch, panel, test } from './harness';

/**
 * Defect 2 (issue 10): the transcript-panel fallback read whatever the panel showed — another language than the
 * chosen track, or, after an in-page navigation, the previous video's rows — and cached it under the chosen track.
 * The replica's panel has a language menu and keeps stale rows after navigation (both inferred:
 * replica/inferred/transcript-panel.ts). A is the seed episode (mapped by the player strategy); B (`PanelLangs1`)
 * only works through the panel, which shows its German track first while the English one is the one to map.
 */
const A = '4WNWeUQ7Hfc';
const B = 'PanelLangs1';
const EPISODES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'episodes');

/** The first words of an episode's caption file, as the drawer shows its first row. */
function firstWords(videoId: string, file: string): string {
  const cue = parseCaptions(readFileSync(join(EPISODES, videoId, file), 'utf8')).cues[0]!;
  return cue.text.replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' ');
}

const replica = (page: Page) => ({
  timing: (t: { staleMs?: number; languageMs?: number }) =>
    page.evaluate((next) => (window as unknown as { __replica: { transcriptTiming(t: object): unknown } }).__replica.transcriptTiming(next), t),
  shownTrack: () => page.evaluate(() => (window as unknown as { __replica: { transcriptTrack(): string | null } }).__replica.transcriptTrack()),
  transcriptOpen: () =>
    page.evaluate(() => document.querySelector('ytd-engagement-panel-section-list-renderer[target-id="PAmodern_transcript_view"]')?.getAttribute('visibility') === 'ENGAGEMENT_PANEL_VISIBILITY_EXPANDED'),
});

/** The user opens the transcript panel on the watch page (description's "Show transcript"). */
async function openTranscript(page: Page): Promise<void> {
  await page.locator('ytd-video-description-transcript-section-renderer button').click();
  await expect(page.locator('transcript-segment-view-model').first()).toBeVisible();
}

/** The text of the first row of the panel's transcript drawer (the cues the worker mapped). */
async function firstMappedRow(page: Page): Promise<string> {
  const p = panel(page);
  await p.query('.transcript-toggle [data-action="open-transcript"]').click();
  const row = p.query('[data-transcript] [data-cue-start-ms]').first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  return (await row.textContent()) ?? '';
}

async function navigateToB(page: Page): Promise<void> {
  await navigateSpa(page, B);
  await expect.poll(async () => (await panel(page).attributes())['data-video-id'], { timeout: 20_000 }).toBe(B);
}

const english = firstWords(B, 'captions.asr.json3');
const german = firstWords(B, 'captions.de.json3');
const seed = firstWords(A, 'captions.asr.json3');

test.describe('the transcript-panel fallback reads the chosen track of this video, and puts the panel back', () => {
  test.describe.configure({ timeout: 120_000 });

  for (const [when, staleMs] of [
    ['B’s rows at once, in German first', 0],
    ['A’s rows for 4 s', 4_000],
  ] as const) {
    test(`open panel, ${when}: B is mapped from its English rows; the panel stays open and is back on German`, async ({ page }) => {
      await openWatch(page, A);
      await panel(page).waitForState('ready', 40_000);
      await openTranscript(page);
      await replica(page).timing({ staleMs, languageMs: 300 });
      await navigateToB(page);
      await panel(page).waitForState(['ready', 'off-topic', 'unavailable', 'error'], 60_000);
      expect(await panel(page).attributes()).toMatchObject({ 'data-video-id': B, 'data-state': 'ready', 'data-source': 'panel' });
      expect(await replica(page).transcriptOpen()).toBe(true);
      expect(await replica(page).shownTrack()).toBe('German');
      const row = await firstMappedRow(page);
      expect(row).toContain(english);
      expect(row).not.toContain(german);
      expect(row).not.toContain(seed);
    });
  }

  test('open panel whose rows stay A’s: B is never mapped from them (unavailable), and the stale panel is left alone', async ({ page }) => {
    await openWatch(page, A);
    await panel(page).waitForState('ready', 40_000);
    await openTranscript(page);
    const before = await replica(page).shownTrack();
    await replica(page).timing({ staleMs: 1e9 });
    await navigateToB(page);
    await panel(page).waitForState(['ready', 'off-topic', 'unavailable', 'error'], 60_000);
    expect(await panel(page).attributes()).toMatchObject({ 'data-video-id': B, 'data-state': 'unavailable' });
    expect(await panel(page).host.evaluate((el) => el.shadowRoot?.textContent ?? '')).toMatch(/panel: (unavailable|timeout)/);
    expect(await replica(page).transcriptOpen()).toBe(true);
    expect(await replica(page).shownTrack()).toBe(before);
  });

  test('closed panel with A’s rows for 2 s: B is mapped from its English rows; the panel is closed again and back on German', async ({ page }) => {
    await openWatch(page, A);
    await panel(page).waitForState('ready', 40_000);
    await replica(page).timing({ staleMs: 2_000, languageMs: 300 });
    await navigateToB(page);
    await panel(page).waitForState(['ready', 'off-topic', 'unavailable', 'error'], 60_000);
    expect(await panel(page).attributes()).toMatchObject({ 'data-video-id': B, 'data-state': 'ready', 'data-source': 'panel' });
    expect(await replica(page).transcriptOpen()).toBe(false);
    expect(await replica(page).shownTrack()).toBe('German');
    const row = await firstMappedRow(page);
    expect(row).toContain(english);
    expect(row).not.toContain(seed);
  });
});
