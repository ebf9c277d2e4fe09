import { describe, expect, it } from 'vitest';
import { BridgeTimeoutError, createBridgeClient } from '../../../src/bridge/bridge-client';
import { BRIDGE_CHANNEL } from '../../../src/bridge/bridge-protocol';
import { BridgeFailure, startBridgeServer, type BridgeHandlers } from '../../../src/bridge/bridge-server';
import { fakeWindow, tick } from './fake-window';

const VIDEO = '4WNWeUQ7Hfc';
const TRACK = {
  baseUrl: 'https://www.youtube.com/api/timedtext?v=4WNWeUQ7Hfc&exp=xpe&lang=en&kind=asr',
  languageCode: 'en',
  kind: 'asr' as const,
  vssId: 'a.en',
  name: 'English (auto-generated)',
};

function handlers(overrides: Partial<BridgeHandlers> = {}): BridgeHandlers {
  return {
    snapshot: async ({ videoId }) => ({ videoId, listing: { status: 'ok', videoId, tracks: [TRACK] }, innertube: null }),
    'player-url': async ({ videoId }) => ({ videoId, url: `${TRACK.baseUrl}&pot=abc&fmt=json3`, potSource: 'observed-request' }),
    ...overrides,
  };
}

let counter = 0;
const token = () => `token-${String(++counter).padStart(8, '0')}`;

function setup(h = handlers()) {
  const win = fakeWindow();
  const server = startBridgeServer(win, h);
  const life = new AbortController();
  const client = createBridgeClient(win, { signal: life.signal, newToken: token });
  return { win, server, life, client };
}

/** The request as the page sees it (waits on the condition, not a fixed delay: the CPU may be busy). */
async function postedRequest(win: { posted: string[] }): Promise<{ id: string; nonce: string }> {
  for (;;) {
    const request = win.posted.map((m) => JSON.parse(m) as { kind: string; id: string; nonce: string }).find((m) => m.kind === 'request');
    if (request) return request;
    await tick(2);
  }
}

/** A gate the page helper's handler waits on, opened once the test has injected its forged message. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const opts = (timeoutMs = 300) => ({ signal: new AbortController().signal, timeoutMs });

describe('worlds bridge', () => {
  it('handshakes, then answers a snapshot as JSON strings only', async () => {
    const { win, client } = setup();
    const value = await client.request('snapshot', { videoId: VIDEO }, opts());
    expect(value.listing.status).toBe('ok');
    expect(win.posted.every((m) => typeof m === 'string')).toBe(true);
    const kinds = win.posted.map((m) => (JSON.parse(m) as { kind: string }).kind);
    expect(kinds).toEqual(expect.arrayContaining(['ready', 'handshake', 'ack', 'request', 'answer']));
  });

  it('works when the isolated world starts before the main world (handshake re-sent on ready)', async () => {
    const win = fakeWindow();
    const client = createBridgeClient(win, { signal: new AbortController().signal, newToken: token });
    await tick();
    startBridgeServer(win, handlers());
    await expect(client.request('snapshot', { videoId: VIDEO }, opts())).resolves.toMatchObject({ videoId: VIDEO });
  });

  it('the main world accepts the first handshake only: a later nonce is never served', async () => {
    const { win, client } = setup();
    await client.request('snapshot', { videoId: VIDEO }, opts());
    const hostileNonce = 'hostile-nonce-1';
    win.inject(JSON.stringify({ ch: BRIDGE_CHANNEL, kind: 'handshake', nonce: hostileNonce }));
    win.inject(JSON.stringify({ ch: BRIDGE_CHANNEL, kind: 'request', nonce: hostileNonce, id: 'hostile-req-1', op: 'snapshot', args: { videoId: VIDEO } }));
    await tick(20);
    const toHostile = win.posted.filter((m) => m.includes(hostileNonce));
    expect(toHostile).toEqual([]);
  });

  it.each([
    ['wrong nonce', (id: string) => ({ ch: BRIDGE_CHANNEL, kind: 'answer', nonce: 'not-the-nonce', id, ok: true })],
    ['another video', (id: string, nonce: string) => ({ ch: BRIDGE_CHANNEL, kind: 'answer', nonce, id, ok: true, value: { videoId: 'BBBBBBBBBBB', url: 'https://evil.example/x', potSource: 'observed-request' } })],
    ['bad schema', (id: string, nonce: string) => ({ ch: BRIDGE_CHANNEL, kind: 'answer', nonce, id, ok: true, value: { videoId: VIDEO, url: 42 } })],
  ])('a forged answer (%s) is ignored and the real one still wins', async (_name, forge) => {
    const win = fakeWindow();
    // The real answer leaves only after the forged one was posted (messages arrive in order): no timing to win.
    const forged = gate();
    const slow = handlers({
      'player-url': async ({ videoId }) => {
        await forged.opened;
        return { videoId, url: `${TRACK.baseUrl}&pot=real`, potSource: 'observed-request' };
      },
    });
    startBridgeServer(win, slow);
    const client = createBridgeClient(win, { signal: new AbortController().signal, newToken: token });
    const pending = client.request('player-url', { videoId: VIDEO, vssId: 'a.en', languageCode: 'en' }, opts(5_000));
    // A page script that reads the traffic knows the request id and nonce: it races the real answer.
    const request = await postedRequest(win);
    win.inject(JSON.stringify(forge(request.id, request.nonce)));
    forged.open();
    await expect(pending).resolves.toMatchObject({ url: expect.stringContaining('pot=real') });
  });

  // Defect 3: an ok:false answer used to be accepted on nonce and id alone, so a page script that read the traffic
  // could fail any request and put its own text into the panel's attempts list.
  it.each([
    ['free text and no video', (id: string, nonce: string) => ({ ch: BRIDGE_CHANNEL, kind: 'answer', nonce, id, ok: false, error: 'forged: visit evil.example' })],
    ['a known code for another video', (id: string, nonce: string) => ({ ch: BRIDGE_CHANNEL, kind: 'answer', nonce, id, ok: false, videoId: 'BBBBBBBBBBB', error: 'no-token' })],
    ['an unknown code for this video', (id: string, nonce: string) => ({ ch: BRIDGE_CHANNEL, kind: 'answer', nonce, id, ok: false, videoId: VIDEO, error: 'forged: visit evil.example' })],
  ])('a forged failure (%s) is ignored and the real answer still wins', async (_name, forge) => {
    const win = fakeWindow();
    const forged = gate();
    startBridgeServer(win, handlers({ 'player-url': async ({ videoId }) => (await forged.opened, { videoId, url: `${TRACK.baseUrl}&pot=real`, potSource: 'observed-request' }) }));
    const client = createBridgeClient(win, { signal: new AbortController().signal, newToken: token });
    const pending = client.request('player-url', { videoId: VIDEO, vssId: 'a.en', languageCode: 'en' }, opts(5_000));
    const request = await postedRequest(win);
    win.inject(JSON.stringify(forge(request.id, request.nonce)));
    forged.open();
    await expect(pending).resolves.toMatchObject({ url: expect.stringContaining('pot=real') });
  });

  // Defect 3: the caption URL's own video was never compared with the session's, so a URL for video Y could be
  // fetched, mapped and cached as X.
  it('a player-url answer whose URL is for another video is dropped (the request times out)', async () => {
    const forgedUrl = 'https://www.youtube.com/api/timedtext?v=BBBBBBBBBBB&exp=xpe&lang=en&kind=asr&pot=abc&fmt=json3';
    const { client } = setup(handlers({ 'player-url': async ({ videoId }) => ({ videoId, url: forgedUrl, potSource: 'observed-request' }) }));
    await expect(client.request('player-url', { videoId: VIDEO, vssId: 'a.en', languageCode: 'en' }, opts(80))).rejects.toThrow(/did not answer/);
  });

  it('a snapshot listing a track whose URL is for another video is dropped (the request times out)', async () => {
    const foreign = { ...TRACK, baseUrl: TRACK.baseUrl.replace(VIDEO, 'BBBBBBBBBBB') };
    const { client } = setup(handlers({ snapshot: async ({ videoId }) => ({ videoId, listing: { status: 'ok', videoId, tracks: [foreign] }, innertube: null }) }));
    await expect(client.request('snapshot', { videoId: VIDEO }, opts(80))).rejects.toThrow(/did not answer/);
  });

  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['another source (a frame)', { source: {} }],
  ])('messages from %s are not even parsed', async (_name, from) => {
    const win = fakeWindow();
    // The real answer is sent only once the foreign one was posted, so it always arrives second (no fixed wait).
    const foreign = gate();
    const slow = handlers({
      snapshot: async ({ videoId }) => {
        await foreign.opened;
        return { videoId, listing: { status: 'no-captions', videoId }, innertube: null };
      },
    });
    startBridgeServer(win, slow);
    const client = createBridgeClient(win, { signal: new AbortController().signal, newToken: token });
    const pending = client.request('snapshot', { videoId: VIDEO }, opts(5_000));
    const request = await postedRequest(win);
    // A well-formed failure for this very video: only where it comes from gives it away.
    win.inject(JSON.stringify({ ch: BRIDGE_CHANNEL, kind: 'answer', nonce: request.nonce, id: request.id, ok: false, videoId: VIDEO, error: 'failed' }), from);
    foreign.open();
    await expect(pending).resolves.toMatchObject({ videoId: VIDEO });
  });

  it('rejects with the handler error, and times out when nobody answers', async () => {
    const { client } = setup(handlers({ snapshot: async () => { throw new BridgeFailure('no-response'); } }));
    await expect(client.request('snapshot', { videoId: VIDEO }, opts())).rejects.toThrow('the player has no response for this video');
    const { client: other } = setup(handlers({ snapshot: async () => { throw new Error('page text never crosses'); } }));
    await expect(other.request('snapshot', { videoId: VIDEO }, opts())).rejects.toThrow('the page helper failed');
    const lonely = createBridgeClient(fakeWindow(), { signal: new AbortController().signal, newToken: token });
    await expect(lonely.request('snapshot', { videoId: VIDEO }, opts(50))).rejects.toThrow(/did not answer/);
  });

  it('without a handshake ack the request gives up after handshakeMs, not its whole timeout (BridgeTimeoutError)', async () => {
    const lonely = createBridgeClient(fakeWindow(), { signal: new AbortController().signal, newToken: token, handshakeMs: 30 });
    const started = Date.now();
    const error = await lonely.request('snapshot', { videoId: VIDEO }, opts(5_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeTimeoutError);
    expect(String(error)).toMatch(/no handshake/);
    expect(Date.now() - started).toBeLessThan(2_000);
    // Once acked, handshakeMs does not cut a slow answer short.
    const { client } = setup(handlers({ snapshot: async ({ videoId }) => (await tick(60), { videoId, listing: { status: 'no-captions', videoId }, innertube: null }) }));
    await client.request('snapshot', { videoId: VIDEO }, opts());
    await expect(client.request('snapshot', { videoId: VIDEO }, opts(1_000))).resolves.toMatchObject({ videoId: VIDEO });
  });

  it.each([
    [true, { live: true }],
    [false, {}],
    [undefined, {}],
  ])('a snapshot’s live flag (%s) crosses the bridge as live:true or not at all', async (live, expected) => {
    const { client } = setup(handlers({ snapshot: async ({ videoId }) => ({ videoId, listing: { status: 'ok', videoId, tracks: [TRACK] }, innertube: null, ...(live === undefined ? {} : { live }) }) }));
    const value = await client.request('snapshot', { videoId: VIDEO }, opts());
    expect(value.live === true ? { live: true } : {}).toEqual(expected);
  });

  const DETAILS = { title: 'A talk', channel: 'A channel', channelId: 'UCabc', durationSec: 600 };
  it.each([
    ['valid details cross as they are', DETAILS, DETAILS],
    ['a title that is not text is dropped, the snapshot kept', { ...DETAILS, title: { toString: 1 } }, undefined],
    ['an over-long title is dropped', { ...DETAILS, title: 'x'.repeat(501) }, undefined],
    ['a channel id that could break a key is dropped', { ...DETAILS, channelId: 'UC/../x' }, undefined],
    ['a negative duration is dropped', { ...DETAILS, durationSec: -1 }, undefined],
  ])('snapshot details (page text): %s', async (_name, details, expected) => {
    const { client } = setup(handlers({ snapshot: async ({ videoId }) => ({ videoId, listing: { status: 'ok', videoId, tracks: [TRACK] }, innertube: null, details: details as never }) }));
    const value = await client.request('snapshot', { videoId: VIDEO }, opts());
    expect(value.listing.status).toBe('ok');
    expect(value.details).toEqual(expected);
  });

  it('a snapshot whose live flag is not a boolean is dropped (the request times out)', async () => {
    const { client } = setup(handlers({ snapshot: async ({ videoId }) => ({ videoId, listing: { status: 'no-captions', videoId }, innertube: null, live: 'yes' as unknown as boolean }) }));
    await expect(client.request('snapshot', { videoId: VIDEO }, opts(80))).rejects.toThrow(/did not answer/);
  });

  it('the server refuses invalid arguments without calling the handler (and names no video: the client times out)', async () => {
    let called = 0;
    const { client } = setup(handlers({ snapshot: async ({ videoId }) => { called++; return { videoId, listing: { status: 'no-captions', videoId }, innertube: null }; } }));
    await expect(client.request('snapshot', { videoId: '../../etc' }, opts(80))).rejects.toThrow(/did not answer/);
    await expect(client.request('player-url', { videoId: VIDEO, vssId: 'a.en', languageCode: 'en; drop' }, opts())).rejects.toThrow('invalid arguments');
    expect(called).toBe(0);
  });

  it.each([
    ['not a string', { ch: BRIDGE_CHANNEL, kind: 'ready' }],
    ['invalid JSON', `{"ch":"${BRIDGE_CHANNEL}",`],
    ['a huge string', `${BRIDGE_CHANNEL}${'x'.repeat(1_100_000)}`],
    ['null', 'null'],
    ['a getter-trap object as JSON', JSON.stringify({ ch: BRIDGE_CHANNEL, kind: 'request', nonce: 'x', id: {}, op: 'snapshot' })],
    ['an unknown op', JSON.stringify({ ch: BRIDGE_CHANNEL, kind: 'request', nonce: 'abcdefgh', id: 'abcdefgh', op: 'eval', args: {} })],
  ])('hostile input (%s) never throws on either side', async (_name, data) => {
    const { win, client } = setup();
    win.inject(data);
    await tick(10);
    await expect(client.request('snapshot', { videoId: VIDEO }, opts())).resolves.toMatchObject({ videoId: VIDEO });
  });

  it('closing the client (page unload / extension reload) rejects what is pending', async () => {
    const win = fakeWindow();
    startBridgeServer(win, handlers({ snapshot: () => new Promise(() => undefined) }));
    const life = new AbortController();
    const client = createBridgeClient(win, { signal: life.signal, newToken: token });
    const pending = client.request('snapshot', { videoId: VIDEO }, opts(5_000));
    await postedRequest(win);
    life.abort();
    await expect(pending).rejects.toThrow();
  });
});
