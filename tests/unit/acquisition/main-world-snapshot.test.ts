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

function page(opts: { urlVideo: string; player?: unknown; initial?: unknown }) {
  const bridgeWin = fakeWindow();
  const win = Object.assign(bridgeWin, {
    location: { origin: 'https://www.youtube.com', href: `https://www.youtube.com/watch?v=${opts.urlVideo}` },
    document: { getElementById: (id: string) => (id === 'movie_player' ? (opts.player ?? null) : null) },
    fetch: (async () => new Response('')) as typeof fetch,
    XMLHttpRequest: { prototype: { open: () => undefined } },
    performance: { getEntriesByType: () => [] },
    ytInitialPlayerResponse: opts.initial,
    ytcfg: { get: (k: string) => ({ INNERTUBE_API_KEY: 'AIzaKey_1', INNERTUBE_CLIENT_VERSION: '2.20250610.01.00' })[k] },
  }) as unknown as MainWorldWindow;
  startMainWorld(win, { playerReadyMs: 60, potWaitMs: 60 });
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
});
