import { describe, expect, it, vi } from 'vitest';
import type { TranscriptCue, TranscriptPage } from '../../../src/messaging/protocol';
import { createTranscriptStore } from '../../../src/panel/transcript-store';

function cues(from: number, count: number): TranscriptCue[] {
  return Array.from({ length: count }, (_, i) => ({ text: `cue ${from + i}`, startMs: (from + i) * 1000, endMs: (from + i) * 1000 + 900, slice: 0, marks: [] }));
}

describe('transcript store', () => {
  it('loads the pages in order, one in flight, and tells its listeners after each', async () => {
    const load = vi.fn(async (from: number, count: number): Promise<TranscriptPage> => ({ total: 25, from, cues: cues(from, Math.min(count, 25 - from)) }));
    const store = createTranscriptStore(load, 10);
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
});
