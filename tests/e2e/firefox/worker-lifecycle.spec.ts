import { EPISODES_DIR, MEDIA_FILE } from '../global-setup';
import { test as base } from './firefox-harness';
import { longEpisodeWithSlices, MID_JOB_TIMEOUT_MS, MID_JOB_TITLE, stopMidJob, type LongEpisodeWithSlices } from '../cases/worker-lifecycle';
import { GENERATED_EPISODES_DIR } from '../replica/long-episode';
import { startReplica, type Replica } from '../replica/server';

/** The worker stopped mid-job (tests/e2e/cases/worker-lifecycle.ts), in Firefox (the event page). */
const test = base.extend<object, { longEpisode: LongEpisodeWithSlices; replica: Replica }>({
  longEpisode: [
    async ({}, use) => {
      await use(longEpisodeWithSlices());
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

test(MID_JOB_TITLE, async ({ e2e, longEpisode }) => {
  test.setTimeout(MID_JOB_TIMEOUT_MS);
  await stopMidJob(e2e, longEpisode);
});
