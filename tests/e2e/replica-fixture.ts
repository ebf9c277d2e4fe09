import { EPISODES_DIR, MEDIA_FILE } from './global-setup';
import { startReplica, type Replica } from './replica/server';

/**
 * The worker-scoped `replica` fixture both harnesses (Chromium: harness.ts, Firefox: firefox/firefox-harness.ts) and
 * the specs that serve extra episodes share: one replica per test worker, closed when the worker ends.
 * `extraEpisodesDirs` adds folders of generated episodes (e.g. the 12-hour one) to the committed ones.
 */
/** A worker-scoped fixture as `base.extend` takes it: its function (own arguments `A`) and `{ scope: 'worker' }`. */
export type WorkerFixtureTuple<T, A = object> = [(args: A, use: (value: T) => Promise<void>) => Promise<void>, { scope: 'worker' }];

export function replicaFixture(extraEpisodesDirs: readonly string[] = []): WorkerFixtureTuple<Replica> {
  return [
    async ({}, use: (replica: Replica) => Promise<void>) => {
      const replica = await startReplica({ episodesDir: EPISODES_DIR, extraEpisodesDirs, mediaFile: MEDIA_FILE });
      await use(replica);
      await replica.close();
    },
    { scope: 'worker' },
  ];
}
