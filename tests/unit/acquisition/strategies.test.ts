import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { acquireCaptions } from '../../../src/acquisition/acquire-captions';
import type { AcquireRequest, AcquisitionStrategy } from '../../../src/acquisition/acquisition-strategy';
import { classifyBody } from '../../../src/acquisition/classify-body';
import { ANDROID_VR_CLIENT, createDirectStrategy, findTwin } from '../../../src/acquisition/direct-strategy';
import { fetchCaptionBody, type FetchLike } from '../../../src/acquisition/fetch-caption-body';
import { createPlayerStrategy } from '../../../src/acquisition/player-strategy';
import type { BridgeClient } from '../../../src/bridge/bridge-client';
import { readCaptionTracks } from '../../../src/captions/player-response';
import { extractInitialPlayerResponse } from '../../../src/captions/watch-page';
import { pickTrack } from '../../../src/captions/pick-track';
import { englishTranslationOf, type CaptionTrack } from '../../../src/captions/caption-track';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const json3 = fixture('captions/timedtext_json3_asr_shape-sample.json3');

/** The real WEB watch page (every baseUrl exp=xpe) and the real ANDROID answer for the same video (clean URLs). */
const webListing = readCaptionTracks(extractInitialPlayerResponse(fixture('youtube/watch-page_web_2025-06_GJLlxj_dtq8.html')));
const androidAnswer = fixture('youtube/player_android_2025-06_GJLlxj_dtq8.json');
const botCheckAnswer = fixture('youtube/player_android_2025-06_login-required-bot-check.json');
if (webListing.status !== 'ok') throw new Error('fixture changed');
const webTracks = webListing.tracks;
const webEn = pickTrack(webTracks, 'en')!;

const request = (track: CaptionTrack = webEn, tracks = webTracks): AcquireRequest => ({
  videoId: 'GJLlxj_dtq8',
  track,
  tracks,
  innertube: { apiKey: 'AIzaSyAO_FJ2SlqU8Q4STEHLGCilw_Y9_11qcW8', clientVersion: '2.20250610.01.00', visitorData: 'Cgt2aXNpdG9y' },
});

type Route = (url: string, init?: RequestInit) => { status: number; body: string };
function fakeFetch(route: Route) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fn: FetchLike = async (url, init) => {
    calls.push({ url, init });
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const { status, body } = route(url, init);
    return { status, text: async () => body };
  };
  return { fn, calls };
}
const live = () => new AbortController().signal;

describe('classifyBody', () => {
  it.each([
    ['', 'empty'],
    ['  \n ', 'empty'],
    ['<!DOCTYPE html><html><body>consent</body></html>', 'html'],
    ['<html lang="en">', 'html'],
    [json3, 'captions'],
    ['<?xml version="1.0"?><transcript><text start="0">hi</text></transcript>', 'captions'],
    ['WEBVTT\n\n00:00.000 --> 00:01.000\nhi', 'captions'],
  ])('%j → %s', (body, kind) => expect(classifyBody(body)).toBe(kind));
});

describe('fetchCaptionBody', () => {
  it.each([
    'https://evil.example/api/timedtext?v=GJLlxj_dtq8',
    'https://www.youtube.com.evil.example/api/timedtext?v=x',
    'https://www.youtube.com/redirect?q=https://evil.example',
    'javascript:alert(1)',
    // Defect 3: a timedtext URL of another video (or naming two) is never fetched for this one.
    'https://www.youtube.com/api/timedtext?v=BBBBBBBBBBB&lang=en&fmt=json3',
    'https://www.youtube.com/api/timedtext?v=GJLlxj_dtq8&v=BBBBBBBBBBB&lang=en',
    'https://www.youtube.com/api/timedtext?lang=en',
  ])('refuses %s without fetching it', async (url) => {
    const { fn, calls } = fakeFetch(() => ({ status: 200, body: json3 }));
    await expect(fetchCaptionBody(fn, url, 'GJLlxj_dtq8', live())).resolves.toMatchObject({ ok: false, outcome: 'refused' });
    expect(calls).toHaveLength(0);
  });

  it.each([
    [200, '', 'empty'],
    [200, '<!doctype html><title>Sorry</title>', 'html'],
    [429, 'Too many requests', 'http-error'],
  ])('HTTP %i %j → %s', async (status, body, outcome) => {
    const { fn } = fakeFetch(() => ({ status, body }));
    await expect(fetchCaptionBody(fn, webEn.baseUrl, 'GJLlxj_dtq8', live())).resolves.toMatchObject({ ok: false, outcome });
  });

  it('reads a streamed body chunk by chunk, reporting progress, and decodes characters split across chunks', async () => {
    const bytes = new TextEncoder().encode(json3.replace('"utf8"', '"utf8 é"'));
    const cut = bytes.indexOf(0xc3) + 1; // between the two bytes of "é"
    const chunks = [bytes.slice(0, cut), bytes.slice(cut, cut + 100), bytes.slice(cut + 100)];
    const fn: FetchLike = async () => ({
      status: 200,
      text: async () => { throw new Error('read the stream, not text()'); },
      body: new ReadableStream<Uint8Array>({ pull(controller) { const next = chunks.shift(); if (next) controller.enqueue(next); else controller.close(); } }),
    });
    const progress = vi.fn();
    const result = await fetchCaptionBody(fn, webEn.baseUrl, 'GJLlxj_dtq8', live(), progress);
    expect(result).toMatchObject({ ok: true, body: new TextDecoder().decode(bytes) });
    expect(progress.mock.calls.length).toBeGreaterThanOrEqual(3); // the answer, then each chunk
  });

  it('an aborted (timed-out) fetch is a timeout', async () => {
    const { fn } = fakeFetch(() => ({ status: 200, body: json3 }));
    const c = new AbortController();
    c.abort();
    await expect(fetchCaptionBody(fn, webEn.baseUrl, 'GJLlxj_dtq8', c.signal)).resolves.toMatchObject({ ok: false, outcome: 'timeout' });
  });
});

describe('player strategy', () => {
  const bridge = (answer: (args: { videoId: string }) => Promise<unknown>): Pick<BridgeClient, 'request'> & BridgeClient =>
    ({ nonce: 'n', request: vi.fn((_op, args) => answer(args as { videoId: string })) }) as unknown as BridgeClient;

  it('fetches the token-bearing json3 URL the page helper answers', async () => {
    const url = `${webEn.baseUrl}&potc=1&pot=TOKEN&fmt=json3&c=WEB`;
    const { fn, calls } = fakeFetch((u) => ({ status: 200, body: u.includes('pot=TOKEN') ? json3 : '' }));
    const strategy = createPlayerStrategy({ bridge: bridge(async ({ videoId }) => ({ videoId, url, potSource: 'observed-request' })), fetch: fn, bridgeTimeoutMs: 100 });
    const result = await strategy.acquire(request(), live());
    expect(result).toMatchObject({ ok: true, body: json3, detail: 'token from observed-request' });
    expect(calls.map((c) => c.url)).toEqual([url]);
  });

  it('a URL for another host from the page world is refused, never fetched', async () => {
    const { fn, calls } = fakeFetch(() => ({ status: 200, body: json3 }));
    const strategy = createPlayerStrategy({
      bridge: bridge(async ({ videoId }) => ({ videoId, url: 'https://evil.example/api/timedtext?v=GJLlxj_dtq8', potSource: 'observed-request' })),
      fetch: fn,
      bridgeTimeoutMs: 100,
    });
    await expect(strategy.acquire(request(), live())).resolves.toMatchObject({ ok: false, outcome: 'refused' });
    expect(calls).toHaveLength(0);
  });

  it('the helper finding no token is "unavailable"; a clean URL is "not-needed"', async () => {
    const { fn } = fakeFetch(() => ({ status: 200, body: json3 }));
    const strategy = createPlayerStrategy({ bridge: bridge(async () => { throw new Error('the player made no token-bearing caption request'); }), fetch: fn, bridgeTimeoutMs: 100 });
    await expect(strategy.acquire(request(), live())).resolves.toMatchObject({ ok: false, outcome: 'unavailable' });
    const clean = readCaptionTracks(JSON.parse(androidAnswer));
    if (clean.status !== 'ok') throw new Error('fixture');
    await expect(strategy.acquire(request(clean.tracks[0], clean.tracks), live())).resolves.toMatchObject({ ok: false, outcome: 'not-needed' });
  });
});

describe('translated tracks (tlang=en, issue 8)', () => {
  // A German track of the real watch page, offered in English by YouTube's translation.
  const webDe = webTracks.find((t) => t.languageCode === 'de')!;
  const translated = englishTranslationOf({ ...webDe, translatesToEnglish: true })!;

  it('player: asks the helper for the source track, then adds tlang=en to its token-bearing URL (pot kept)', async () => {
    const url = `${webDe.baseUrl}&potc=1&pot=TOKEN&fmt=json3&c=WEB`;
    const request_ = vi.fn(async (_op: string, args: { videoId: string }) => ({ videoId: args.videoId, url, potSource: 'observed-request' }));
    const { fn, calls } = fakeFetch(() => ({ status: 200, body: json3 }));
    const strategy = createPlayerStrategy({ bridge: { nonce: 'n', request: request_ } as unknown as BridgeClient, fetch: fn, bridgeTimeoutMs: 100 });
    await expect(strategy.acquire(request(translated, webTracks), live())).resolves.toMatchObject({ ok: true });
    expect(request_.mock.calls[0]![1]).toMatchObject({ vssId: webDe.vssId, languageCode: 'de' });
    expect(calls.map((c) => c.url)).toEqual([`${url}&tlang=en`]);
  });

  it('direct: the clean source URL with fmt=json3 and tlang=en', async () => {
    const clean = readCaptionTracks(JSON.parse(androidAnswer));
    if (clean.status !== 'ok') throw new Error('fixture');
    const cleanDe = clean.tracks.find((t) => t.languageCode === 'de')!;
    const tr = englishTranslationOf({ ...cleanDe, translatesToEnglish: true })!;
    const { fn, calls } = fakeFetch(() => ({ status: 200, body: json3 }));
    await expect(createDirectStrategy({ fetch: fn }).acquire(request(tr, clean.tracks), live())).resolves.toMatchObject({ ok: true });
    const url = new URL(calls[0]!.url);
    expect([url.searchParams.get('lang'), url.searchParams.get('tlang'), url.searchParams.get('fmt')]).toEqual(['de', 'en', 'json3']);
  });

  it('direct via ANDROID: the twin of the source track (German), never an English track', async () => {
    const { fn, calls } = fakeFetch((url) => (url.includes('/youtubei/v1/player') ? { status: 200, body: androidAnswer } : { status: 200, body: json3 }));
    await expect(createDirectStrategy({ fetch: fn }).acquire(request(translated, webTracks), live())).resolves.toMatchObject({ ok: true });
    const url = new URL(calls[1]!.url);
    expect([url.searchParams.get('lang'), url.searchParams.get('tlang')]).toEqual(['de', 'en']);
  });
});

describe('direct strategy', () => {
  it('asks youtubei/v1/player as ANDROID and fetches the clean twin as json3 (real fixtures)', async () => {
    const { fn, calls } = fakeFetch((url) => {
      if (url.startsWith('https://www.youtube.com/youtubei/v1/player')) return { status: 200, body: androidAnswer };
      const u = new URL(url);
      return { status: 200, body: u.searchParams.get('exp') === 'xpe' ? '' : u.searchParams.get('fmt') === 'json3' ? json3 : '<transcript/>' };
    });
    const result = await createDirectStrategy({ fetch: fn }).acquire(request(), live());
    expect(result).toMatchObject({ ok: true, body: json3 });
    const [player, captions] = calls;
    expect(player!.init?.method).toBe('POST');
    expect(player!.url).toContain('key=AIzaSyAO_FJ2SlqU8Q4STEHLGCilw_Y9_11qcW8');
    const sent = JSON.parse(String(player!.init?.body)) as { videoId: string; context: { client: { clientName: string } } };
    expect(sent).toMatchObject({ videoId: 'GJLlxj_dtq8', context: { client: { clientName: 'ANDROID' } } });
    const url = new URL(captions!.url);
    expect(url.searchParams.getAll('fmt')).toEqual(['json3']);
    expect(url.searchParams.get('exp')).toBeNull();
    expect(url.searchParams.get('lang')).toBe(webEn.languageCode);
  });

  it('LOGIN_REQUIRED (bot check) from every client is a failed strategy naming each client, not a crash (real fixture)', async () => {
    const { fn, calls } = fakeFetch(() => ({ status: 200, body: botCheckAnswer }));
    const result = await createDirectStrategy({ fetch: fn }).acquire(request(), live());
    expect(result).toMatchObject({ ok: false, outcome: 'bot-check' });
    expect(calls.map((c) => (JSON.parse(String(c.init?.body)) as { context: { client: { clientName: string } } }).context.client.clientName)).toEqual(['ANDROID', 'ANDROID_VR']);
    if (result.ok) throw new Error('unreachable');
    expect(result.clients?.map((c) => [c.client, c.outcome])).toEqual([
      ['ANDROID', 'bot-check'],
      ['ANDROID_VR', 'bot-check'],
    ]);
    expect(result.detail).toMatch(/^ANDROID: bot-check — Sign in.*; ANDROID_VR: bot-check — Sign in/);
  });

  it('ANDROID bot-checked → ANDROID_VR asked next (FACTS §8), with its own client fields, and its clean URL fetched', async () => {
    const clientOf = (init?: RequestInit) => (JSON.parse(String(init?.body)) as { context: { client: Record<string, unknown> } }).context.client;
    const { fn, calls } = fakeFetch((url, init) => {
      if (url.includes('/youtubei/v1/player')) return { status: 200, body: clientOf(init).clientName === 'ANDROID' ? botCheckAnswer : androidAnswer };
      return { status: 200, body: new URL(url).searchParams.get('exp') === 'xpe' ? '' : json3 };
    });
    const result = await createDirectStrategy({ fetch: fn }).acquire(request(), live());
    expect(result).toMatchObject({ ok: true, body: json3 });
    expect(result.clients?.map((c) => [c.client, c.outcome])).toEqual([
      ['ANDROID', 'bot-check'],
      ['ANDROID_VR', 'ok'],
    ]);
    const vr = calls[1]!;
    expect(clientOf(vr.init)).toMatchObject({ clientName: 'ANDROID_VR', clientVersion: ANDROID_VR_CLIENT.clientVersion });
    expect((vr.init?.headers as Record<string, string>)['x-youtube-client-name']).toBe(ANDROID_VR_CLIENT.headerId);
    expect(ANDROID_VR_CLIENT.provenance).toBe('inferred');
    expect(calls).toHaveLength(3);
  });

  it('a non-bot-check failure (HTTP 500) is not retried as another client', async () => {
    const { fn, calls } = fakeFetch(() => ({ status: 500, body: '' }));
    const result = await createDirectStrategy({ fetch: fn }).acquire(request(), live());
    expect(result).toMatchObject({ ok: false, outcome: 'http-error' });
    expect(calls).toHaveLength(1);
  });

  it('a clean URL already in the page data is fetched without the player request', async () => {
    const clean = readCaptionTracks(JSON.parse(androidAnswer));
    if (clean.status !== 'ok') throw new Error('fixture');
    const track = pickTrack(clean.tracks, 'en')!;
    const { fn, calls } = fakeFetch(() => ({ status: 200, body: json3 }));
    await expect(createDirectStrategy({ fetch: fn }).acquire(request(track, clean.tracks), live())).resolves.toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toContain('/api/timedtext');
    expect(new URL(calls[0]!.url).searchParams.get('fmt')).toBe('json3');
  });

  it('no clean URL and no ytcfg key: the ANDROID request still goes, keyless, to www.youtube.com only', async () => {
    const { fn, calls } = fakeFetch((url) => (url.includes('/youtubei/v1/player') ? { status: 200, body: androidAnswer } : { status: 200, body: json3 }));
    await expect(createDirectStrategy({ fetch: fn }).acquire({ ...request(), innertube: null }, live())).resolves.toMatchObject({ ok: true });
    expect(calls.map((c) => new URL(c.url).origin)).toEqual(['https://www.youtube.com', 'https://www.youtube.com']);
    expect(new URL(calls[0]!.url).searchParams.has('key')).toBe(false);
    expect(calls[0]!.init?.headers).not.toHaveProperty('x-goog-visitor-id');
  });

  it('findTwin matches by vssId, else by language and kind', () => {
    const clean = readCaptionTracks(JSON.parse(androidAnswer));
    if (clean.status !== 'ok') throw new Error('fixture');
    expect(findTwin(webEn, clean.tracks)?.vssId).toBe(webEn.vssId);
    expect(findTwin({ ...webEn, vssId: '.en.x' }, clean.tracks)?.languageCode).toBe('en');
  });
});

describe('acquireCaptions', () => {
  const strategy = (name: AcquisitionStrategy['name'], run: AcquisitionStrategy['acquire']): AcquisitionStrategy => ({ name, acquire: run });

  it('runs in order, records every attempt, stops at the first body', async () => {
    const third = vi.fn();
    const result = await acquireCaptions(
      [
        strategy('player', async () => ({ ok: false, outcome: 'empty', detail: 'HTTP 200 with an empty body' })),
        strategy('direct', async () => ({ ok: true, body: json3, detail: 'x' })),
        strategy('panel', third),
      ],
      request(),
      { signal: live(), timeoutMs: 1000 },
    );
    expect(result).toMatchObject({ ok: true, source: 'direct', attempts: [{ strategy: 'player', outcome: 'empty' }, { strategy: 'direct', outcome: 'ok' }] });
    expect(third).not.toHaveBeenCalled();
  });

  it('a stalled strategy (one that even ignores its signal) times out and the next runs; a throw is an error attempt', async () => {
    const result = await acquireCaptions(
      [
        strategy('player', () => new Promise(() => undefined)),
        strategy('direct', async () => { throw new Error('boom'); }),
        strategy('panel', async () => ({ ok: false, outcome: 'unavailable', detail: 'no transcript panel on the page' })),
      ],
      request(),
      { signal: live(), timeoutMs: 40 },
    );
    expect(result).toEqual({
      ok: false,
      attempts: [
        { strategy: 'player', outcome: 'timeout', detail: expect.any(String) },
        { strategy: 'direct', outcome: 'error', detail: 'boom' },
        { strategy: 'panel', outcome: 'unavailable', detail: 'no transcript panel on the page' },
      ],
    });
  });

  it('a strategy still making progress is not cut at the timeout: the timeout is for a stall, not for a long body arriving', async () => {
    const slowButSteady = strategy('player', async (_request, _signal, progress) => {
      for (let chunk = 0; chunk < 8; chunk++) {
        await new Promise((r) => setTimeout(r, 15));
        progress?.();
      }
      return { ok: true, body: json3, detail: '8 chunks' };
    });
    const result = await acquireCaptions([slowButSteady], request(), { signal: live(), timeoutMs: 40 });
    expect(result).toMatchObject({ ok: true, source: 'player' });
  });

  it('progress stops → a timeout at the stall; and even steady progress ends at the cap', async () => {
    const stalls = strategy('player', async (_request, _signal, progress) => {
      progress?.();
      return new Promise(() => undefined);
    });
    const endless = strategy('direct', (_request, signal, progress) => {
      const tick = setInterval(() => progress?.(), 5);
      return new Promise((resolve) => signal.addEventListener('abort', () => (clearInterval(tick), resolve({ ok: false, outcome: 'timeout', detail: 'aborted' }))));
    });
    const result = await acquireCaptions([stalls, endless], request(), { signal: live(), timeoutMs: 40, maxMs: 120 });
    expect(result).toMatchObject({ ok: false, attempts: [{ strategy: 'player', outcome: 'timeout' }, { strategy: 'direct', outcome: 'timeout' }] });
  });

  it('an ended session aborts instead of reporting', async () => {
    const c = new AbortController();
    const run = acquireCaptions([strategy('player', () => new Promise(() => undefined))], request(), { signal: c.signal, timeoutMs: 5000 });
    c.abort();
    await expect(run).rejects.toThrow('session ended');
  });
});
