import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUploadStore, DEFAULT_UPLOAD_TTL_MS } from '../../../src/background/upload-store';
import { MessageError } from '../../../src/messaging/message-error';
import type { UploadChunkArgs } from '../../../src/messaging/protocol';
import { MAX_BODY_CHARS, MAX_CHUNK_CHARS } from '../../../src/messaging/validate-message';

/** Splits by UTF-16 code units, as the content script does (background-client.ts). */
function split(body: string, size: number, uploadId = 'u1'): UploadChunkArgs[] {
  const count = Math.ceil(body.length / size);
  return Array.from({ length: count }, (_, index) => ({ uploadId, index, count, chunk: body.slice(index * size, (index + 1) * size) }));
}

function caught(run: () => unknown): MessageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MessageError);
    return error as MessageError;
  }
  throw new Error('expected a MessageError');
}

const FULL_CHUNK = 'x'.repeat(MAX_CHUNK_CHARS); // one string shared by every full chunk below
const c = (index: number, count = 3, chunk = 'abc', uploadId = 'u1'): UploadChunkArgs => ({ uploadId, index, count, chunk });

describe('upload store', () => {
  afterEach(() => vi.useRealTimers());

  it.each<[string, UploadChunkArgs[], RegExp, 'bad-upload' | 'unknown-upload']>([
    ['a later chunk of an upload never opened (a restarted worker)', [c(1)], /not held by the background worker/, 'unknown-upload'],
    ['a chunk whose count differs from the upload\'s', [c(0), c(1, 4)], /count 4 differs from the upload's 3/, 'bad-upload'],
    ['a duplicate chunk', [c(0), c(1), c(1)], /chunk 1 sent twice/, 'bad-upload'],
    ['chunk 0 twice', [c(0), c(0)], /chunk 0 sent twice/, 'bad-upload'],
    ['a gap (a missing chunk)', [c(0), c(2)], /chunk 2 arrived before chunk 1/, 'bad-upload'],
    [
      'more characters than a body may have',
      [c(0, 40, FULL_CHUNK), ...Array.from({ length: 31 }, (_, i) => c(i + 1, 40, FULL_CHUNK)), c(32, 40, 'x')],
      new RegExp(`exceeds ${MAX_BODY_CHARS} characters`),
      'bad-upload',
    ],
  ])('refuses %s', (_name, chunks, error, code) => {
    const store = createUploadStore();
    const last = chunks.at(-1)!;
    for (const chunk of chunks.slice(0, -1)) store.put(chunk);
    expect(caught(() => store.put(last))).toMatchObject({ code, message: expect.stringMatching(error) });
    // A broken upload is dropped: scoring it later says it is unknown.
    expect(store.ids()).toEqual([]);
    expect(caught(() => store.take('u1')).code).toBe('unknown-upload');
  });

  it('refuses to hand over an incomplete upload (missing chunks), and drops it', () => {
    const store = createUploadStore();
    store.put(c(0));
    store.put(c(1));
    expect(caught(() => store.take('u1'))).toMatchObject({ code: 'bad-upload', message: expect.stringMatching(/only 2 of 3 chunks arrived/) });
    expect(store.ids()).toEqual([]);
  });

  it('an unknown upload id is unknown-upload', () => {
    expect(caught(() => createUploadStore().take('never-sent')).code).toBe('unknown-upload');
  });

  it.each([
    ['ASCII', 'The quick brown fox jumps over the lazy dog. '.repeat(40), 7],
    // é (1 unit), 中 (1 unit), 😀 and 𝄞 (surrogate pairs: 2 units each), a combining accent: cut everywhere.
    ['multi-byte text with surrogate pairs cut at every position', 'é中😀𝄞e\u0301 AI safety — “risk” 🙂\n'.repeat(30), 1],
    ['surrogate pairs with an odd chunk size', '😀'.repeat(101), 3],
    ['one chunk', '{"events":[]}', 1000],
  ])('reassembles %s exactly', (_name, body, size) => {
    const store = createUploadStore();
    const chunks = split(body, size);
    // The test is only worth something if some chunk really starts or ends inside a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(body) && size < body.length) {
      expect(chunks.some((ch) => /[\uD800-\uDBFF]$/.test(ch.chunk))).toBe(true);
    }
    chunks.forEach((chunk, i) => expect(store.put(chunk)).toEqual({ received: i + 1 }));
    const assembled = store.take('u1');
    expect(assembled).toBe(body);
    expect(assembled.length).toBe(body.length);
    expect([...assembled]).toEqual([...body]);
    // Taken once: the upload is gone.
    expect(store.ids()).toEqual([]);
  });

  it('keeps concurrent uploads apart', () => {
    const store = createUploadStore();
    const a = split('first body — A', 4, 'a');
    const b = split('second body — B', 5, 'b');
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i]) store.put(a[i]!);
      if (b[i]) store.put(b[i]!);
    }
    expect(store.take('b')).toBe('second body — B');
    expect(store.take('a')).toBe('first body — A');
  });

  it('drops an upload the idle timeout after its last chunk', () => {
    vi.useFakeTimers();
    const store = createUploadStore();
    store.put(c(0));
    vi.advanceTimersByTime(DEFAULT_UPLOAD_TTL_MS - 1);
    store.put(c(1)); // a chunk restarts the clock
    vi.advanceTimersByTime(DEFAULT_UPLOAD_TTL_MS - 1);
    expect(store.ids()).toEqual(['u1']);
    vi.advanceTimersByTime(1);
    expect(store.ids()).toEqual([]);
    expect(caught(() => store.put(c(2))).code).toBe('unknown-upload');
  });

  it('clears the timer of a taken upload', () => {
    vi.useFakeTimers();
    const store = createUploadStore({ ttlMs: 1000 });
    store.put(c(0, 1));
    expect(store.take('u1')).toBe('abc');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds at most maxUploads: opening one more drops the oldest', () => {
    const store = createUploadStore({ maxUploads: 2 });
    store.put(c(0, 2, 'a', 'one'));
    store.put(c(0, 2, 'b', 'two'));
    store.put(c(0, 2, 'c', 'three'));
    expect(store.ids()).toEqual(['two', 'three']);
    expect(caught(() => store.put(c(1, 2, 'x', 'one'))).code).toBe('unknown-upload');
  });
});
