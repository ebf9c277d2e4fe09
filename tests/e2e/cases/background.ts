import { expect } from '@playwright/test';
import { navigateSpa, openWatch, panelOf, SEED, type SharedCase } from '../driver/e2e-driver';

const OTHER = 'CleanUrlEp1';

/**
 * The background stopped by the browser (issue 5): a Chromium MV3 service worker or a Firefox event page. Everything
 * that matters lives in storage and IndexedDB; assertions go through the page. Registered by worker.spec.ts and
 * firefox/. The stop in the middle of a long job: worker-lifecycle.ts.
 */
export const backgroundCases: SharedCase[] = [
  {
    title: 'a background stopped after the first map: navigation and the next map still work',
    timeoutMs: 90_000,
    run: async ({ tab, replica, stopBackground }) => {
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      await stopBackground();
      // A fresh episode needs the (restarted) background to parse and score.
      await navigateSpa(tab, OTHER);
      await p.waitForVideo(OTHER);
      await p.waitForState('ready', 40_000);
      expect((await p.attributes())['data-cached']).toBe('false');
      await stopBackground();
      // Back to the seed: the restarted background answers from IndexedDB, with no caption request.
      const mark = replica.log.mark();
      await navigateSpa(tab, SEED);
      await p.waitForVideo(SEED);
      await p.waitForState('ready', 40_000);
      expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-cached': 'true', 'data-slices': '107' });
      expect(replica.log.timedtext(mark).filter((e) => e.params.get('v') === SEED)).toEqual([]);
    },
  },
];
