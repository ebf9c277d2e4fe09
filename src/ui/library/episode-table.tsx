/**
 * The library table: one row per episode with the §9.1 attributes (`data-video-id`, `data-stance`,
 * `data-leaning`, `data-on-topic`). Past VIRTUALISE_ABOVE rows only the rows near the view exist (every row has
 * the same height, so the window is `visibleRange` arithmetic; spacer rows keep the scrollbar true).
 * Titles and channel names are page text: rendered as text only.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { entryOnTopic, entryPosition, isOutdated } from '../../library/library-entry';
import type { LibraryEntry } from '../../library/library-schema';
import type { Palette } from '../../panel/colour-scale';
import { formatScore } from '../../panel/geometry';
import { bandLabel } from '../../panel/headline-text';
import { displayTitle, formatDuration, visibleRange, type SortKey, type SortOrder } from './library-rows';
import MiniStrip from './mini-strip';

export const ROW_HEIGHT = 40;
export const VIRTUALISE_ABOVE = 200;
/**
 * Performance marks of the first rows on screen (the benchmark reads them; they cost nothing otherwise):
 * `library:rows-frame` at the start of the frame that draws them (before its paint), `library:rows-painted` at the
 * start of the next frame (after that paint; at most a frame late — a task queued instead can wait behind
 * timers). Element Timing would be exact, but Chromium reports no paint entries for extension pages.
 */
function markFirstRowsPainted(): void {
  requestAnimationFrame(() => {
    performance.mark('library:rows-frame');
    // The next frame starts only after this one (the rows) has been painted and handed to the compositor.
    requestAnimationFrame(() => performance.mark('library:rows-painted'));
  });
}

/** The scroller's height is at most 70vh (library.css): the table starts there, so measuring on mount changes nothing. */
function initialViewHeight(): number {
  return Math.round((globalThis.innerHeight || 1000) * 0.7);
}

/** How many rows the table draws first (a virtualised table, at the top, while loading): what the first read needs. */
export function rowsInFirstView(): number {
  return visibleRange(Number.MAX_SAFE_INTEGER, 0, initialViewHeight(), ROW_HEIGHT, 0).end;
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'channel', label: 'Channel' },
  { key: 'date', label: 'Watched' },
  { key: 'duration', label: 'Length' },
  { key: 'position', label: 'Spectrum' },
  { key: 'leaning', label: 'Leaning' },
  { key: 'lens', label: 'Lens' },
  { key: 'confidence', label: 'Confidence' },
];

export interface EpisodeTableProps {
  /** The rows in order; while `loading`, only the first of `rowCount` (the rest are drawn as space). */
  rows: readonly LibraryEntry[];
  rowCount: number;
  /** The rest of the library is still being read (`aria-busy`). */
  loading: boolean;
  sort: SortOrder;
  onSort(key: SortKey): void;
  palette: Palette;
  scorerVersion: string;
  selected: readonly string[];
  onToggleSelect(videoId: string): void;
  onDelete(videoId: string): void;
  formatDate(ms: number): string;
}

export default function EpisodeTable(props: EpisodeTableProps) {
  const { rows, rowCount, sort } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState(() => ({ top: 0, height: initialViewHeight() }));
  const virtual = rowCount > VIRTUALISE_ABOVE;
  const marked = useRef(false);

  // Right after the first rows are in the DOM (before the browser paints them).
  useLayoutEffect(() => {
    if (marked.current || rows.length === 0) return;
    marked.current = true;
    markFirstRowsPainted();
  }, [rows]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || !virtual) return;
    const measure = () => {
      const next = { top: el.scrollTop, height: el.clientHeight || 800 };
      // Only a new window re-renders the rows (not every scroll event within the same one, nor the mount).
      setView((current) => (current.top === next.top && current.height === next.height ? current : next));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    return () => el.removeEventListener('scroll', measure);
  }, [virtual]);

  // While loading, only the rows in view (no overscan): the first paint draws what is seen, nothing more.
  const range = virtual ? visibleRange(rowCount, view.top, view.height, ROW_HEIGHT, props.loading ? 0 : undefined) : { start: 0, end: rowCount };
  // Rows not read yet (while loading) are space, like the rows out of view.
  const start = Math.min(range.start, rows.length);
  const end = Math.min(range.end, rows.length);

  return (
    <div class={`table-scroll${virtual ? ' table-virtual' : ''}`} ref={scroller} data-rows={String(rowCount)} aria-busy={props.loading ? 'true' : 'false'}>
      <table class="episodes" aria-rowcount={rowCount + 1}>
        <thead>
          <tr>
            <th scope="col" class="col-pick">
              <span class="visually-hidden">Compare</span>
            </th>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.key} class={`col-${c.key}`} aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" class="sort" data-sort={c.key} onClick={() => props.onSort(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
            <th scope="col" class="col-actions">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {start > 0 ? <tr class="spacer" aria-hidden="true" style={{ height: `${start * ROW_HEIGHT}px` }} /> : null}
          {rows.slice(start, end).map((entry, i) => (
            <Row key={entry.videoId} entry={entry} index={start + i} {...props} />
          ))}
          {end < rowCount ? <tr class="spacer" aria-hidden="true" style={{ height: `${(rowCount - end) * ROW_HEIGHT}px` }} /> : null}
        </tbody>
      </table>
    </div>
  );
}

function Row({ entry, index, palette, scorerVersion, selected, onToggleSelect, onDelete, formatDate }: EpisodeTableProps & { entry: LibraryEntry; index: number }) {
  const h = entry.headline;
  const position = entryPosition(entry);
  const onTopic = entryOnTopic(entry);
  const outdated = isOutdated(entry, scorerVersion);
  const title = displayTitle(entry);
  const picked = selected.includes(entry.videoId);
  return (
    <tr
      class={`episode${onTopic === false ? ' off-topic' : ''}${picked ? ' picked' : ''}`}
      style={{ height: `${ROW_HEIGHT}px` }}
      aria-rowindex={index + 2}
      data-video-id={entry.videoId}
      data-stance={String(position)}
      data-leaning={h.leaning}
      data-on-topic={onTopic === null ? 'unknown' : String(onTopic)}
      data-outdated={outdated ? 'true' : undefined}
    >
      <td class="col-pick">
        <input type="checkbox" checked={picked} onChange={() => onToggleSelect(entry.videoId)} aria-label={`Compare “${title}”`} />
      </td>
      <td class="col-title">
        <a href={`https://www.youtube.com/watch?v=${encodeURIComponent(entry.videoId)}`} target="_blank" rel="noopener noreferrer" title={title}>
          {title}
        </a>
        {outdated ? (
          <span class="badge" title={`Mapped by scorer ${entry.scorerVersion}; this build is ${scorerVersion}. Watch it again (or keep its captions cached) to re-score.`}>
            older scorer
          </span>
        ) : null}
        {onTopic === false ? <span class="badge">off-topic</span> : null}
      </td>
      <td class="col-channel" title={entry.channel ?? ''}>
        {entry.channel ?? ''}
      </td>
      <td class="col-date">{formatDate(entry.lastWatchedAt)}</td>
      <td class="col-duration">{formatDuration(entry.durationSec)}</td>
      <td class="col-position">
        <MiniStrip headline={h} palette={palette} />
        <span class="position-value">{formatScore(position)}</span>
      </td>
      <td class="col-leaning">{bandLabel(h.leaning)}</td>
      <td class="col-lens">{h.lens}</td>
      <td class="col-confidence">{h.confidence}</td>
      <td class="col-actions">
        <button type="button" class="link danger" data-action="delete" onClick={() => onDelete(entry.videoId)} aria-label={`Delete “${title}” from the library`}>
          Delete
        </button>
      </td>
    </tr>
  );
}
