/**
 * Strategy `panel` (last resort, DESIGN §3): read YouTube's transcript panel (modern or classic markup) — start
 * time + text per row, no end times — and hand the worker a json3 body built from the rows. Needs: a transcript
 * panel in the page and a "Show transcript" button (or the panel element to expand). Fails as `unavailable` when
 * there is none, when no row of this video's chosen track appears, or when the panel does not offer that track.
 *
 * Only the chosen track of this video is ever read (defect 2 of issue 10):
 * - YouTube keeps the panel across in-page navigation and shows the previous video's rows until the new ones load
 *   (inferred). What the panel shows when a navigation starts (`yt-navigate-start`) is remembered as stale, and
 *   rows equal to it are never read for the next video: the strategy waits for other rows, or fails.
 * - The panel shows one track at a time, chosen in its language menu (items named as the tracks are). When it shows
 *   another, the strategy picks the chosen one, treats the rows shown until then as stale, and afterwards selects
 *   again what was selected before. Without a menu, rows are read only when the video has a single track.
 * - Rows are taken once two reads in a row agree (a list being replaced is never read half-way).
 * Whatever happens — rows, a timeout, the session ending — the panel is left as it was found: the language put
 * back, and closed again if it was closed.
 */
import type { AcquisitionStrategy } from './acquisition-strategy';
import type { readTranscriptPanel } from './read-transcript-panel';
import { fingerprint, readRows } from './transcript-panel-rows';

export type TranscriptPanelReader = typeof readTranscriptPanel;

export interface PanelStrategyOptions {
  doc: Document;
  /** How long to wait for rows after opening. */
  rowsTimeoutMs: number;
  intervalMs?: number;
  /** The content script's life: the navigation listener goes with it. */
  signal?: AbortSignal;
  /**
   * The reader (read-transcript-panel.ts), loaded on first use: the content script imports its chunk
   * (load-chunks.ts), tests hand it over. A reader that cannot be loaded fails the attempt as `error`, and the next
   * attempt (Retry) loads it again.
   */
  loadReader(): Promise<TranscriptPanelReader>;
}

export function createPanelStrategy(options: PanelStrategyOptions): AcquisitionStrategy {
  const { doc } = options;
  /** What the panel showed when the last in-page navigation started: the previous video's rows. */
  let leftBehind: string | null = null;
  doc.addEventListener(
    'yt-navigate-start',
    () => {
      const rows = readRows(doc);
      leftBehind = rows.length > 0 ? fingerprint(rows) : null;
    },
    { capture: true, signal: options.signal },
  );

  return {
    name: 'panel',
    async acquire(request, signal) {
      // The transcript panel shows the speech's own language: it cannot stand in for a translation.
      if (request.track.translation) return { ok: false, outcome: 'not-needed', detail: 'the transcript panel has no machine translation' };
      let read: TranscriptPanelReader;
      try {
        read = await options.loadReader();
      } catch (err) {
        return { ok: false, outcome: 'error', detail: `the transcript panel reader could not be loaded (${err instanceof Error ? err.message : String(err)})` };
      }
      return read(options, leftBehind, request, signal);
    },
  };
}
