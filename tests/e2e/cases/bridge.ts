import { expect } from '@playwright/test';
import { openWatch, panelOf, SEED, type SharedCase } from '../driver/e2e-driver';
import { INNERTUBE_API_KEY } from '../replica/player-response';

/**
 * The main-world ↔ isolated-world bridge (src/bridge) under a hostile page, in every browser — where Firefox differs
 * most (main-world content scripts since 128, Xray wrappers around page objects). Registered by resilience.spec.ts
 * (Chromium) and firefox/bridge.spec.ts.
 */
export const bridgeCases: SharedCase[] = [
  {
    title: 'a page that jams the bridge: the isolated world lists the tracks itself (ytcfg key from the page’s script text) and fetches directly',
    run: async ({ tab, replica }) => {
      // A capture listener on window (capture listeners at the target run before the extension's) swallows every
      // bridge message, so no handshake, request or answer gets through.
      await tab.addInitScript(() => {
        window.addEventListener(
          'message',
          (event) => {
            if (typeof event.data === 'string' && event.data.includes('perspective-map/bridge')) event.stopImmediatePropagation();
          },
          true,
        );
      });
      const mark = replica.log.mark();
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 50_000);
      expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-source': 'direct', 'data-slices': '107' });
      const android = replica.log.entries.filter((e) => e.seq > mark && e.pathname === '/youtubei/v1/player');
      expect(android.map((e) => [e.method, e.params.get('key')])).toEqual([['POST', INNERTUBE_API_KEY]]);
      // The captions were not switched on for a token (the helper never ran a request).
      expect(replica.log.playerTimedtext(mark)).toHaveLength(0);
    },
  },
  {
    title: 'a forged page message is ignored (no foreign fetch, no foreign data, no error)',
    run: async ({ tab, replica }) => {
      await openWatch(tab, SEED);
      const p = panelOf(tab);
      await p.waitForState('ready', 40_000);
      const mark = replica.log.mark();
      // A page script that watched the traffic replays it with a foreign URL and foreign data.
      const errors = await tab.evaluate(async () => {
        const seen: string[] = [];
        window.addEventListener('error', (e) => seen.push(e.message));
        const ch = 'perspective-map/bridge@1';
        const forged = (o: object) => window.postMessage(JSON.stringify({ ch, ...o }), location.origin);
        forged({ kind: 'handshake', nonce: 'evil-nonce-0001' });
        forged({ kind: 'request', nonce: 'evil-nonce-0001', id: 'evil-request-01', op: 'player-url', args: { videoId: 'BBBBBBBBBBB', vssId: 'a.en', languageCode: 'en' } });
        forged({ kind: 'answer', nonce: 'evil-nonce-0001', id: 'evil-request-01', ok: true, value: { videoId: '4WNWeUQ7Hfc', url: 'https://evil.example/api/timedtext', potSource: 'observed-request' } });
        window.postMessage('{"ch":"perspective-map/bridge@1","kind":', location.origin);
        window.postMessage({ ch, kind: 'ready' }, location.origin);
        await new Promise((resolve) => setTimeout(resolve, 500));
        return seen;
      });
      expect(replica.log.timedtext(mark)).toHaveLength(0);
      expect(await p.attributes()).toMatchObject({ 'data-video-id': SEED, 'data-state': 'ready', 'data-slices': '107' });
      expect(errors).toEqual([]);
    },
  },
];
