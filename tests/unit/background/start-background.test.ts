import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../src/background/start-background';
import { MessageError, sendToBackground } from '../../../src/messaging/extension-messaging';
import { PROTOCOL_TAG } from '../../../src/messaging/validate-message';
import { defaultSettings, writeSettings } from '../../../src/settings/settings';
import { SEED_TRACK, SEED_VIDEO_ID, seedPrefix } from './seed-episode';

const BODY = seedPrefix(600);
const LOOKUP = { videoId: SEED_VIDEO_ID, track: SEED_TRACK };

describe('startBackground (messages → service → IndexedDB)', () => {
  let factory: IDBFactory;
  let stop: (() => void) | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    factory = new IDBFactory();
  });
  afterEach(() => {
    stop?.();
    vi.restoreAllMocks();
  });

  it('answers lookup → score → lookup, and after a "restart" answers from IndexedDB', async () => {
    stop = startBackground({ indexedDB: factory }).stop;
    expect(await sendToBackground('cs-bg:lookup', LOOKUP)).toBeNull();
    const scored = await sendToBackground('cs-bg:score', { ...LOOKUP, source: 'player', body: BODY, requestId: 'r1' });
    expect(scored.origin).toBe('scored');

    stop(); // the worker is stopped; a new one starts with empty memory over the same database
    stop = startBackground({ indexedDB: factory }).stop;
    expect(await sendToBackground('cs-bg:lookup', LOOKUP)).toEqual({ map: scored.map, origin: 'cache', source: 'player' });
    expect(await sendToBackground('ui-bg:cacheStats', {})).toEqual({ episodes: 1, bytes: expect.any(Number) });

    // A lexicon change in storage: the next lookup re-scores from the cached cues.
    await writeSettings({ ...defaultSettings(), enabledLexicons: ['ai-opportunity'] });
    expect((await sendToBackground('cs-bg:lookup', LOOKUP))?.origin).toBe('cues');

    expect(await sendToBackground('ui-bg:clearCache', {})).toEqual({ cleared: 1 });
    expect(await sendToBackground('cs-bg:lookup', LOOKUP)).toBeNull();
  });

  it('rejects a malformed body with the message the panel shows', async () => {
    stop = startBackground({ indexedDB: factory }).stop;
    await expect(
      sendToBackground('cs-bg:score', { ...LOOKUP, source: 'direct', body: '{"events": [', requestId: 'r' }),
    ).rejects.toThrow(/^The caption file could not be read: json3: invalid or truncated JSON/);
  });

  it('sends progress to the tab that asked, for a long transcript', async () => {
    const tabSend = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: null });
    stop = startBackground({ indexedDB: factory }).stop;
    const longBody = seedPrefix(4000); // > 256 KB
    const envelope = { protocol: PROTOCOL_TAG, type: 'cs-bg:score', args: { ...LOOKUP, source: 'player', body: longBody, requestId: 'p1' } };
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(envelope, { tab: { id: 9 } as never });
    expect(answer).toMatchObject({ ok: true, value: { origin: 'scored' } });
    expect(tabSend).toHaveBeenCalledWith(
      9,
      { protocol: PROTOCOL_TAG, type: 'bg-cs:progress', args: { requestId: 'p1', phase: 'store', fraction: 1 } },
      { frameId: 0 },
    );
  });

  it('scores a body sent in chunks exactly as the same body sent inline', async () => {
    stop = startBackground({ indexedDB: factory }).stop;
    const inline = await sendToBackground('cs-bg:score', { ...LOOKUP, source: 'player', body: BODY, requestId: 'inline' });
    await sendToBackground('ui-bg:clearCache', {});
    const size = Math.ceil(BODY.length / 5);
    for (let index = 0; index < 5; index++) {
      const chunk = BODY.slice(index * size, (index + 1) * size);
      expect(await sendToBackground('cs-bg:uploadChunk', { uploadId: 'up-1', index, count: 5, chunk })).toEqual({ received: index + 1 });
    }
    const chunked = await sendToBackground('cs-bg:score', { ...LOOKUP, source: 'player', uploadId: 'up-1', requestId: 'chunked' });
    expect(chunked).toEqual({ ...inline, origin: 'scored' });
    // Scored uploads are dropped: the same id again is unknown.
    await expect(sendToBackground('cs-bg:score', { ...LOOKUP, source: 'player', uploadId: 'up-1', requestId: 'again' })).rejects.toMatchObject({ code: 'unknown-upload' });
  });

  it('a restarted worker answers unknown-upload (typed) for an upload the previous one held', async () => {
    stop = startBackground({ indexedDB: factory }).stop;
    await sendToBackground('cs-bg:uploadChunk', { uploadId: 'up-2', index: 0, count: 2, chunk: BODY.slice(0, 100) });
    stop(); // MV3 stops the worker mid-upload; the next message starts a fresh one
    stop = startBackground({ indexedDB: factory }).stop;
    const onChunk = await sendToBackground('cs-bg:uploadChunk', { uploadId: 'up-2', index: 1, count: 2, chunk: BODY.slice(100) }).catch((e: unknown) => e);
    expect(onChunk).toBeInstanceOf(MessageError);
    expect(onChunk).toMatchObject({ code: 'unknown-upload', message: expect.stringMatching(/not held by the background worker/) });
    const onScore = await sendToBackground('cs-bg:score', { ...LOOKUP, source: 'player', uploadId: 'up-2', requestId: 'r' }).catch((e: unknown) => e);
    expect(onScore).toMatchObject({ name: 'MessageError', code: 'unknown-upload' });
  });

  it('uploads are held per service instance, not per module', async () => {
    const first = startBackground({ indexedDB: factory });
    first.service.uploadChunk({ uploadId: 'mine', index: 0, count: 1, chunk: BODY });
    first.stop();
    const second = startBackground({ indexedDB: factory });
    stop = second.stop;
    await expect(second.service.score({ ...LOOKUP, source: 'player', uploadId: 'mine', requestId: 'r' })).rejects.toMatchObject({ code: 'unknown-upload' });
    expect((await first.service.score({ ...LOOKUP, source: 'player', uploadId: 'mine', requestId: 'r' })).origin).toBe('scored');
  });
  it('keeps nothing from a private window: its map is scored and shown, but the cache neither stores nor is read', async () => {
    stop = startBackground({ indexedDB: factory }).stop;
    const fromPrivateTab = async (type: string, args: unknown) => {
      const [answer] = await fakeBrowser.runtime.onMessage.trigger({ protocol: PROTOCOL_TAG, type, args }, { tab: { id: 7, incognito: true } as never });
      return answer as unknown;
    };
    // Nothing cached yet: the private tab is asked for the body, scores it, and is shown its map…
    expect(await fromPrivateTab('cs-bg:lookup', LOOKUP)).toEqual({ ok: true, value: null });
    expect(await fromPrivateTab('cs-bg:score', { ...LOOKUP, source: 'player', body: BODY, requestId: 'p' })).toMatchObject({ ok: true, value: { origin: 'scored' } });
    // …and its transcript (from memory), but nothing of it is kept on disk.
    expect(await fromPrivateTab('cs-bg:transcript', { ...LOOKUP, from: 0, count: 5 })).toMatchObject({ ok: true });
    expect(await sendToBackground('ui-bg:cacheStats', {})).toEqual({ episodes: 0, bytes: 0 });
    expect(await sendToBackground('cs-bg:lookup', LOOKUP)).toBeNull();

    // A normal window maps the episode: a private tab does not read it (a cache read updates its recency).
    const scored = await sendToBackground('cs-bg:score', { ...LOOKUP, source: 'player', body: BODY, requestId: 'n' });
    const stats = await sendToBackground('ui-bg:cacheStats', {});
    expect(await fromPrivateTab('cs-bg:lookup', LOOKUP)).toEqual({ ok: true, value: null });
    expect(await sendToBackground('ui-bg:cacheStats', {})).toEqual(stats);
    expect(await sendToBackground('cs-bg:lookup', LOOKUP)).toMatchObject({ map: scored.map, origin: 'cache' });
  });
});
