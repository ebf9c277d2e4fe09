/**
 * The drawer's copy of the transcript on the page: loaded from the worker a page at a time (cs-bg:transcript via
 * the loader passed in), in order, one page in flight, so the first rows paint after one small message and the
 * rest arrives without a long task. Search folding is computed per cue on first use and kept.
 */
import type { TranscriptCue, TranscriptPage } from '../messaging/protocol';
import { foldText, type FoldedText } from './transcript-text';

export type LoadTranscriptPage = (from: number, count: number) => Promise<TranscriptPage>;

/** Cues per message: ~60 characters each → tens of kilobytes a page. */
export const TRANSCRIPT_PAGE_CUES = 1000;

export interface TranscriptStore {
  /** Cues in the transcript; null until the first page arrives. */
  readonly total: number | null;
  /** Cues 0…loaded-1 are here. */
  readonly loaded: number;
  /** Why loading stopped (a sentence for the drawer), or null. */
  readonly error: string | null;
  cue(index: number): TranscriptCue | undefined;
  /** startMs of each loaded cue (for the cue under the playhead). */
  readonly starts: Float64Array;
  folded(index: number): FoldedText | undefined;
  /** Starts loading (once); later calls do nothing. */
  start(): void;
  /** Called after each page (and on error); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export function createTranscriptStore(load: LoadTranscriptPage, pageCues = TRANSCRIPT_PAGE_CUES): TranscriptStore {
  let cues: TranscriptCue[] = [];
  let starts = new Float64Array(0);
  const folds: (FoldedText | undefined)[] = [];
  const listeners = new Set<() => void>();
  let total: number | null = null;
  let error: string | null = null;
  let started = false;
  let disposed = false;

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  async function run(): Promise<void> {
    let from = 0;
    while (!disposed) {
      let page: TranscriptPage;
      try {
        page = await load(from, pageCues);
      } catch (err) {
        if (disposed) return;
        error = err instanceof Error ? err.message : String(err);
        notify();
        return;
      }
      if (disposed) return;
      if (total === null) {
        total = page.total;
        starts = new Float64Array(page.total);
      }
      for (const cue of page.cues) {
        starts[cues.length] = cue.startMs;
        cues.push(cue);
      }
      from = cues.length;
      notify();
      if (page.cues.length === 0 || from >= (total ?? 0)) return;
    }
  }

  return {
    get total() {
      return total;
    },
    get loaded() {
      return cues.length;
    },
    get error() {
      return error;
    },
    get starts() {
      return starts;
    },
    cue: (index) => cues[index],
    folded(index) {
      const cue = cues[index];
      if (!cue) return undefined;
      return (folds[index] ??= foldText(cue.text));
    },
    start() {
      if (started) return;
      started = true;
      void run();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      listeners.clear();
      cues = [];
    },
  };
}
