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
  {
    title: 'exp=xpe, captions already on: the pot is learnt from the player’s own request, captions untouched',
    run: async ({ tab, replica }) => {
      await openWatch(tab, 'CcOnDefault');
      const before = await subtitles(tab);
      expect(before.on).toBe(true);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      expect(await p.attributes()).toMatchObject({ 'data-video-id': 'CcOnDefault', 'data-source': 'player' });
      const ours = replica.log.foreignTimedtext().filter((e) => e.params.get('v') === 'CcOnDefault');
      expect(ours).toHaveLength(1);
      const playerPot = replica.log.playerTimedtext().find((e) => e.params.get('v') === 'CcOnDefault')!.params.get('pot');
      expect(ours[0]!.params.get('pot')).toBe(playerPot);
      expect(await subtitles(tab)).toEqual(before);
    },
  },
  {
    title: 'a clean track URL (no exp=xpe) is fetched directly',
    run: async ({ tab, replica }) => {
      await openWatch(tab, 'CleanUrlEp1');
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      expect(await p.attributes()).toMatchObject({ 'data-video-id': 'CleanUrlEp1', 'data-source': 'direct' });
      expect(replica.log.playerTimedtext().filter((e) => e.params.get('v') === 'CleanUrlEp1')).toHaveLength(0); // no captions toggling was needed
      expect(await subtitles(tab)).toEqual({ on: false, track: null });
    },
  },
  {
    title: 'every timedtext answer empty → the transcript panel is used, and closed again',
    run: async ({ tab }) => {
      await openWatch(tab, 'PanelOnly01');
      const p = panelOf(tab);
      await p.waitForState('ready', 50_000);
      expect(await p.attributes()).toMatchObject({ 'data-video-id': 'PanelOnly01', 'data-source': 'panel' });
      expect(Number((await p.attributes())['data-slices'])).toBeGreaterThan(0);
      expect(await tab.evaluate(() => document.querySelectorAll('ytd-engagement-panel-section-list-renderer[visibility="ENGAGEMENT_PANEL_VISIBILITY_EXPANDED"]').length)).toBe(0);
    },
  },
  {
    title: 'empty timedtext, a bot check and no transcript panel → unavailable, with what was tried',
    run: async ({ tab, replica }) => {
      await openWatch(tab, 'Unavailabl1');
      const p = panelOf(tab);
      await p.waitForState('unavailable', 50_000);
      expect(await p.attributes()).toMatchObject({ 'data-video-id': 'Unavailabl1', 'data-state': 'unavailable' });
      const text = await p.text();
      expect(text).toContain('YouTube did not hand over the captions');
      expect(text).toMatch(/player: empty/);
      expect(text).toMatch(/direct: bot-check/);
      expect(text).toMatch(/panel: unavailable/);
      // The mobile-client player request (a same-origin POST from the tab) reached the replica.
      expect(replica.log.entries.some((e) => e.pathname === '/youtubei/v1/player')).toBe(true);
    },
  },
  {
    title: 'a malformed body → error with a retry',
    run: async ({ tab }) => {
      await openWatch(tab, 'Malformed01');
      const p = panelOf(tab);
      await p.waitForState('error', 40_000);
      expect(await tab.evaluate(() => [...(document.getElementById('perspective-map')?.shadowRoot?.querySelectorAll('button') ?? [])].filter((b) => /retry/i.test(b.textContent ?? '')).length)).toBe(1);
    },
  },
];
