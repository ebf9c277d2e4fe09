import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../src/background/start-background';
import {
  createBackgroundClient,
  WORKER_STOPPED_MESSAGE,
  WorkerStoppedError,
  type BackgroundClientDeps,
} from '../../../src/content/background-client';
import { sendToBackground } from '../../../src/messaging/extension-messaging';
import type { Envelope } from '../../../src/messaging/validate-message';
import { SEED_TRACK, SEED_VIDEO_ID, seedPrefix } from '../background/seed-episode';

/**
 * The content side against the real background over WXT's fake browser: the transport is the real one
 * (sendToBackground), failures are injected where the browser would produce them (runtime.sendMessage).
 */
const BODY = seedPrefix(600); // real json3, ~55k characters
const CHUNK = 8_000; // → 7 chunks
const TARGET = { videoId: SEED_VIDEO_ID, track: SEED_TRACK, source: 'player' as const, requestId: 'r1' };
const WORKER_GONE = [
  'Could not establish connection. Receiving end does not exist.',
  'The message port closed before a response was received.',
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  'Message manager disconnected',
  'Promised response from onMessage listener went out of scope',
  "Actor 'Conduits' destroyed before query 'RuntimeMessage' was received",
];

describe('background client (content side)', () => {
  let factory: IDBFactory;
  let worker: { stop: () => void };
  let sent: Envelope[];
  let yields: number;
  let ids: number;
  const warn = vi.fn();

  /** Starts a fresh "worker" over the same database, as the browser does after stopping one. */
  const restartWorker = () => {
    worker.stop();
    worker = startBackground({ indexedDB: factory });
  };

  function client(over: Partial<BackgroundClientDeps> = {}) {
    return createBackgroundClient({
      send: sendToBackground,
      newUploadId: () => `upload-${++ids}`,
      yieldToEvents: async () => void yields++,
      chunkChars: CHUNK,
      log: { warn },
      ...over,
    });
  }

  /** Records every envelope the content side sends; `fail(n)` decides, per call number, to break the transport. */
  function spyTransport(fail: (call: number, envelope: Envelope) => Error | 'no-answer' | 'restart' | null = () => null) {
    const real = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
    return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: Envelope) => {
      sent.push(envelope);
      const outcome = fail(sent.length, envelope);
      if (outcome === 'no-answer') return undefined;
      if (outcome === 'restart') restartWorker();
      else if (outcome) throw outcome;
      return real(envelope);
    }) as never);
  }

  const types = () => sent.map((e) => (e.type === 'cs-bg:uploadChunk' ? `chunk ${(e.args as { index: number }).index}` : e.type));
  const uploadIds = () => [...new Set(sent.filter((e) => e.type === 'cs-bg:uploadChunk').map((e) => (e.args as { uploadId: string }).uploadId))];

  beforeEach(() => {
    fakeBrowser.reset();
    factory = new IDBFactory();
    worker = startBackground({ indexedDB: factory });
    sent = [];
    yields = 0;
    ids = 0;
    warn.mockReset();
  });
  afterEach(() => {
    worker.stop();
    vi.restoreAllMocks();
  });

  it('sends a body under the chunk size in one score message', async () => {
    spyTransport();
    const answer = await client({ chunkChars: BODY.length + 1 }).score({ ...TARGET, body: BODY });
    expect(answer.origin).toBe('scored');
    expect(types()).toEqual(['cs-bg:score']);
    expect((sent[0]!.args as { body: string }).body).toBe(BODY);
  });

  it('uploads a long body in chunks, yielding between them, and gets the same map as inline', async () => {
    const inline = await sendToBackground('cs-bg:score', { ...TARGET, body: BODY });
    await sendToBackground('ui-bg:clearCache', {});
    spyTransport();
    const answer = await client().score({ ...TARGET, body: BODY });
    const count = Math.ceil(BODY.length / CHUNK);
    expect(types()).toEqual([...Array.from({ length: count }, (_, i) => `chunk ${i}`), 'cs-bg:score']);
    expect(sent.slice(0, count).map((e) => (e.args as { chunk: string }).chunk).join('')).toBe(BODY);
    expect(sent.at(-1)!.args).toEqual({ ...TARGET, uploadId: 'upload-1' });
    expect(yields).toBe(count - 1);
    expect(answer).toEqual(inline);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each(WORKER_GONE.map((m) => [m]))('retries the whole upload once after "%s" mid-upload, then succeeds', async (message) => {
    spyTransport((call) => (call === 3 ? new Error(message) : null));
    const answer = await client().score({ ...TARGET, body: BODY });
    expect(answer.origin).toBe('scored');
    // chunk 0, 1, (2 fails) — then a new upload from chunk 0 to the end, and one score.
    expect(types().slice(0, 4)).toEqual(['chunk 0', 'chunk 1', 'chunk 2', 'chunk 0']);
    expect(types().filter((t) => t === 'cs-bg:score')).toHaveLength(1);
    expect(uploadIds()).toEqual(['upload-1', 'upload-2']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/went away while scoring/);
  });

  it.each<[string, (call: number, e: Envelope) => Error | 'no-answer' | 'restart' | null]>([
    ['the channel closes without an answer during the score (polyfill: undefined)', (_n, e) => (e.type === 'cs-bg:score' && sent.filter((s) => s.type === 'cs-bg:score').length === 1 ? 'no-answer' : null)],
    ['the worker restarts between two chunks (unknown-upload on the next chunk)', (n) => (n === 4 ? 'restart' : null)],
    ['the worker restarts after the last chunk (unknown-upload on the score)', (_n, e) => (e.type === 'cs-bg:score' && sent.filter((s) => s.type === 'cs-bg:score').length === 1 ? 'restart' : null)],
  ])('retries once when %s', async (_name, fail) => {
    spyTransport(fail);
    const answer = await client().score({ ...TARGET, body: BODY });
    expect(answer.origin).toBe('scored');
    expect(uploadIds()).toEqual(['upload-1', 'upload-2']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('a second worker-gone failure ends in WorkerStoppedError with the sentence the panel shows', async () => {
    spyTransport((_n, e) => (e.type === 'cs-bg:score' ? new Error(WORKER_GONE[0]) : null));
    const error = await client().score({ ...TARGET, body: BODY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerStoppedError);
    expect((error as Error).message).toBe(WORKER_STOPPED_MESSAGE);
    expect(types().filter((t) => t === 'cs-bg:score')).toHaveLength(2); // never a third attempt
    expect(uploadIds()).toHaveLength(2);
  });

  it.each([
    ['a malformed caption body', '{"events": [', /^The caption file could not be read/],
    ['a body without caption text', '{"events": []}', /^The caption file could not be read: it has no caption text/],
  ])('does not retry %s', async (_name, body, error) => {
    spyTransport();
    await expect(client().score({ ...TARGET, body: body.padEnd(CHUNK * 2, ' ') })).rejects.toThrow(error);
    expect(types().filter((t) => t === 'cs-bg:score')).toHaveLength(1);
    expect(uploadIds()).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('does not retry an invalidated extension context', async () => {
    spyTransport(() => new Error('Extension context invalidated.'));
    await expect(client().score({ ...TARGET, body: BODY })).rejects.toThrow('Extension context invalidated.');
    expect(sent).toHaveLength(1);
  });

  it('stops between chunks when the session is aborted (navigation), and does not retry', async () => {
    const abort = new AbortController();
    spyTransport((n) => {
      if (n === 2) abort.abort();
      return null;
    });
    await expect(client().score({ ...TARGET, body: BODY }, abort.signal)).rejects.toThrow(/abort/i);
    expect(types()).toEqual(['chunk 0', 'chunk 1']);
  });

  it('an abort during a worker-gone failure is not retried', async () => {
    const abort = new AbortController();
    spyTransport((n) => {
      if (n !== 2) return null;
      abort.abort();
      return new Error(WORKER_GONE[0]);
    });
    await expect(client().score({ ...TARGET, body: BODY }, abort.signal)).rejects.toMatchObject({ code: 'receiver-gone' });
    expect(sent).toHaveLength(2);
  });

  it('lookup is retried once too', async () => {
    spyTransport((n) => (n === 1 ? new Error(WORKER_GONE[1]) : null));
    expect(await client().lookup({ videoId: SEED_VIDEO_ID, track: SEED_TRACK })).toBeNull();
    expect(types()).toEqual(['cs-bg:lookup', 'cs-bg:lookup']);
  });
});
