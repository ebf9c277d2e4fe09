import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, navigateSpa, openWatch, panel, test } from './harness';

/**
 * The episode library (issue 13): maps made on watch pages are recorded; library.html lists, sorts, filters,
 * charts, exports, clears and imports them; "Clear cache" in the popup leaves them alone.
 */
const EPISODES = ['4WNWeUQ7Hfc', 'CleanUrlEp1', 'TwoLangEp01'];

interface Shown {
  position: number;
  leaning: string;
  title: string;
}

/** The map the watch page shows, as the popup reads it (ui-cs:summary to the YouTube tab). */
async function shownHeadline(context: BrowserContext, extensionId: string): Promise<{ stance?: number; median: number; leaning: string }> {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);
  const headline = await ext.evaluate(async () => {
    type Tabs = {
      query(q: { url: string }): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
    };
    const api = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
    const [tab] = await api.tabs.query({ url: 'https://www.youtube.com/*' });
    const answer = (await api.tabs.sendMessage(tab!.id!, { protocol: 'perspective-map/1', type: 'ui-cs:summary', args: {} }, { frameId: 0 })) as {
      value: { map: { headline: { stance?: number; median: number; leaning: string } } };
    };
    return answer.value.map.headline;
  });
  await ext.close();
  return headline;
}

async function mapEpisodes(page: Page, context: BrowserContext, extensionId: string, ids: readonly string[]): Promise<Map<string, Shown>> {
  const shown = new Map<string, Shown>();
  for (const [i, id] of ids.entries()) {
    if (i === 0) await openWatch(page, id);
    else await navigateSpa(page, id);
    const p = panel(page);
    await expect.poll(async () => (await p.attributes())['data-video-id']).toBe(id);
    await p.waitForState('ready', 60_000);
    const h = await shownHeadline(context, extensionId);
    shown.set(id, { position: h.stance ?? h.median, leaning: h.leaning, title: (await page.locator('ytd-watch-metadata #title h1').textContent())?.trim() ?? '' });
  }
  return shown;
}

const rowsOf = (page: Page) => page.locator('tr[data-video-id]');
async function rowData(page: Page) {
  return rowsOf(page).evaluateAll((rows) =>
    rows.map((r) => ({ id: r.getAttribute('data-video-id')!, stance: Number(r.getAttribute('data-stance')), leaning: r.getAttribute('data-leaning')!, onTopic: r.getAttribute('data-on-topic') })),
  );
}

test('map three episodes, then list, sort, filter, chart, export, clear and import them; Clear cache keeps them', async ({ page, context, extensionId }, testInfo) => {
  test.setTimeout(240_000);
  const shown = await mapEpisodes(page, context, extensionId, EPISODES);

  const lib = await context.newPage();
  await lib.goto(`chrome-extension://${extensionId}/library.html`);
  await expect(rowsOf(lib)).toHaveCount(3);
  const rows = await rowData(lib);
  for (const row of rows) {
    const expected = shown.get(row.id)!;
    expect(row.stance).toBeCloseTo(expected.position, 5);
    expect(row.leaning).toBe(expected.leaning);
    expect(['true', 'false', 'unknown']).toContain(row.onTopic);
  }
  // Titles come from the page (text, linked to the video).
  for (const id of EPISODES) await expect(lib.locator(`tr[data-video-id="${id}"] .col-title a`)).toHaveText(shown.get(id)!.title);

  // Sort by spectrum position, both ways; then by title.
  await lib.locator('button[data-sort="position"]').click();
  const asc = (await rowData(lib)).map((r) => r.stance);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  await lib.locator('button[data-sort="position"]').click();
  const desc = (await rowData(lib)).map((r) => r.stance);
  expect(desc).toEqual([...asc].reverse());
  await lib.locator('button[data-sort="title"]').click();
  const titles = await lib.locator('tr[data-video-id] .col-title a').allTextContents();
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })));

  // Filter by leaning, by channel, and search titles.
  const leaning = rows[0]!.leaning;
  await lib.locator('select[data-filter="leaning"]').selectOption(leaning);
  expect((await rowData(lib)).map((r) => r.id).sort()).toEqual(rows.filter((r) => r.leaning === leaning).map((r) => r.id).sort());
  await lib.locator('select[data-filter="leaning"]').selectOption('all');
  await lib.locator('select[data-filter="channel"]').selectOption('UCreplicaAIChannel0000000');
  expect((await rowData(lib)).map((r) => r.id).sort()).toEqual(['CleanUrlEp1', 'TwoLangEp01']);
  await lib.locator('select[data-filter="channel"]').selectOption('all');
  await lib.getByRole('searchbox', { name: 'Search titles' }).fill(shown.get('4WNWeUQ7Hfc')!.title.slice(0, 12).toLowerCase());
  expect((await rowData(lib)).map((r) => r.id)).toEqual(['4WNWeUQ7Hfc']);
  await lib.getByRole('searchbox', { name: 'Search titles' }).fill('');
  await expect(rowsOf(lib)).toHaveCount(3);

  // The overview chart draws one range per episode.
  await lib.locator('button[data-tab="chart"]').click();
  await expect(lib.locator('svg.overview .chart-range')).toHaveCount(3);
  await expect(lib.locator('svg.overview a.chart-episode[data-video-id="CleanUrlEp1"]')).toHaveAttribute('href', 'https://www.youtube.com/watch?v=CleanUrlEp1');
  await lib.locator('button[data-tab="list"]').click();

  // "Clear cache" in the popup leaves the library alone.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Clear cache' }).click();
  await expect(popup.getByTestId('cache-status')).toHaveText(/Cleared 3 episodes/);
  await popup.close();
  await lib.reload();
  await expect(rowsOf(lib)).toHaveCount(3);

  // Export, clear (with confirmation), import: the same three rows come back.
  const [download] = await Promise.all([lib.waitForEvent('download'), lib.locator('[data-action="export-json"]').click()]);
  const exported = testInfo.outputPath('library.json');
  await download.saveAs(exported);
  expect(JSON.parse(readFileSync(exported, 'utf8')).entries).toHaveLength(3);
  const before = (await rowData(lib)).sort((a, b) => a.id.localeCompare(b.id));

  await lib.locator('[data-action="clear-library"]').click();
  await lib.locator('[data-action="confirm-clear"]').click();
  await expect(rowsOf(lib)).toHaveCount(0);
  await expect(lib.getByTestId('library-status')).toHaveText('Deleted 3 episodes.');

  // A bad file is refused with its reason and changes nothing.
  const bad = testInfo.outputPath('bad.json');
  writeFileSync(bad, JSON.stringify({ format: 'perspective-map-library', version: 1, exportedAt: 1, entries: [{ videoId: 'nope' }] }));
  await lib.locator('input[data-action="import"]').setInputFiles(bad);
  await expect(lib.getByTestId('import-error')).toContainText('Nothing was imported from bad.json');
  await expect(rowsOf(lib)).toHaveCount(0);

  await lib.locator('input[data-action="import"]').setInputFiles(exported);
  await expect(rowsOf(lib)).toHaveCount(3);
  expect((await rowData(lib)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before);
  await expect(lib.getByTestId('library-status')).toHaveText(/3 added, 0 updated, 0 unchanged/);
});

test('the panel says where an episode sits against three others of its channel', async ({ page, context, extensionId }) => {
  test.setTimeout(240_000);
  await mapEpisodes(page, context, extensionId, ['CleanUrlEp1', 'TwoLangEp01', 'ShortEp0001']);
  await expect(panel(page).query('[data-channel-baseline]')).toHaveCount(0); // two others only
  await navigateSpa(page, 'CcOnDefault');
  const p = panel(page);
  await expect.poll(async () => (await p.attributes())['data-video-id']).toBe('CcOnDefault');
  await p.waitForState('ready', 60_000);
  await expect(p.query('[data-channel-baseline]')).toHaveText(/^More (risk|opportunity)-forward than \d of your 3 other episodes from this channel$|^Level with all 3/);
});
