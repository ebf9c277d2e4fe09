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
  /** The content script's life: the navigation listener goes with it. */
  signal?: AbortSignal;
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

/** Rows compared by content: YouTube may reuse the row elements for other rows. */
const fingerprint = (rows: TranscriptSegment[]) => `${rows.length}\n${rows.map((r) => `${r.startMs} ${r.text}`).join('\n')}`;

const isOpen = (panel: Element | null) => panel?.getAttribute(sel.visibilityAttribute) === sel.expanded;

interface LanguageMenu {
  items: HTMLElement[];
  selected: string | null;
}

const itemName = (item: Element) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The language menu of the panel that shows rows (null when it has none). */
function readLanguageMenu(panels: Element[]): LanguageMenu | null {
  for (const panel of panels) {
    const items = [...panel.querySelectorAll<HTMLElement>(sel.languageItem)];
    if (items.length === 0) continue;
    const selected = items.find((item) => item.getAttribute('aria-selected') === 'true');
    return { items, selected: selected ? itemName(selected) : null };
  }
  return null;
}

export function createPanelStrategy(options: PanelStrategyOptions): AcquisitionStrategy {
  const { doc } = options;
  const click = (selector: string) => {
    const el = doc.querySelector<HTMLElement>(selector);
    el?.click();
    return el !== null;
  };
  const panels = () => [doc.querySelector(sel.modernPanel), doc.querySelector(sel.classicPanel)].filter((p): p is Element => p !== null);
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
    async acquire({ track, tracks }, signal) {
      // The transcript panel shows the speech's own language: it cannot stand in for a translation.
      if (track.translation) return { ok: false, outcome: 'not-needed', detail: 'the transcript panel has no machine translation' };
      const ownTracks = tracks.filter((candidate) => !candidate.translation).length;
      const stale = new Set<string>(leftBehind === null ? [] : [leftBehind]);
      const fresh = () => {
        const rows = readRows(doc);
        return rows.length > 0 && !stale.has(fingerprint(rows)) ? rows : null;
      };
      const wasOpen = panels().some(isOpen);
      let opened = false;
      /** The language selected before we chose the track's, to select again when done. */
      let selectedBefore: string | null = null;
      if (!fresh() && !wasOpen) {
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
        let previous: string | null = null;
        while (Date.now() < deadline && !signal.aborted) {
          const rows = fresh();
          const menu = rows ? readLanguageMenu(panels()) : null;
          if (!rows) previous = null;
          else if (menu && menu.selected !== track.name) {
            const wanted = menu.items.find((item) => itemName(item) === track.name);
            if (!wanted) return { ok: false, outcome: 'unavailable', detail: `the transcript panel does not offer “${track.name}”` };
            selectedBefore ??= menu.selected;
            stale.add(fingerprint(rows));
            wanted.click();
            previous = null;
          } else if (!menu && ownTracks > 1) {
            return { ok: false, outcome: 'unavailable', detail: 'the transcript panel has no language menu to choose the track' };
          } else {
            const now = fingerprint(rows);
            if (now === previous) return { ok: true, body: segmentsToJson3(rows), detail: `${rows.length} transcript rows` };
            previous = now;
          }
          await new Promise((r) => setTimeout(r, options.intervalMs ?? 150));
        }
      } finally {
        putBack(selectedBefore, track.name);
        if (opened && !wasOpen) {
          for (const panel of panels().filter(isOpen)) {
            const close = panel.querySelector<HTMLElement>(sel.panelCloseButton);
            if (close) close.click();
            else panel.setAttribute(sel.visibilityAttribute, sel.hidden);
          }
        }
      }
      if (signal.aborted) return { ok: false, outcome: 'timeout', detail: 'no transcript rows in time' };
      return { ok: false, outcome: 'unavailable', detail: 'the transcript panel showed no rows of this video' };
    },
  };

  /** Selects `before` again, if the menu still shows what we chose (YouTube may have replaced it since). */
  function putBack(before: string | null, chosen: string): void {
    if (before === null) return;
    const menu = readLanguageMenu(panels());
    if (menu?.selected !== chosen) return;
    menu.items.find((item) => itemName(item) === before)?.click();
  }
}
