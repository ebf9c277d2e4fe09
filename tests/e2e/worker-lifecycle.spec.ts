import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { EPISODES_DIR, MEDIA_FILE } from './global-setup';
import { expect, openWatch, panel, test as base } from './harness';
import { ensureLongEpisode, GENERATED_EPISODES_DIR, type LongEpisode } from './replica/long-episode';
import { startReplica, type Replica } from './replica/server';

/**
 * MV3 stops service workers at will — also in the middle of a job. A ~12-hour episode (~15 MB, generated into
 * tests/e2e/.cache/ at test time) takes the worker long enough to upload (in chunks) and score that a stop issued
 * as soon as the panel says "Scoring…" lands mid-job; the content script then sends the whole upload + score once
 * more to a fresh worker, and the panel still ends `ready` with every slice.
 */
interface LongFixtures {
  longEpisode: LongEpisode & { slices: number };
}

const test = base.extend<object, LongFixtures & { replica: Replica }>({
  longEpisode: [
    async ({}, use) => {
      const episode = ensureLongEpisode();
      // The slice count of the whole body, from the score CLI (a lost or repeated chunk changes it). Through the
      // CLI because Playwright's loader cannot import the lexicons' JSON modules.
      const root = join(import.meta.dirname, '..', '..');
      const csv = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'score.ts'), episode.bodyFile, '--format', 'csv'], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      const rows = csv.trim().split('\n').filter((line) => /^\d+,/.test(line));
      await use({ ...episode, slices: rows.length });
    },
    { scope: 'worker' },
  ],
  // This file's replica also serves the generated episode (the shared fixture serves the committed ones only).
  replica: [
    async ({ longEpisode }, use) => {
      void longEpisode;
      const replica = await startReplica({ episodesDir: EPISODES_DIR, extraEpisodesDirs: [GENERATED_EPISODES_DIR], mediaFile: MEDIA_FILE });
      await use(replica);
      await replica.close();
    },
    { scope: 'worker' },
  ],
});

const RETRY_LOG = /the background worker went away while scoring/;

test('a worker stopped while a 12-hour episode is uploaded or scored: the panel still ends ready with every slice', async ({ page, longEpisode, stopServiceWorkers }) => {
  test.setTimeout(180_000);
  const retries: string[] = [];
  page.on('console', (message) => {
    if (RETRY_LOG.test(message.text())) retries.push(message.text());
  });
  const p = panel(page);
  await openWatch(page, longEpisode.videoId);
  // "Scoring…" appears right after the body was fetched in the tab, as the upload starts.
  await page.waitForFunction(
    () => /Scoring/.test(document.querySelector('#perspective-map')?.shadowRoot?.textContent ?? ''),
    undefined,
    { timeout: 90_000, polling: 10 },
  );
  const stoppedAt = Date.now();
  await stopServiceWorkers();
  const stateAfterStop = await p.state();

  await p.waitForState(['ready', 'error'], 150_000);
  const attributes = await p.attributes();
  // A mid-job stop is retried (and logged) before the map can be ready, so the log is in by now.
  const midJob = retries.length > 0;
  console.log(
    `[worker-lifecycle] ${longEpisode.hours.toFixed(1)} h episode, ${(longEpisode.chars / 1e6).toFixed(1)} M characters: ` +
      (midJob
        ? `the stop landed mid-job (panel ${stateAfterStop} once stopped, ${Date.now() - stoppedAt} ms to the end); the content script retried once: ${retries[0]}`
        : `the stop landed after the job (panel ${stateAfterStop} once stopped); no retry was needed`),
  );
  expect(attributes).toMatchObject({ 'data-state': 'ready', 'data-video-id': longEpisode.videoId, 'data-slices': String(longEpisode.slices) });
  expect(retries.length).toBeLessThanOrEqual(1); // once, never a loop
});
