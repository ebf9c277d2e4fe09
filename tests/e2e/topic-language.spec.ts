import { expect, openWatch, panel, test } from './harness';

/**
 * Issue 8 in the browser: a video that says too little about AI is `off-topic` until the user asks for its
 * map (a choice that holds on reload), and a German-only video is mapped from YouTube's English translation.
 */
const WAR = 'WarHistory1';
const GERMAN = 'GermanOnly1';

test('war and crime with one passing mention of AI: off-topic, "Show the map anyway" draws it, and the choice holds on reload', async ({ page, replica }) => {
  await openWatch(page, WAR);
  const p = panel(page);
  await p.waitForState('off-topic', 40_000);
  await expect(p.query('.status-sentence')).toContainText(/says little about AI \([\d.]+ AI mentions? per hour\)/);
  await expect(p.bars).toHaveCount(0);
  expect((await p.attributes())['data-slices']).toBeUndefined();

  const mark = replica.log.mark();
  await p.query('[data-action="show-anyway"]').click();
  await p.waitForState('ready');
  const slices = Number((await p.attributes())['data-slices']);
  expect(slices).toBeGreaterThanOrEqual(5);
  await expect(p.bars).toHaveCount(slices);
  expect(replica.log.foreignTimedtext(mark)).toHaveLength(0); // the map was already made: drawn, not fetched again

  await page.reload();
  const again = panel(page);
  await again.waitForState('ready', 40_000);
  expect((await again.attributes())['data-slices']).toBe(String(slices));
  // Muted slices keep their place in the count: every bar is drawn, off-topic ones without a palette colour.
  const muted = await again.query('[data-on-topic="false"]').count();
  expect(muted).toBeGreaterThan(0);
});

test('a German-only video is mapped from YouTube\'s English translation and says "machine-translated"', async ({ page, replica }) => {
  const mark = replica.log.mark();
  await openWatch(page, GERMAN);
  const p = panel(page);
  await p.waitForState('ready', 40_000);
  expect(Number((await p.attributes())['data-slices'])).toBeGreaterThanOrEqual(5);
  await expect(p.query('[data-machine-translated]')).toHaveText('machine-translated');
  // The English translation was requested: the German track's own URL with tlang=en, with the player's pot.
  const requests = replica.log.foreignTimedtext(mark).map((e) => new URL(e.url, 'https://www.youtube.com'));
  expect(requests.some((u) => u.searchParams.get('lang') === 'de' && u.searchParams.get('tlang') === 'en' && u.searchParams.has('pot'))).toBe(true);
  // Scored in English: the translation's terms, not German words, explain the slices.
  await expect(p.query('.headline')).toContainText(/Confidence: (medium|low)\./);
  // The picker still offers the German original.
  const options = await p.query('.track select option').allTextContents();
  expect(options).toEqual(['German', 'German → English (machine-translated)']);
});
