/**
 * The library table's rows (pure): filter, search and sort entries, and the window of rows to draw. Nothing
 * here touches the DOM, so the page's logic is tested and benchmarked without a browser.
 */
import { entryOnTopic, entryPosition } from '../../library/library-entry';
import type { LibraryEntry } from '../../library/library-schema';

export type SortKey = 'title' | 'channel' | 'date' | 'duration' | 'position' | 'leaning' | 'lens' | 'confidence';
export type SortDirection = 'asc' | 'desc';
export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

export interface RowFilter {
  /** Lower-cased search text, matched against titles (and the video id when there is no title). */
  search: string;
  leaning: LibraryEntry['headline']['leaning'] | 'all';
  lens: LibraryEntry['headline']['lens'] | 'all';
  /** A channel id, a channel name for entries without one, or 'all'. */
  channel: string;
  topic: 'all' | 'on' | 'off';
}

export const NO_FILTER: RowFilter = { search: '', leaning: 'all', lens: 'all', channel: 'all', topic: 'all' };
export const DEFAULT_SORT: SortOrder = { key: 'date', direction: 'desc' };

const LEANING_ORDER = { 'risk-forward': 0, mixed: 1, 'opportunity-forward': 2 } as const;
const CONFIDENCE_ORDER = { low: 0, medium: 1, high: 2 } as const;

/** The key a channel filter matches: its id when known, else its name (backfilled entries have neither). */
export function channelKey(entry: Pick<LibraryEntry, 'channelId' | 'channel'>): string {
  return entry.channelId ?? entry.channel ?? '';
}

export function displayTitle(entry: Pick<LibraryEntry, 'title' | 'videoId'>): string {
  return entry.title ?? `Video ${entry.videoId}`;
}

export function filterEntries(entries: readonly LibraryEntry[], filter: RowFilter): LibraryEntry[] {
  const search = filter.search.trim().toLowerCase();
  return entries.filter((entry) => {
    if (filter.leaning !== 'all' && entry.headline.leaning !== filter.leaning) return false;
    if (filter.lens !== 'all' && entry.headline.lens !== filter.lens) return false;
    if (filter.channel !== 'all' && channelKey(entry) !== filter.channel) return false;
    if (filter.topic !== 'all') {
      // Entries from scorers without the topic test count as on topic (they were mapped as such).
      const onTopic = entryOnTopic(entry) !== false;
      if (onTopic !== (filter.topic === 'on')) return false;
    }
    return search === '' || displayTitle(entry).toLowerCase().includes(search);
  });
}

/** Sorts a copy. Text compares with one collator (locale-aware, numeric); ties fall back to the newest first, then the id. */
export function sortEntries(entries: readonly LibraryEntry[], order: SortOrder, collator: Intl.Collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })): LibraryEntry[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  const by = comparator(order.key, collator);
  return [...entries].sort((a, b) => sign * by(a, b) || b.lastWatchedAt - a.lastWatchedAt || (a.videoId < b.videoId ? -1 : 1));
}

function comparator(key: SortKey, collator: Intl.Collator): (a: LibraryEntry, b: LibraryEntry) => number {
  switch (key) {
    case 'title':
      return (a, b) => collator.compare(displayTitle(a), displayTitle(b));
    case 'channel':
      return (a, b) => collator.compare(a.channel ?? '', b.channel ?? '');
    case 'date':
      return (a, b) => a.lastWatchedAt - b.lastWatchedAt;
    case 'duration':
      return (a, b) => (a.durationSec ?? -1) - (b.durationSec ?? -1);
    case 'position':
      return (a, b) => entryPosition(a) - entryPosition(b);
    case 'leaning':
      return (a, b) => LEANING_ORDER[a.headline.leaning] - LEANING_ORDER[b.headline.leaning] || entryPosition(a) - entryPosition(b);
    case 'lens':
      return (a, b) => collator.compare(a.headline.lens, b.headline.lens);
    case 'confidence':
      return (a, b) => CONFIDENCE_ORDER[a.headline.confidence] - CONFIDENCE_ORDER[b.headline.confidence];
  }
}

/** Clicking a column: the same column flips direction; a new one starts at its natural direction. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'date' || key === 'duration' || key === 'confidence' ? 'desc' : 'asc' };
}

/**
 * The rows to draw for a scroll position: every row has the same height, so the window is arithmetic — no
 * measuring, no observer. `overscan` rows above and below keep fast scrolling from showing gaps.
 */
export function visibleRange(count: number, scrollTop: number, viewportHeight: number, rowHeight: number, overscan = 10): { start: number; end: number } {
  if (count === 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + visible + overscan) };
}

/** "1:23:45" / "12:05"; empty when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The channels present, for the filter: key → display name, sorted by name. */
export function channelsOf(entries: readonly LibraryEntry[]): { key: string; name: string; count: number }[] {
  const byKey = new Map<string, { key: string; name: string; count: number }>();
  for (const entry of entries) {
    const key = channelKey(entry);
    if (key === '') continue;
    const held = byKey.get(key);
    if (held) held.count++;
    else byKey.set(key, { key, name: entry.channel ?? key, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}
