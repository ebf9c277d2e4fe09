import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBridgeClient } from '../../../src/bridge/bridge-client';
import { extractInitialPlayerResponse } from '../../../src/captions/watch-page';
import { startMainWorld, type MainWorldWindow } from '../../../src/main-world/start-main-world';
import { fakeWindow } from '../bridge/fake-window';

/** The real watch page of GJLlxj_dtq8 (every track exp=xpe). */
const realResponse = extractInitialPlayerResponse(
  readFileSync(new URL('../../fixtures/youtube/watch-page_web_2025-06_GJLlxj_dtq8.html', import.meta.url), 'utf8'),
) as { videoDetails: { videoId: string } };
const REAL_ID = realResponse.videoDetails.videoId;

function page(opts: { urlVideo: string; player?: unknown; initial?: unknown; potWaitMs?: number; href?: () => string }) {
  const bridgeWin = fakeWindow();
  const win = Object.assign(bridgeWin, {
    location: {
      origin: 'https://www.youtube.com',
      get href() {
        return opts.href?.() ?? `https://www.youtube.com/watch?v=${opts.urlVideo}`;
      },
    },
    document: { getElementById: (id: string) => (id === 'movie_player' ? (opts.player ?? null) : null) },
    fetch: (async () => new Response('')) as typeof fetch,
    XMLHttpRequest: { prototype: { open: () => undefined } },
    performance: { getEntriesByType: () => [] },
    ytInitialPlayerResponse: opts.initial,
    ytcfg: { get: (k: string) => ({ INNERTUBE_API_KEY: 'AIzaKey_1', INNERTUBE_CLIENT_VERSION: '2.20250610.01.00' })[k] },
  }) as unknown as MainWorldWindow;
  startMainWorld(win, { playerReadyMs: 60, potWaitMs: opts.potWaitMs ?? 60 });
  return createBridgeClient(bridgeWin, { signal: new AbortController().signal });
}
const opts = { signal: new AbortController().signal, timeoutMs: 1000 };

describe('main-world snapshot', () => {
  it('reads the live player response for the URL’s video (real fixture tracks) and ytcfg', async () => {
    const client = page({ urlVideo: REAL_ID, player: { getPlayerResponse: () => realResponse } });
    const snap = await client.request('snapshot', { videoId: REAL_ID }, opts);
    expect(snap.listing).toMatchObject({ status: 'ok', videoId: REAL_ID });
    expect(snap.listing.status === 'ok' && snap.listing.tracks.length).toBe(9);
    expect(snap.innertube).toEqual({ apiKey: 'AIzaKey_1', clientVersion: '2.20250610.01.00' });
    // videoDetails as display text for the episode library (lengthSeconds is a decimal string in the response).
    const vd = (realResponse as unknown as { videoDetails: { title: string; author: string; channelId: string; lengthSeconds: string } }).videoDetails;
    expect(snap.details).toEqual({ title: vd.title, channel: vd.author, channelId: vd.channelId, durationSec: Number(vd.lengthSeconds) });
  });

  it('a stale ytInitialPlayerResponse (SPA navigation) is never used for another video', async () => {
    const other = 'BBBBBBBBBBB';
    const client = page({ urlVideo: other, player: { getPlayerResponse: () => realResponse }, initial: realResponse });
    await expect(client.request('snapshot', { videoId: other }, opts)).rejects.toThrow('no response for this video');
  });

  it('the global is used only when it names this very video (player API not ready)', async () => {
    const client = page({ urlVideo: REAL_ID, player: null, initial: realResponse });
    await expect(client.request('snapshot', { videoId: REAL_ID }, opts)).resolves.toMatchObject({ listing: { status: 'ok' } });
  });

  it('no pot anywhere: player-url fails after switching captions on and restoring them', async () => {
    const calls: string[] = [];
    const player = {
      getPlayerResponse: () => realResponse,
      isSubtitlesOn: () => calls.includes('on') && !calls.includes('off'),
      getOption: () => ({}),
      loadModule: () => calls.push('load'),
      setOption: (_m: string, _o: string, v: { languageCode?: string }) => calls.push(v.languageCode ? 'on' : 'off'),
    };
    const client = page({ urlVideo: REAL_ID, player });
    await expect(client.request('player-url', { videoId: REAL_ID, vssId: 'a.en', languageCode: 'en' }, opts)).rejects.toThrow('no token-bearing');
    expect(calls).toEqual(['load', 'on', 'off']);
  });

  // Defect 1: captions switched on for A's token, the user moves to B within the switch-on window. B used to read
  // A's "on" as the user's state, A restored "off" while B still waited, then B restored "on": captions stayed on.
  it('a quick A→B while captions are switched on for A: one switch at a time, and the user’s "off" is what stays', async () => {
    const B = 'BBBBBBBBBBB';
    const responseB = JSON.parse(JSON.stringify(realResponse).replaceAll(REAL_ID, B)) as typeof realResponse;
    const nav = { video: REAL_ID };
    const cc = { on: false, lang: null as string | null };
    const log: string[] = [];
    const player = {
      getPlayerResponse: () => (nav.video === REAL_ID ? realResponse : responseB),
      isSubtitlesOn: () => cc.on,
      getOption: () => (cc.on ? { languageCode: cc.lang } : {}),
      loadModule: () => undefined,
      setOption: (_m: string, _o: string, value: { languageCode?: string }) => {
        cc.on = value.languageCode !== undefined;
        cc.lang = value.languageCode ?? null;
        log.push(`${nav.video === REAL_ID ? 'A' : 'B'}:${cc.on ? 'on' : 'off'}`);
      },
      toggleSubtitles: () => void (cc.on = !cc.on),
    };
    const client = page({ urlVideo: REAL_ID, player, potWaitMs: 400, href: () => `https://www.youtube.com/watch?v=${nav.video}` });
    const long = { signal: new AbortController().signal, timeoutMs: 3_000 };
    const a = client.request('player-url', { videoId: REAL_ID, vssId: 'a.en', languageCode: 'en' }, long);
    while (!cc.on) await new Promise((r) => setTimeout(r, 2));
    nav.video = B; // in-page navigation while A waits for a token with captions on
    const b = client.request('player-url', { videoId: B, vssId: 'a.en', languageCode: 'en' }, long);
    const [resultA, resultB] = await Promise.allSettled([a, b]);
    expect(resultA).toMatchObject({ status: 'rejected', reason: { message: 'the page moved on to another video' } });
    expect(resultB).toMatchObject({ status: 'rejected', reason: { message: 'the player made no token-bearing caption request' } });
    expect(cc.on).toBe(false);
    // A put the user's state back before B looked at it: B saw "off", switched on, and put "off" back.
    expect(log).toEqual(['A:on', 'B:off', 'B:on', 'B:off']);
  });
});
