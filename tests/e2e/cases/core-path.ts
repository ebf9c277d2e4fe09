import { expect } from '@playwright/test';
import { navigateSpa, openWatch, panelOf, SEED, videoTime, type E2ETab, type SharedCase } from '../driver/e2e-driver';

/** Opens the transcript drawer by its toggle and waits for its first cues (its code loads on the first open). */
async function openDrawer(tab: E2ETab): Promise<void> {
  await tab.clickInPanel('.transcript-toggle [data-action="open-transcript"]');
  await expect.poll(() => panelOf(tab).count('[data-transcript] [data-cue-start-ms]'), { timeout: 20_000 }).toBeGreaterThan(0);
}

/** Closes the drawer again, so the saved choice does not open it for the next test. */
async function closeDrawer(tab: E2ETab): Promise<void> {
  await tab.clickInPanel('.transcript-toggle [data-action="open-transcript"]');
  await expect.poll(() => panelOf(tab).attributeOf('[data-transcript]', 'data-open')).toBe('false');
}

/**
 * The product's main path (issue 2), in every browser: the seed episode's captions are read in the tab, parsed and
 * scored by the background, cached in IndexedDB and drawn under the player; bars seek the video; a reload comes
 * from the cache. Registered by core-path.spec.ts (Chromium) and firefox/core-path.spec.ts (Firefox).
 */
export const corePathCases: SharedCase[] = [
  {
    title: 'the seed episode: 107 slices under the player, placed before the title block',
    run: async ({ tab }) => {
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      expect(await p.attributes()).toMatchObject({
        'data-video-id': SEED,
        'data-state': 'ready',
        'data-slices': '107',
        'data-source': 'player',
        'data-cached': 'false',
      });
      expect(await p.count('[data-slice-index]')).toBe(107);
      expect(await p.hostCount()).toBe(1);
      // Contract: inside #below, before the title block (ytd-watch-metadata), with an open shadow root.
      const placement = await tab.evaluate(() => {
        const host = document.getElementById('perspective-map')!;
        const title = document.querySelector('#below ytd-watch-metadata')!;
        return {
          parent: host.parentElement?.id,
          beforeTitle: Boolean(host.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING),
          openShadow: host.shadowRoot !== null,
        };
      });
      expect(placement).toEqual({ parent: 'below', beforeTitle: true, openShadow: true });
      // The headline in the seed's wording, computed from the captions.
      expect(await p.text('.headline-sentence')).toContain('Across 107 full-transcript segments: median ');
      expect(await p.text('.headline')).toContain('Mixed leaning, primarily in the Technical lens. Evidence mode: interview. Confidence: medium.');
    },
  },
  {
    title: 'clicking a bar seeks the video to that slice’s start',
    run: async ({ tab }) => {
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      for (const index of [0, 40, 106]) {
        const selector = `[data-slice-index="${index}"]`;
        const startMs = Number(await p.attributeOf(selector, 'data-start-ms'));
        await tab.clickInPanel(selector);
        await expect.poll(() => videoTime(tab)).toBeCloseTo(startMs / 1000, 0);
        expect(Math.abs((await videoTime(tab)) - startMs / 1000)).toBeLessThanOrEqual(0.5);
      }
    },
  },
  {
    title: 'a reload is served from IndexedDB: data-cached="true" and no caption request by the extension',
    run: async ({ tab, replica }) => {
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      expect((await p.attributes())['data-cached']).toBe('false');
      const mark = replica.log.mark();
      await tab.reload();
      await p.waitForState('ready', 40_000);
      // The cache keeps which strategy delivered the captions, so the reloaded panel still says it.
      expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-cached': 'true', 'data-slices': '107', 'data-source': 'player' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Captions are off by default on the seed: any caption request now would be the extension's (or its toggling).
      expect(replica.log.timedtext(mark)).toEqual([]);
      expect(replica.log.entries.filter((e) => e.seq > mark && e.pathname.startsWith('/youtubei/'))).toEqual([]);
    },
  },
  {
    title: 'SPA navigation to another episode leaves exactly one panel, for the new video',
    run: async ({ tab }) => {
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      // Through the page's own related-video link, as a person would.
      await tab.click('#secondary a#thumbnail[href="/watch?v=CleanUrlEp1"]');
      await p.waitForVideo('CleanUrlEp1');
      await p.waitForState('ready', 40_000);
      expect(await p.hostCount()).toBe(1);
      expect((await p.attributes())['data-slices']).not.toBe('107');
      await navigateSpa(tab, SEED);
      await p.waitForState('ready', 40_000);
      expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-slices': '107' });
      expect(await p.hostCount()).toBe(1);
    },
  },
  {
    title: 'the transcript drawer brings its code on first open and shows the cues, with its styles',
    run: async ({ tab }) => {
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      expect(await p.attributeOf('[data-transcript]', 'data-open')).toBe('false');
      expect(await p.count('[data-transcript] [data-cue-start-ms]')).toBe(0);
      // The drawer's body is a separate file (transcript-drawer.js), imported by the content script on this click.
      await openDrawer(tab);
      expect(await p.attributeOf('[data-transcript]', 'data-open')).toBe('true');
      expect(await p.count('[data-transcript] input[type="search"]')).toBe(1);
      expect(Number(await p.attributeOf('[data-transcript] [data-cue-start-ms]', 'data-cue-start-ms'))).toBe(0);
      // Its styles came with it: the list scrolls inside a bounded box.
      const overflow = await tab.evaluate(() => {
        const list = document.getElementById('perspective-map')!.shadowRoot!.querySelector('.transcript-scroll')!;
        return getComputedStyle(list).overflowY;
      });
      expect(overflow).toBe('auto');
      await closeDrawer(tab);
    },
  },
  {
    title: 'the transcript drawer finds a word (count, Enter, matching bars on the arc) and follows playback',
    run: async ({ tab }) => {
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      await openDrawer(tab);
      // Typed and stepped through the page's DOM (events reach the content script's listeners in both browsers).
      const search = (word: string) =>
        tab.evaluate((value) => {
          const input = document.getElementById('perspective-map')!.shadowRoot!.querySelector<HTMLInputElement>('[data-transcript] input[type="search"]')!;
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }, word);
      const enter = () =>
        tab.evaluate(() => {
          const input = document.getElementById('perspective-map')!.shadowRoot!.querySelector<HTMLInputElement>('[data-transcript] input[type="search"]')!;
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
        });
      await search('GROCKING');
      await expect.poll(() => p.text('[data-testid="transcript-count"]'), { timeout: 10_000 }).toMatch(/^1 of \d+$/);
      const total = Number((await p.text('[data-testid="transcript-count"]')).split(' of ')[1]);
      expect(total).toBeGreaterThan(3);
      await expect.poll(() => p.count('.arc-bar[data-match="true"]')).toBeGreaterThan(0);
      expect((await p.text('[data-transcript] [data-found="current"]')).toLowerCase()).toBe('grocking');
      await enter();
      await expect.poll(() => p.text('[data-testid="transcript-count"]')).toBe(`2 of ${total}`);
      await search('');
      await expect.poll(() => p.count('.arc-bar[data-match="true"]')).toBe(0);

      // Playing from the start: the row under the playhead (aria-current) moves on. The search took the view to its
      // first match, so "Back to now" brings the playing row back first.
      await tab.evaluate(() => {
        const video = document.querySelector('#movie_player video') as HTMLVideoElement;
        video.muted = true;
        video.currentTime = 0;
        return video.play();
      });
      await expect.poll(() => p.count('[data-transcript] [data-action="back-to-now"]'), { timeout: 10_000 }).toBe(1);
      await tab.evaluate(() => document.getElementById('perspective-map')!.shadowRoot!.querySelector<HTMLElement>('[data-transcript] [data-action="back-to-now"]')!.click());
      const currentStart = async () => Number((await p.attributeOf('[data-transcript] [aria-current="true"]', 'data-cue-start-ms')) ?? -1);
      await expect.poll(currentStart, { timeout: 10_000 }).toBeGreaterThanOrEqual(0);
      const first = await currentStart();
      await expect.poll(currentStart, { timeout: 20_000 }).toBeGreaterThan(first);
      expect(await p.count('[data-transcript] [aria-current="true"]')).toBe(1);
      await tab.evaluate(() => (document.querySelector('#movie_player video') as HTMLVideoElement).pause());
      await closeDrawer(tab);
    },
  },
  {
    title: 'a video without captions says so',
    run: async ({ tab }) => {
      await openWatch(tab, 'NoCaptions1');
      const p = panelOf(tab);
      await p.waitForState('no-captions', 30_000);
      expect(await p.attributes()).toMatchObject({ 'data-video-id': 'NoCaptions1', 'data-state': 'no-captions' });
      expect(await p.text('.status-sentence')).toBe('This video has no captions');
      expect(await p.count('[data-slice-index]')).toBe(0);
    },
  },
  {
    title: 'nothing leaves for a host other than YouTube while mapping, even when the page asks for one',
    run: async ({ tab, externalRequests }) => {
      await openWatch(tab, SEED);
      await panelOf(tab).waitForState('ready', 40_000);
      // Sanity: the harness does catch an outside request (so the empty list the fixture checks is meaningful).
      await tab.evaluate(() => fetch('https://example.org/beacon').then(() => undefined, () => undefined));
      await expect.poll(() => externalRequests.length).toBe(1);
      expect(externalRequests[0]).toContain('example.org');
      externalRequests.length = 0;
    },
  },
];
