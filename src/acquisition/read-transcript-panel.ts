/**
 * The `panel` strategy's reading of YouTube's transcript panel (the rules: panel-strategy.ts). Loaded on first use —
 * the strategy is the last resort, so most pages never need it (the content-script budget of DESIGN §9.1): built
 * apart as `transcript-panel-reader.js` (build/lazy-chunks.ts) and imported by the content script (load-chunks.ts);
 * unit tests and tools call it directly.
 */
import type { AcquireRequest, StrategyResult } from './acquisition-strategy';
import type { PanelStrategyOptions } from './panel-strategy';
import { segmentsToJson3 } from './segments-to-json3';
import { fingerprint, readRows, sel } from './transcript-panel-rows';

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

/**
 * Reads the chosen track's rows from the transcript panel, opening it (and choosing the track in its menu) if need be,
 * and leaves the panel as it was found. `leftBehind`: what the panel showed when the last in-page navigation started
 * (the previous video's rows), never read for this one.
 */
export async function readTranscriptPanel(
  options: PanelStrategyOptions,
  leftBehind: string | null,
  { track, tracks }: AcquireRequest,
  signal: AbortSignal,
): Promise<StrategyResult> {
  const { doc } = options;
  const click = (selector: string) => {
    const el = doc.querySelector<HTMLElement>(selector);
    el?.click();
    return el !== null;
  };
  const panels = () => [doc.querySelector(sel.modernPanel), doc.querySelector(sel.classicPanel)].filter((p): p is Element => p !== null);
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

  /** Selects `before` again, if the menu still shows what we chose (YouTube may have replaced it since). */
  function putBack(before: string | null, chosen: string): void {
    if (before === null) return;
    const menu = readLanguageMenu(panels());
    if (menu?.selected !== chosen) return;
    menu.items.find((item) => itemName(item) === before)?.click();
  }
}
