/**
 * Strategy `panel` (last resort, DESIGN §3): open YouTube's transcript panel (modern or classic markup),
 * read the rows (start time + text; no end times), close the panel again if we opened it, and hand the
 * worker a json3 body built from the rows. Needs: a transcript panel in the page and a "Show transcript"
 * button (or the panel element to expand). Fails as `unavailable` when there is none or no row appears.
 */
import { parseTimestamp } from '../captions/parse-timestamp';
import type { AcquisitionStrategy } from './acquisition-strategy';
import { segmentsToJson3, type TranscriptSegment } from './segments-to-json3';
import { youtubeSelectors } from '../youtube-page/youtube-selectors';

const t = youtubeSelectors.transcript;
/** The transcript table's CSS strings. */
const sel = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.css])) as Record<keyof typeof t, string>;

export interface PanelStrategyOptions {
  doc: Document;
  /** How long to wait for rows after opening. */
  rowsTimeoutMs: number;
  intervalMs?: number;
}

function readRows(doc: Document): TranscriptSegment[] {
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

const isOpen = (panel: Element | null) => panel?.getAttribute(sel.visibilityAttribute) === sel.expanded;

export function createPanelStrategy(options: PanelStrategyOptions): AcquisitionStrategy {
  const { doc } = options;
  const click = (selector: string) => {
    const el = doc.querySelector<HTMLElement>(selector);
    el?.click();
    return el !== null;
  };

  return {
    name: 'panel',
    async acquire({ track }, signal) {
      // The transcript panel shows the speech's own language: it cannot stand in for a translation.
      if (track.translation) return { ok: false, outcome: 'not-needed', detail: 'the transcript panel has no machine translation' };
      const panels = () => [doc.querySelector(sel.modernPanel), doc.querySelector(sel.classicPanel)].filter((p): p is Element => p !== null);
      const wasOpen = panels().some(isOpen);
      let rows = readRows(doc);
      let opened = false;
      if (rows.length === 0 && !wasOpen) {
        click(sel.descriptionExpand);
        opened = click(sel.showTranscriptButton);
        if (!opened) {
          // No button: expanding the engagement panel by attribute is the documented alternative (§4).
          const panel = panels()[0];
          if (!panel) return { ok: false, outcome: 'unavailable', detail: 'no transcript panel on the page' };
          panel.setAttribute(sel.visibilityAttribute, sel.expanded);
          opened = true;
        }
      }
      try {
        const deadline = Date.now() + options.rowsTimeoutMs;
        while (rows.length === 0 && Date.now() < deadline && !signal.aborted) {
          await new Promise((r) => setTimeout(r, options.intervalMs ?? 150));
          rows = readRows(doc);
        }
      } finally {
        if (opened && !wasOpen) {
          for (const panel of panels().filter(isOpen)) {
            const close = panel.querySelector<HTMLElement>(sel.panelCloseButton);
            if (close) close.click();
            else panel.setAttribute(sel.visibilityAttribute, sel.hidden);
          }
        }
      }
      if (signal.aborted) return { ok: false, outcome: 'timeout', detail: 'no transcript rows in time' };
      if (rows.length === 0) return { ok: false, outcome: 'unavailable', detail: 'the transcript panel showed no rows' };
      return { ok: true, body: segmentsToJson3(rows), detail: `${rows.length} transcript rows` };
    },
  };
}
