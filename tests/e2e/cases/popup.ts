import { expect } from '@playwright/test';
import { openWatch, panelOf, SEED, type E2ETab, type SharedCase } from '../driver/e2e-driver';

/** The popup's switch for a lexicon, read in the popup's own document. */
function switchState(popup: E2ETab, lexiconId: string): Promise<boolean | null> {
  return popup.evaluate((id) => (document.getElementById(`popup-lex-${id}`) as HTMLInputElement | null)?.checked ?? null, lexiconId);
}

/** The popup (issue 6) driving an open watch page, in every browser. Registered by popup.spec.ts and firefox/. */
export const popupCases: SharedCase[] = [
  {
    title: 'the popup switches a lexicon off and on: the open page re-scores from cached captions, then the first map comes back from the cache',
    timeoutMs: 90_000,
    run: async ({ tab, replica, openExtensionPage }) => {
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      const before = await p.text('.headline');
      const mark = replica.log.mark();

      const popup = await openExtensionPage('popup.html');
      await expect.poll(() => switchState(popup, 'ai-opportunity'), { message: 'the popup lists ai-opportunity, on' }).toBe(true);
      await popup.click('#popup-lex-ai-opportunity');
      await expect.poll(() => switchState(popup, 'ai-opportunity')).toBe(false);
      // Live re-score: the headline changes without reloading the page and without refetching captions.
      await expect.poll(() => p.text('.headline'), { timeout: 30_000 }).not.toBe(before);
      await p.waitForState('ready');
      expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-slices': '107', 'data-cached': 'false' });
      expect(replica.log.timedtext(mark)).toEqual([]);

      // Back on: the first map again, straight from the cache.
      await popup.click('#popup-lex-ai-opportunity');
      await expect.poll(() => switchState(popup, 'ai-opportunity')).toBe(true);
      await expect.poll(() => p.text('.headline'), { timeout: 30_000 }).toBe(before);
      await p.waitForState('ready');
      expect((await p.attributes())['data-cached']).toBe('true');
      expect(replica.log.timedtext(mark)).toEqual([]);
      await popup.close();
    },
  },
];
