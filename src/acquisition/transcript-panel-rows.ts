/**
 * YouTube's transcript panel as the `panel` strategy reads it (panel-strategy.ts, read-transcript-panel.ts): its
 * selectors, its rows (modern or classic markup), and rows compared by content. Kept apart from the reading itself,
 * which is loaded on first use: the strategy remembers what the panel shows when a navigation starts from the
 * content script's first moment, before the reader is there.
 */
import { parseTimestamp } from '../captions/parse-timestamp';
import type { TranscriptSegment } from './segments-to-json3';
import { youtubeSelectors } from '../youtube-page/youtube-selectors';

const t = youtubeSelectors.transcript;
/** The transcript table's CSS strings. */
export const sel = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.css])) as Record<keyof typeof t, string>;

export function readRows(doc: Document): TranscriptSegment[] {
  const rows: TranscriptSegment[] = [];
  const read = (rowSel: string, timeSel: string, textSel: string) => {
    for (const row of doc.querySelectorAll(rowSel)) {
      const time = row.querySelector(timeSel)?.textContent?.trim() ?? '';
      const text = row.querySelector(textSel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const startMs = parseTimestamp(time);
      if (startMs !== null && text) rows.push({ startMs, text });
    }
  };
  read(sel.modernSegment, sel.modernTimestamp, sel.modernText);
  if (rows.length === 0) read(sel.classicSegment, sel.classicTimestamp, sel.classicText);
  return rows;
}

/** Rows compared by content: YouTube may reuse the row elements for other rows. */
export const fingerprint = (rows: TranscriptSegment[]) => `${rows.length}\n${rows.map((r) => `${r.startMs} ${r.text}`).join('\n')}`;
