import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../src/acquisition/fetch-caption-body';
import { listTracksWithoutHelper, type PageDocument } from '../../../src/acquisition/list-tracks-without-helper';
import { readLiveStatus } from '../../../src/acquisition/live-status';
import { readYtcfg } from '../../../src/acquisition/page-ytcfg';

/** What the isolated world can do alone: ytcfg from script text, the ANDROID listing, page data, live status. */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

const page2506 = inlineScripts(fixture('youtube/watch-page_web_2025-06_GJLlxj_dtq8.html'));
const page2512 = inlineScripts(fixture('youtube/watch-page_web_2025-12_eF8Qqp7rjDg.html'));
const androidAnswer = fixture('youtube/player_android_2025-06_GJLlxj_dtq8.json');
const botCheckAnswer = fixture('youtube/player_android_2025-06_login-required-bot-check.json');
const noCaptionsAnswer = fixture('youtube/player_android_2025-06_no-captions.json');

describe('readYtcfg (inline ytcfg.set script text, no eval)', () => {
  it.each([
    ['2025-06 watch page', page2506, '2.20250610.00.00'],
    ['2025-12 watch page (a later ytcfg.set call is not JSON)', page2512, '2.20251201.01.00'],
  ])('%s', (_name, scripts, clientVersion) => {
    expect(readYtcfg(scripts)).toMatchObject({ apiKey: 'AIzaSyAO_FJ2SlqU8Q4STEHLGCilw_Y9_11qcW8', clientVersion, hl: 'en', visitorData: expect.any(String) });
  });

  it.each([
    ['no ytcfg at all', ['var x = 1;']],
    ['code instead of JSON', ['ytcfg.set({"INNERTUBE_API_KEY": "AIzaSy" + alert(1), "INNERTUBE_CLIENT_VERSION": "2.1"});']],
    ['a key with odd characters', ['ytcfg.set({"INNERTUBE_API_KEY":"<img src=x>","INNERTUBE_CLIENT_VERSION":"2.1"});']],
    ['no client version', ['ytcfg.set({"INNERTUBE_API_KEY":"AIzaSyAO_FJ2SlqU8Q4STEHLGC"});']],
    ['an unterminated object', ['ytcfg.set({"INNERTUBE_API_KEY":"AIzaSyAO_FJ2SlqU8Q4STEHLGC", "x": "}']],
  ])('%s → null', (_name, scripts) => expect(readYtcfg(scripts)).toBeNull());

  it('keeps only the four keys, and skips a non-JSON call before a JSON one', () => {
    const cfg = readYtcfg([`ytcfg.set({'A': 1}); ytcfg.set({"INNERTUBE_API_KEY":"AIzaSyAO_FJ2SlqU8Q4STEHLGC","INNERTUBE_CLIENT_VERSION":"2.2","HL":"de","VISITOR_DATA":"Cgt\\u0026","EVIL":"x"})`]);
    expect(cfg).toEqual({ apiKey: 'AIzaSyAO_FJ2SlqU8Q4STEHLGC', clientVersion: '2.2', hl: 'de' });
  });
});

describe('readLiveStatus', () => {
  it.each([
    ['live now (player response)', { videoDetails: { isLive: true, isLiveContent: true } }, undefined, 'live'],
    ['live now (getVideoData only)', { videoDetails: { isLiveContent: true } }, { isLive: true }, 'live'],
    ['an ended live stream', { videoDetails: { isLiveContent: true, isLive: false } }, { isLive: false }, 'ended-live'],
    ['an ended live stream (isLive absent)', { videoDetails: { isLiveContent: true } }, undefined, 'ended-live'],
    ['an ordinary video (real ANDROID fixture)', JSON.parse(androidAnswer), undefined, 'not-live'],
    ['"true" as a string is not live', { videoDetails: { isLive: 'true' } }, { isLive: 1 }, 'not-live'],
    ['garbage', 'nope', null, 'not-live'],
  ])('%s', (_name, response, videoData, expected) => expect(readLiveStatus(response, videoData)).toBe(expected));
});

describe('listTracksWithoutHelper', () => {
  const doc = (scripts: string[], readyState: DocumentReadyState = 'complete'): PageDocument & { fire(): void } => {
    const listeners = new Set<() => void>();
    const d = {
      readyState,
      querySelectorAll: () => scripts.map((textContent) => ({ textContent })),
      addEventListener: (_t: string, l: () => void) => void listeners.add(l),
      removeEventListener: (_t: string, l: () => void) => void listeners.delete(l),
      fire: () => {
        d.readyState = 'interactive';
        for (const l of [...listeners]) l();
      },
    };
    return d as unknown as PageDocument & { fire(): void };
  };
  const fetchAnswering = (body: string | Error, status = 200) => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fn: FetchLike = async (url, init) => {
      calls.push({ url, init });
      if (body instanceof Error) throw body;
      return { status, text: async () => body };
    };
    return { fn, calls };
  };
  const signal = () => new AbortController().signal;

  it('keyed from the page’s ytcfg: the ANDROID answer’s clean tracks', async () => {
    const { fn, calls } = fetchAnswering(androidAnswer);
    const listed = await listTracksWithoutHelper({ fetch: fn, doc: doc(page2506) }, 'GJLlxj_dtq8', signal());
    expect(listed).toMatchObject({ status: 'ok', from: 'android', live: 'not-live', androidFailure: null });
    expect(listed.tracks.length).toBeGreaterThan(0);
    expect(listed.tracks.every((t) => !t.baseUrl.includes('exp=xpe'))).toBe(true);
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]!.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://www.youtube.com/youtubei/v1/player');
    expect(url.searchParams.get('key')).toBe('AIzaSyAO_FJ2SlqU8Q4STEHLGCilw_Y9_11qcW8');
    expect(JSON.parse(String(calls[0]!.init?.body))).toMatchObject({ videoId: 'GJLlxj_dtq8', context: { client: { clientName: 'ANDROID' } } });
  });

  it('no ytcfg in the page: the request goes keyless', async () => {
    const { fn, calls } = fetchAnswering(androidAnswer);
    await expect(listTracksWithoutHelper({ fetch: fn, doc: doc([]) }, 'GJLlxj_dtq8', signal())).resolves.toMatchObject({ status: 'ok', innertube: null });
    expect(new URL(calls[0]!.url).searchParams.has('key')).toBe(false);
  });

  it('a bot check: the page’s own ytInitialPlayerResponse (this video’s) gives the tracks, and the failure is kept', async () => {
    const { fn } = fetchAnswering(botCheckAnswer);
    const listed = await listTracksWithoutHelper({ fetch: fn, doc: doc(page2506) }, 'GJLlxj_dtq8', signal());
    expect(listed).toMatchObject({ status: 'ok', from: 'page-data', androidFailure: { strategy: 'direct', outcome: 'bot-check' } });
    expect(listed.tracks.every((t) => t.baseUrl.includes('exp=xpe'))).toBe(true);
  });

  it.each([
    ['a bot check', botCheckAnswer, 200, 'bot-check'],
    ['HTTP 403', '', 403, 'http-error'],
    ['a network error', new Error('offline'), 200, 'error'],
  ])('%s and page data for another video (stale after SPA navigation) → unknown', async (_name, body, status, outcome) => {
    const { fn } = fetchAnswering(body, status);
    const listed = await listTracksWithoutHelper({ fetch: fn, doc: doc(page2506) }, 'AAAAAAAAAAA', signal());
    expect(listed).toMatchObject({ status: 'unknown', tracks: [], from: null, androidFailure: { outcome } });
  });

  it('no captions per the ANDROID answer', async () => {
    const { fn } = fetchAnswering(noCaptionsAnswer);
    const id = (JSON.parse(noCaptionsAnswer) as { videoDetails: { videoId: string } }).videoDetails.videoId;
    await expect(listTracksWithoutHelper({ fetch: fn, doc: doc([]) }, id, signal())).resolves.toMatchObject({ status: 'no-captions', from: 'android' });
  });

  it('a live answer is reported live', async () => {
    const live = JSON.parse(androidAnswer) as { videoDetails: Record<string, unknown> };
    live.videoDetails.isLive = true;
    const { fn } = fetchAnswering(JSON.stringify(live));
    await expect(listTracksWithoutHelper({ fetch: fn, doc: doc([]) }, 'GJLlxj_dtq8', signal())).resolves.toMatchObject({ live: 'live' });
  });

  it('waits for the parser to pass the inline scripts (DOMContentLoaded)', async () => {
    const { fn, calls } = fetchAnswering(androidAnswer);
    const d = doc(page2506, 'loading');
    const pending = listTracksWithoutHelper({ fetch: fn, doc: d }, 'GJLlxj_dtq8', signal());
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toHaveLength(0);
    d.fire();
    await expect(pending).resolves.toMatchObject({ status: 'ok' });
    expect(new URL(calls[0]!.url).searchParams.has('key')).toBe(true);
  });
});
