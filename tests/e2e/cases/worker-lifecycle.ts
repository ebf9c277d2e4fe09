import { expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWatch, panelOf, type E2EBrowser } from '../driver/e2e-driver';
import { ensureLongEpisode, GENERATED_EPISODES_DIR, type LongEpisode } from '../replica/long-episode';
import type { Replica } from '../replica/server';
import { replicaFixture, type WorkerFixtureTuple } from '../replica-fixture';

/**
 * Browsers stop an extension's background at will — also in the middle of a job (a Chromium MV3 service worker, a
 * Firefox event page). A ~12-hour episode (~15 MB, generated into tests/e2e/.cache/ at test time) takes the
 * background long enough to receive (in chunks) and score that a stop issued as soon as the panel says "Scoring…"
 * lands mid-job; the content script then sends the whole upload + score once more to a fresh background, and the
 * panel still ends `ready` with every slice. Run by worker-lifecycle.spec.ts (Chromium) and firefox/.
 */
export type LongEpisodeWithSlices = LongEpisode & { slices: number };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The generated episode and its slice count, from the score CLI (a lost or repeated chunk changes it). */
export function longEpisodeWithSlices(): LongEpisodeWithSlices {
  const episode = ensureLongEpisode();
  // Through the CLI because Playwright's loader cannot import the lexicons' JSON modules.
  const csv = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'score.ts'), episode.bodyFile, '--format', 'csv'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const rows = csv.trim().split('\n').filter((line) => /^\d+,/.test(line));
  return { ...episode, slices: rows.length };
}

export type LongEpisodeWorkerFixtures = { longEpisode: LongEpisodeWithSlices; replica: Replica };

/** The worker fixtures of both worker-lifecycle specs: the generated episode, and a replica that also serves it. */
export const longEpisodeFixtures: {
  longEpisode: WorkerFixtureTuple<LongEpisodeWithSlices>;
  replica: WorkerFixtureTuple<Replica, { longEpisode: LongEpisodeWithSlices }>;
} = {
  longEpisode: [
    async ({}, use: (episode: LongEpisodeWithSlices) => Promise<void>) => {
      await use(longEpisodeWithSlices());
    },
    { scope: 'worker' },
  ],
  // Depends on longEpisode so the episode is generated before the replica loads its folder.
  replica: [
    async ({ longEpisode }: { longEpisode: LongEpisodeWithSlices }, use: (replica: Replica) => Promise<void>) => {
      void longEpisode;
      await replicaFixture([GENERATED_EPISODES_DIR])[0]({}, use);
    },
    { scope: 'worker' },
  ],
};

const RETRY_LOG = /the background worker went away while scoring/;
export const MID_JOB_TITLE = 'a background stopped while a 12-hour episode is uploaded or scored: the panel still ends ready with every slice';
export const MID_JOB_TIMEOUT_MS = 180_000;

export async function stopMidJob({ name, tab, stopBackground }: E2EBrowser, longEpisode: LongEpisodeWithSlices): Promise<void> {
  const retries: string[] = [];
  tab.onConsole((text) => {
    if (RETRY_LOG.test(text)) retries.push(text);
  });
  const p = panelOf(tab);
  await openWatch(tab, longEpisode.videoId);
  // "Scoring…" appears right after the body was fetched in the tab, as the upload starts (polled in the page, 10 ms).
  await tab.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const host = document.querySelector('#perspective-map');
          const text = host?.shadowRoot?.textContent ?? '';
          if (/Scoring/.test(text)) resolve();
          else if (Date.now() - started > 90_000) {
            const words = [...(host?.shadowRoot?.querySelectorAll('p, span, li, button, h2, h3') ?? [])].map((el) => el.textContent?.trim()).filter(Boolean).join(' · ');
            reject(new Error(`the panel never said "Scoring…" (data-state ${host?.getAttribute('data-state') ?? 'no panel'}: ${words.slice(0, 400)})`));
          }
          else setTimeout(check, 10);
        };
        check();
      }),
  );
  const stoppedAt = Date.now();
  await stopBackground();
  const stateAfterStop = (await p.attributes())['data-state'];

  await p.waitForState(['ready', 'error'], 150_000);
  const attributes = await p.attributes();
  const midJob = retries.length > 0;
  console.log(
    `[worker-lifecycle ${name}] ${longEpisode.hours.toFixed(1)} h episode, ${(longEpisode.chars / 1e6).toFixed(1)} M characters: ` +
      (midJob
        ? `the stop landed mid-job (panel ${stateAfterStop} once stopped, ${Date.now() - stoppedAt} ms to the end); the content script retried once: ${retries[0]}`
        : `panel ${stateAfterStop} once stopped, ${Date.now() - stoppedAt} ms to the end; no retry logged`),
  );
  expect(attributes).toMatchObject({ 'data-state': 'ready', 'data-video-id': longEpisode.videoId, 'data-slices': String(longEpisode.slices) });
  expect(retries.length).toBeLessThanOrEqual(1); // once, never a loop
}
