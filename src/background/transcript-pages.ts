import type { Cue } from '../captions/cue';
import type { TranscriptCue, TranscriptMark, TranscriptPage } from '../messaging/protocol';
import type { PerspectiveMap } from '../scoring/perspective-map';
import type { TermHit } from '../scoring/term-hits';

/** A scored transcript the worker can hand out a page at a time. */
export interface TranscriptPages {
  total: number;
  page(from: number, count: number): TranscriptPage;
}

/**
 * Cues + their map + the scorer's hits → pages for the drawer. Marks are indexed by cue once (a 100,000-cue
 * transcript has a few thousand hits); a page copies only its own cues.
 */
export function transcriptPages(cues: readonly Cue[], map: PerspectiveMap, hits: readonly TermHit[]): TranscriptPages {
  const sliceOfCue = new Int32Array(cues.length);
  for (const slice of map.slices) sliceOfCue.fill(slice.index, slice.firstCue, slice.lastCue + 1);
  const marksOf = new Map<number, TranscriptMark[]>();
  for (const hit of hits) {
    for (const range of hit.ranges) {
      if (range.end <= range.start) continue;
      let marks = marksOf.get(range.cue);
      if (!marks) marksOf.set(range.cue, (marks = []));
      marks.push({ start: range.start, end: range.end, term: hit.term, contribution: hit.contribution });
    }
  }
  return {
    total: cues.length,
    page(from, count) {
      const end = Math.min(cues.length, from + count);
      const page: TranscriptCue[] = [];
      for (let c = from; c < end; c++) {
        const cue = cues[c] as Cue;
        page.push({ text: cue.text, startMs: cue.startMs, endMs: cue.endMs, slice: sliceOfCue[c] as number, marks: marksOf.get(c) ?? [] });
      }
      return { total: cues.length, from, cues: page };
    },
  };
}
