import { expect } from '@playwright/test';
import { openWatch, panelOf, SEED, type E2ETab, type SharedCase } from '../driver/e2e-driver';

type PlayerEl = HTMLElement & { isSubtitlesOn(): boolean; getOption(m: string, o: string): { vss_id?: string } };

/** The replica player's captions state: on/off and the selected track. */
export function subtitles(tab: E2ETab): Promise<{ on: boolean; track: string | null }> {
  return tab.evaluate(() => {
    const p = document.querySelector('#movie_player') as unknown as PlayerEl;
    return { on: p.isSubtitlesOn(), track: p.getOption('captions', 'track').vss_id ?? null };
  });
}

/** Caption acquisition (issue 4), in every browser. Registered by acquisition.spec.ts and firefox/. */
export const acquisitionCases: SharedCase[] = [
  {
    title: 'exp=xpe, captions off: switched on briefly for the pot, then off again (the user’s state)',
    run: async ({ tab, replica }) => {
      // The user's state is sampled inside the page the moment the player API attaches — before the extension can
      // act (sampling after openWatch returns would race the extension's own brief switch-on on a busy machine).
      await tab.addInitScript(() => {
        const sample = () => {
          const p = document.querySelector('#movie_player') as unknown as { isSubtitlesOn?: () => boolean } | null;
          if (typeof p?.isSubtitlesOn === 'function') (window as unknown as { __ccAtStart: boolean }).__ccAtStart = p.isSubtitlesOn();
          else requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      });
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      expect(await tab.evaluate(() => (window as unknown as { __ccAtStart?: boolean }).__ccAtStart)).toBe(false);
      expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-state': 'ready', 'data-source': 'player', 'data-slices': '107' });
      expect(replica.log.playerTimedtext().length).toBeGreaterThan(0);
      const ours = replica.log.foreignTimedtext().filter((e) => e.params.get('v') === SEED && e.params.has('pot'));
      expect(ours).toHaveLength(1);
      expect(ours[0]!.params.getAll('fmt')).toEqual(['json3']); // set once, not appended
      expect(ours[0]!.params.has('xosf')).toBe(false);
      expect(await subtitles(tab)).toEqual({ on: false, track: null });
    },
  },
];
