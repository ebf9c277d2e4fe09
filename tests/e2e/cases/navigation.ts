import { expect } from '@playwright/test';
import { navigateSpa, openWatch, panelOf, SEED, type SharedCase } from '../driver/e2e-driver';

const B = 'TwoLangEp01';

/** YouTube's in-page navigation (issue 4 §3), in every browser. Registered by navigation.spec.ts and firefox/. */
export const navigationCases: SharedCase[] = [
  {
    title: 'SPA navigation A → B draws B’s map (the stale ytInitialPlayerResponse is not used)',
    run: async ({ tab }) => {
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      await navigateSpa(tab, B);
      await p.waitForVideo(B);
      await p.waitForState('ready', 40_000);
      expect(await tab.evaluate(() => (window as unknown as { ytInitialPlayerResponse: { videoDetails: { videoId: string } } }).ytInitialPlayerResponse.videoDetails.videoId)).toBe(SEED);
      const attrs = await p.attributes();
      expect(attrs['data-video-id']).toBe(B);
      expect(attrs['data-slices']).not.toBe('107');
      expect(await p.hostCount()).toBe(1);
    },
  },
];
