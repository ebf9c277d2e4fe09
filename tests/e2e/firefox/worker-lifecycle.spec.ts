import { test as base } from './firefox-harness';
import { longEpisodeFixtures, MID_JOB_TIMEOUT_MS, MID_JOB_TITLE, stopMidJob, type LongEpisodeWorkerFixtures } from '../cases/worker-lifecycle';

/** The worker stopped mid-job (tests/e2e/cases/worker-lifecycle.ts), in Firefox (the event page). */
const test = base.extend<object, LongEpisodeWorkerFixtures>(longEpisodeFixtures);

test(MID_JOB_TITLE, async ({ e2e, longEpisode }) => {
  test.setTimeout(MID_JOB_TIMEOUT_MS);
  await stopMidJob(e2e, longEpisode);
});
