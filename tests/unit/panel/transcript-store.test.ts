import { describe, expect, it, vi } from 'vitest';
import type { TranscriptCue, TranscriptPage } from '../../../src/messaging/protocol';
import { createTranscriptStore } from '../../../src/panel/transcript-store';

function cues(from: number, count: number): TranscriptCue[] {
  return Array.from({ length: count }, (_, i) => ({ text: `cue ${from + i}`, startMs: (from + i) * 1000, endMs: (from + i) * 1000 + 900, slice: 0, marks: [] }));
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('transcript store', () => {
  it('loads the pages in order, one in flight, and tells its listeners after each', async () => {
    const load = vi.fn(async (from: number, count: number): Promise<TranscriptPage> => ({ total: 25, from, cues: cues(from, Math.min(count, 25 - from)) }));
    const store = createTranscriptStore(load, 10, async () => {});
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.loaded));
    store.start();
    store.start();
    await vi.waitFor(() => expect(store.loaded).toBe(25));
    expect(load.mock.calls).toEqual([
      [0, 10],
      [10, 10],
      [20, 10],
    ]);
    expect(seen).toEqual([10, 20, 25]);
    expect(store.total).toBe(25);
    expect(store.cue(24)?.text).toBe('cue 24');
    expect([...store.starts.slice(0, 3)]).toEqual([0, 1000, 2000]);
  });

  it('tells its listeners in a later task than the one that took the page in, and asks for the next page after', async () => {
    const load = vi.fn(async (from: number, count: number): Promise<TranscriptPage> => ({ total: 20, from, cues: cues(from, count) }));
    const turns: (() => void)[] = [];
    const store = createTranscriptStore(load, 10, () => new Promise<void>((resolve) => turns.push(resolve)));
    const listener = vi.fn();
    store.subscribe(listener);
    store.start();
    await settle();
    // The page is in, but the drawer is not told (so not drawn) until the page's event loop has had its turn.
    expect(store.loaded).toBe(10);
    expect(listener).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(1);
    turns.shift()!();
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('stops when disposed while waiting for its turn', async () => {
    const load = vi.fn(async (from: number, count: number): Promise<TranscriptPage> => ({ total: 20, from, cues: cues(from, count) }));
    const turns: (() => void)[] = [];
    const store = createTranscriptStore(load, 10, () => new Promise<void>((resolve) => turns.push(resolve)));
    const listener = vi.fn();
    store.subscribe(listener);
    store.start();
    await settle();
    store.dispose();
    turns.shift()!();
    await settle();
    expect(listener).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
