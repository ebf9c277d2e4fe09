import { expect, test } from './firefox-harness';

/**
 * The Firefox harness's own fail-closed net: requests outside the intercepted tabs (here an extension page, which the
 * harness does not route) go to the profile's dead proxy and fail, so nothing can leave the machine unseen. The
 * target is the replica's own 127.0.0.1 address, which answers any direct request — so this fails if the net is gone.
 */
test('a request outside the intercepted tabs cannot reach any server, not even 127.0.0.1 (dead proxy)', async ({ e2e, replica }) => {
  const popup = await e2e.openExtensionPage('popup.html');
  const mark = replica.log.mark();
  // `no-cors`: an opaque answer would resolve; only a network failure rejects.
  const outcome = await popup.evaluate(
    (url) => fetch(url, { mode: 'no-cors', cache: 'no-store' }).then(() => 'answered', (error: unknown) => `failed: ${String(error)}`),
    `${replica.url}/`,
  );
  expect(outcome).toMatch(/^failed: /);
  expect(replica.log.entries.filter((e) => e.seq > mark)).toEqual([]);
  await popup.close();
});
