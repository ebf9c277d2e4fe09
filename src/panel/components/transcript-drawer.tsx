/**
 * The transcript drawer's body (DESIGN §9.1): the words behind every score, grouped by slice, counted terms marked in
 * place, the cue under the playhead marked and followed, a find box. Props only: the cues come from a
 * TranscriptStore, time from the VideoClock, and every action goes out through a callback.
 *
 * Loaded on first open, not with the content script (load-chunks.ts, the budget of §9.1): the panel draws the
 * drawer's region (`[data-transcript]`, `data-open`) itself and this body inside it. So it imports from src/panel
 * only pure helpers, and from preact only `preact/hooks` and the JSX runtime, which the loader hands over (one
 * preact on the page: hooks work only with the preact that renders them).
 *
 * Virtualised per slice block (transcript-layout.ts): only blocks that meet the view are in the DOM. Caption
 * text is rendered as text nodes in spans — never parsed as markup.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TranscriptCue, TranscriptMark } from '../../messaging/protocol';
import type { PerspectiveMap, SliceScore } from '../../scoring/perspective-map';
import { scoreColour, type Palette } from '../colour-scale';
import { formatClock, formatClockRange, formatScore } from '../geometry';
import { bandLabel } from '../headline-text';
import { blockOfCue, cueAt, estimateBlockPx, estimateLayout, visibleBlocks, withMeasured, type BlockLayout } from '../transcript-layout';
import type { TranscriptStore } from '../transcript-store';
import drawerCss from './transcript-drawer.css?inline';
import { cutText, findInCues, foldQuery, type FoundRange } from '../transcript-text';
import type { ClockTick, VideoClock } from '../video-clock';
import { pureView } from './pure-view';
import { yieldToPage } from '../yield-to-page';

/** px drawn beyond the view either side, so a short scroll finds rows already there. */
const OVERSCAN_PX = 300;
/** Used while the list has no size yet (not laid out, or a test DOM without layout). */
const FALLBACK_VIEWPORT_PX = 360;
/** A row scrolled into view keeps this much room from the list's edge. */
const ROW_MARGIN_PX = 24;
/** The shortest wait for the next cue (a cue that starts "now" is picked up by the next tick or timer). */
const MIN_TIMER_MS = 16;

export interface DrawerTarget {
  slice: number;
  /** Bumped on every request, so asking for the same slice twice scrolls twice. */
  seq: number;
}

export interface TranscriptDrawerProps {
  map: PerspectiveMap;
  videoId: string;
  store: TranscriptStore;
  palette: Palette;
  clock: VideoClock;
  target: DrawerTarget | null;
  query: string;
  onQueryChange(query: string): void;
  /** The slices that hold a match of the query (for the arc's data-match). */
  onMatchSlices(slices: ReadonlySet<number>): void;
  onSeek(ms: number): void;
  onClose(): void;
  onCopy(text: string): Promise<void>;
}

/** `slices[].onTopic` arrives with the stance scorer (§9.1); read it without depending on it. */
function isOffTopic(slice: SliceScore): boolean {
  return (slice as SliceScore & { onTopic?: boolean }).onTopic === false;
}

/** A search is run this long after the last keystroke (a 100,000-cue transcript takes a few ms to scan). */
const FIND_DELAY_MS = 150;

export function TranscriptDrawerBody({ map, videoId, store, palette, clock, target, query, onQueryChange, onMatchSlices, onSeek, onClose, onCopy }: TranscriptDrawerProps) {
  const slices = map.slices;
  const loadedCues = useLoaded(store);
  const { found, settled } = useFind(store, loadedCues, query);
  useEffect(() => {
    const matched = new Set<number>();
    for (const f of found) {
      const cue = store.cue(f.cue);
      if (cue) matched.add(cue.slice);
    }
    onMatchSlices(matched);
  }, [found, store]);
  useEffect(() => () => onMatchSlices(new Set()), []);
  const firstCues = useMemo(() => slices.map((s) => s.firstCue), [slices]);
  const [layout, setLayout] = useState<BlockLayout>(() => estimateLayout(slices.map((s) => s.lastCue - s.firstCue + 1)));
  const [range, setRange] = useState<[number, number]>(() => visibleBlocks(layout, 0, FALLBACK_VIEWPORT_PX, OVERSCAN_PX));
  const [current, setCurrent] = useState(-1);
  const [following, setFollowing] = useState(true);
  const [active, setActive] = useState(-1);
  const [foundIndex, setFoundIndex] = useState(0);
  /** A one-off message for the live region (copied, copy refused); the match count otherwise. */
  const [notice, setNotice] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  /** Where we last put scrollTop ourselves: a scroll event elsewhere is the user's. */
  const expectedTop = useRef<number | null>(null);
  /** A cue to bring into view once its block is drawn ('nearest' keeps the view if it is already there). */
  const pending = useRef<{ cue: number; align: 'start' | 'nearest'; block: number; focus: boolean } | null>(null);
  const followingRef = useRef(following);
  followingRef.current = following;
  // Read by callbacks that outlive a render (the clock's subscriber): always the latest layout.
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  const viewport = () => scroller.current?.clientHeight || FALLBACK_VIEWPORT_PX;
  /** The rows' actions, kept current on every render; the rows hold the stable wrappers below. */
  const rowActions = useRef<{ seek(cue: number, ms: number): void; copy(slice: SliceScore): void }>({ seek: () => {}, copy: () => {} });
  const seekCue = useMemo(() => (cue: number, ms: number) => rowActions.current.seek(cue, ms), []);
  const copyBlock = useMemo(() => (slice: SliceScore) => rowActions.current.copy(slice), []);

  const setTop = (top: number) => {
    const el = scroller.current;
    if (!el) return;
    const { tops, heights } = layoutRef.current;
    const max = Math.max(0, tops[heights.length] as number);
    const next = Math.max(0, Math.min(max, Math.round(top)));
    expectedTop.current = next;
    el.scrollTop = next;
    updateRange(next);
  };

  const updateRange = (top: number) => {
    const next = visibleBlocks(layoutRef.current, top, viewport(), OVERSCAN_PX);
    setRange((prev) => (prev[0] === next[0] && prev[1] === next[1] ? prev : next));
  };

  /** Scrolls to a cue's block now; the row itself is placed once drawn (layout effect below). */
  const bringIntoView = (cue: number, align: 'start' | 'nearest', focus = false) => {
    const block = blockOfCue(firstCues, cue);
    pending.current = { cue, align, block, focus };
    const el = scroller.current;
    const top = layoutRef.current.tops[block] as number;
    const bottom = layoutRef.current.tops[block + 1] as number;
    if (!el || align === 'start' || top > el.scrollTop + viewport() || bottom < el.scrollTop) setTop(top);
    else updateRange(el.scrollTop);
  };

  // Block heights come from a ResizeObserver: sizes the browser hands over after its own layout, so drawing rows
  // never forces a layout of the page from script (reading offsetHeight here did: ~50 ms on the seed episode when
  // the drawer opened). A measured block that changed height moves the blocks below it; the first drawn block
  // stays where it was on screen.
  const rangeRef = useRef(range);
  rangeRef.current = range;
  /** The row placed last, until the user scrolls: measurements that arrive later keep it in place. */
  const placed = useRef<{ cue: number; align: 'start' | 'nearest'; block: number; focus: boolean } | null>(null);
  const observed = useRef<{ observer: ResizeObserver; elements: Set<Element> } | null>(null);
  const applyMeasured = (measured: ReadonlyMap<number, number>) => {
    const el = scroller.current;
    const before = layoutRef.current;
    const next = withMeasured(before, measured);
    if (!el || !next) return;
    // Heights measured after a row was placed (its block, or the blocks drawn by scrolling to it): place it again.
    if (pending.current === null && placed.current) pending.current = placed.current;
    const anchor = rangeRef.current[0];
    const shift = (next.tops[anchor] as number) - (before.tops[anchor] as number);
    setLayout(next);
    layoutRef.current = next;
    if (shift !== 0 && pending.current === null) {
      expectedTop.current = el.scrollTop + shift;
      el.scrollTop += shift;
    }
    updateRange(el.scrollTop);
  };
  /** Scrolls a pending row into place once it is drawn (with the heights known so far: see `placed`). */
  const placePending = () => {
    const el = scroller.current;
    const inner = list.current;
    const want = pending.current;
    if (!el || !inner || !want) return;
    const row = inner.querySelector<HTMLElement>(`[data-cue-index="${want.cue}"]`);
    if (!row) return;
    pending.current = null;
    placed.current = { ...want, focus: false };
    // The row's place from its block's top, added to the block's top in the layout (the same in a real layout).
    const blockEl = row.closest<HTMLElement>('[data-transcript-slice]');
    const inBlock = blockEl ? row.offsetTop - blockEl.offsetTop : 0;
    const rowTop = (layoutRef.current.tops[want.block] as number) + (want.align === 'start' ? 0 : inBlock);
    const rowBottom = rowTop + row.offsetHeight;
    if (want.align === 'start') setTop(rowTop);
    else if (rowTop < el.scrollTop + ROW_MARGIN_PX) setTop(rowTop - ROW_MARGIN_PX);
    else if (rowBottom > el.scrollTop + viewport() - ROW_MARGIN_PX) setTop(rowBottom - viewport() + ROW_MARGIN_PX);
    if (want.focus) row.querySelector<HTMLElement>('.cue-time')?.focus({ preventScroll: true });
  };
  /** The observer's callback outlives renders: it calls the latest closures. */
  const applyRef = useRef<(measured: ReadonlyMap<number, number>) => void>(() => {});
  applyRef.current = (measured) => {
    applyMeasured(measured);
    placePending();
  };
  const observeBlocks = () => {
    if (observed.current || typeof ResizeObserver === 'undefined') return observed.current;
    const observer = new ResizeObserver((entries) => {
      const measured = new Map<number, number>();
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        // A block still waiting for its cues keeps its estimate: measured as a header and "Loading…", the blocks below
        // it would seem to come into view, frame after frame, and the first page would draw them all at once.
        if (target.dataset.loading === 'true') continue;
        const block = Number(target.dataset.transcriptSlice);
        const box = entry.borderBoxSize?.[0];
        const height = box ? box.blockSize : entry.contentRect.height;
        if (Number.isInteger(block) && height > 0) measured.set(block, height);
      }
      if (measured.size > 0) applyRef.current(measured);
    });
    return (observed.current = { observer, elements: new Set() });
  };
  useEffect(
    () => () => {
      observed.current?.observer.disconnect();
      observed.current = null;
    },
    [],
  );

  // Observe the blocks drawn now and forget the ones gone; then place a pending row.
  useLayoutEffect(() => {
    const el = scroller.current;
    const inner = list.current;
    if (!el || !inner) return;
    const watch = observeBlocks();
    if (watch) {
      for (const element of watch.elements) {
        if (!element.isConnected) {
          watch.observer.unobserve(element);
          watch.elements.delete(element);
        }
      }
      for (const block of inner.querySelectorAll<HTMLElement>('[data-transcript-slice]')) {
        if (watch.elements.has(block)) continue;
        watch.elements.add(block);
        watch.observer.observe(block);
      }
    }
    placePending();
  });

  // Follow playback on the clock's ticks (media events, about 4 a second), no per-frame work: each tick costs one
  // O(log n) look-up, the drawer re-renders only when the cue under the playhead changes, and while playing one
  // timer (the clock's `after`, planned from the tick's `ms`, `rate` and `at`) lands on the next cue's start so the
  // row changes on time rather than up to a `timeupdate` late. An inactive tick (panel hidden) plans nothing.
  const currentRef = useRef(current);
  useEffect(() => {
    let cancelNext: (() => void) | null = null;
    const follow = (tick: ClockTick) => {
      cancelNext?.();
      cancelNext = null;
      const cue = cueAt(store.starts, store.loaded, tick.ms);
      if (cue !== currentRef.current) {
        currentRef.current = cue;
        setCurrent(cue);
        if (cue >= 0 && followingRef.current && tick.playing) bringIntoView(cue, 'nearest');
      }
      if (!tick.active || !tick.playing || cue + 1 >= store.loaded) return;
      const nextStart = store.starts[cue + 1] as number;
      const delayMs = Math.max(MIN_TIMER_MS, (nextStart - tick.ms) / tick.rate);
      cancelNext = clock.after(delayMs, () => {
        cancelNext = null;
        follow(clock.read());
      });
    };
    const unsubscribe = clock.subscribe(follow);
    return () => {
      unsubscribe();
      cancelNext?.();
    };
    // Re-subscribed as pages arrive: the look-up reads `loaded`.
  }, [clock, store, loadedCues]);

  // "Open the transcript there": a slice from the panel (strip, marker, bar, tooltip).
  useEffect(() => {
    if (!target || store.loaded === 0) return;
    const slice = slices[target.slice];
    if (!slice) return;
    const playing = current >= slice.firstCue && current <= slice.lastCue;
    setFollowing(playing);
    bringIntoView(slice.firstCue, 'start');
    // Only a new request (or the first page arriving) moves the view.
  }, [target?.seq, store.loaded > 0]);

  // First rows: open where the video is.
  useEffect(() => {
    if (target || store.loaded === 0) return;
    const cue = cueAt(store.starts, store.loaded, clock.read().ms);
    if (cue > 0) bringIntoView(cue, 'nearest');
    // Once, when the first page is here.
  }, [store.loaded > 0]);

  // Find: a new query starts at its first match; the count is announced.
  useEffect(() => {
    setFoundIndex(0);
    setNotice('');
  }, [query]);
  // A new query shows its first match.
  const shownQuery = useRef('');
  useEffect(() => {
    if (settled === shownQuery.current || found.length === 0) return;
    shownQuery.current = settled;
    setFollowing(false);
    bringIntoView((found[0] as FoundRange).cue, 'nearest');
  }, [found, settled]);
  const count = query.trim() === '' ? '' : found.length === 0 ? 'No matches' : `${Math.min(foundIndex, found.length - 1) + 1} of ${found.length}`;

  const foundByCue = useMemo(() => {
    const byCue = new Map<number, [number, number, number][]>();
    found.forEach((f, i) => {
      let list = byCue.get(f.cue);
      if (!list) byCue.set(f.cue, (list = []));
      list.push([f.start, f.end, i]);
    });
    return byCue;
  }, [found]);

  const stepFound = (delta: number) => {
    if (found.length === 0) return;
    const next = (foundIndex + delta + found.length) % found.length;
    setFoundIndex(next);
    setFollowing(false);
    bringIntoView((found[next] as FoundRange).cue, 'nearest');
  };

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const ours = expectedTop.current !== null && Math.abs(el.scrollTop - expectedTop.current) <= 2;
    expectedTop.current = null;
    if (!ours) placed.current = null;
    if (!ours && followingRef.current) setFollowing(false);
    updateRange(el.scrollTop);
  };

  const backToNow = () => {
    setFollowing(true);
    const cue = cueAt(store.starts, store.loaded, clock.read().ms);
    if (cue >= 0) bringIntoView(cue, 'nearest');
  };

  // Keyboard: the list is one tab stop (its active row's time button); arrows move between cues.
  const [first, last] = range;
  const drawnFirst = slices[first]?.firstCue ?? 0;
  const drawnLast = Math.min(store.loaded - 1, slices[last]?.lastCue ?? -1);
  const tabCue = active >= drawnFirst && active <= drawnLast ? active : current >= drawnFirst && current <= drawnLast ? current : drawnFirst;
  const onListKey = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: tabCue + 1, ArrowUp: tabCue - 1, PageDown: tabCue + 10, PageUp: tabCue - 10, Home: 0, End: store.loaded - 1 };
    const next = moves[event.key];
    if (next === undefined || store.loaded === 0) return;
    event.preventDefault();
    const cue = Math.max(0, Math.min(store.loaded - 1, next));
    setActive(cue);
    setFollowing(false);
    bringIntoView(cue, 'nearest', true);
  };

  const onDrawerKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  const copySlice = (slice: SliceScore) => {
    const lines: string[] = [];
    for (let c = slice.firstCue; c <= slice.lastCue; c++) {
      const cue = store.cue(c);
      if (cue) lines.push(cue.text.trim());
    }
    const seconds = Math.floor(slice.startMs / 1000);
    const text = `“${lines.filter(Boolean).join(' ')}”\n— ${formatClockRange(slice.startMs, slice.endMs)} · https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&t=${seconds}s`;
    onCopy(text).then(
      () => setNotice(`Copied slice ${slice.index + 1} (${formatClockRange(slice.startMs, slice.endMs)})`),
      () => setNotice('Could not copy: the browser refused the clipboard'),
    );
  };

  // Rows are pure views (issue 9): a cue change while playing draws the two rows whose mark moved, not every row on
  // screen. Each block gets the playing / tab cue only when it is one of its own, and callbacks that never change
  // identity (they call the latest closures through a ref).
  rowActions.current = {
    seek: (cue, ms) => {
      setActive(cue);
      onSeek(ms);
      setFollowing(true);
    },
    copy: copySlice,
  };
  const total = layout.tops[layout.heights.length] as number;
  const blocks: ComponentChildren[] = [];
  for (let b = first; b <= last; b++) {
    const slice = slices[b];
    if (!slice) continue;
    const own = (cue: number) => (cue >= slice.firstCue && cue <= slice.lastCue ? cue : -1);
    blocks.push(
      <SliceBlock
        key={b}
        slice={slice}
        palette={palette}
        store={store}
        loaded={Math.max(0, Math.min(slice.lastCue - slice.firstCue + 1, loadedCues - slice.firstCue))}
        current={own(current)}
        tabCue={own(tabCue)}
        foundByCue={foundByCue}
        foundIndex={foundIndex}
        onSeek={seekCue}
        onCopy={copyBlock}
      />,
    );
  }

  const status = store.error ?? (store.total === null ? 'Loading the transcript…' : null);
  return (
    <div class="transcript-body" onKeyDown={onDrawerKey}>
      <style>{drawerCss}</style>
      <div class="transcript-bar">
        <input
          type="search"
          class="transcript-search"
          placeholder="Find in transcript"
          aria-label="Find in transcript"
          value={query}
          onInput={(e) => onQueryChange((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            stepFound(e.shiftKey ? -1 : 1);
          }}
        />
        <span class="transcript-count" role="status" aria-live="polite" data-testid="transcript-count">
          {notice || count}
        </span>
        <button type="button" class="button" aria-label="Previous match" disabled={found.length === 0} onClick={() => stepFound(-1)}>
          ↑
        </button>
        <button type="button" class="button" aria-label="Next match" disabled={found.length === 0} onClick={() => stepFound(1)}>
          ↓
        </button>
        {!following && current >= 0 ? (
          <button type="button" class="button back-to-now" data-action="back-to-now" onClick={backToNow}>
            Back to now
          </button>
        ) : null}
        <button type="button" class="button transcript-close" data-action="close-transcript" onClick={onClose}>
          Close
        </button>
      </div>
      {status ? <p class="transcript-status">{status}</p> : null}
      <div class="transcript-scroll" ref={scroller} onScroll={onScroll}>
        <div
          class="transcript-list"
          ref={list}
          role="list"
          aria-label={`Transcript, ${store.total ?? 0} caption segments in ${slices.length} slices`}
          data-loaded-cues={String(loadedCues)}
          data-total-cues={store.total === null ? undefined : String(store.total)}
          onKeyDown={onListKey}
          style={{ height: `${total}px` }}
        >
          <div style={{ height: `${layout.tops[first] ?? 0}px` }} aria-hidden="true" />
          {blocks}
        </div>
      </div>
    </div>
  );
}

interface SliceBlockProps {
  slice: SliceScore;
  palette: Palette;
  store: TranscriptStore;
  /**
   * How many of this block's cues the store holds (the store object stays the same as pages arrive: this redraws
   * the block while its cues are coming in, and a complete block never again).
   */
  loaded: number;
  /** The playing cue if it is in this block, else -1. */
  current: number;
  /** The row that takes the tab stop if it is in this block, else -1. */
  tabCue: number;
  foundByCue: ReadonlyMap<number, [number, number, number][]>;
  foundIndex: number;
  onSeek(cue: number, ms: number): void;
  onCopy(slice: SliceScore): void;
}

const SliceBlock = pureView(function SliceBlockView({ slice, palette, store, loaded, current, tabCue, foundByCue, foundIndex, onSeek, onCopy }: SliceBlockProps) {
  const rows: ComponentChildren[] = [];
  const count = slice.lastCue - slice.firstCue + 1;
  for (let c = slice.firstCue; c < slice.firstCue + loaded; c++) {
    const cue = store.cue(c);
    if (!cue) break;
    rows.push(<CueRow key={c} index={c} cue={cue} current={c === current} tab={c === tabCue} found={foundByCue.get(c)} foundIndex={foundIndex} onSeek={onSeek} />);
  }
  const missing = rows.length < count;
  const offTopic = isOffTopic(slice);
  return (
    <div
      class="transcript-slice"
      data-transcript-slice={String(slice.index)}
      data-off-topic={offTopic ? 'true' : undefined}
      // Until its cues are here the block holds its estimated height, so the list's geometry stays the layout's.
      data-loading={missing ? 'true' : undefined}
      style={missing ? { minHeight: `${estimateBlockPx(count)}px` } : undefined}
      role="listitem"
    >
      <div class="slice-head">
        <span class="slice-swatch" style={offTopic ? undefined : { backgroundColor: scoreColour(slice.score, palette) }} aria-hidden="true" />
        <span class="slice-time">{formatClockRange(slice.startMs, slice.endMs)}</span>
        <span class="slice-score">
          {formatScore(slice.score)} · {bandLabel(slice.band)}
          {offTopic ? ' · off-topic' : ''}
        </span>
        <button type="button" class="button slice-copy" data-action="copy-slice" onClick={() => onCopy(slice)} aria-label={`Copy slice ${slice.index + 1} with its time and link`}>
          Copy
        </button>
      </div>
      <div role="list" aria-label={`Slice ${slice.index + 1}`}>
        {rows}
      </div>
      {missing ? <p class="transcript-status">Loading…</p> : null}
    </div>
  );
});

interface CueRowProps {
  index: number;
  cue: TranscriptCue;
  current: boolean;
  tab: boolean;
  found: [number, number, number][] | undefined;
  foundIndex: number;
  onSeek(cue: number, ms: number): void;
}

const CueRow = pureView(function CueRowView({ index, cue, current, tab, found, foundIndex, onSeek }: CueRowProps) {
  const pieces = cutText(cue.text, cue.marks, found ?? []);
  return (
    <div
      class="cue"
      role="listitem"
      data-cue-index={String(index)}
      data-cue-start-ms={String(cue.startMs)}
      aria-current={current ? 'true' : undefined}
      onClick={(event) => {
        // A click on a counted term shows its contribution; anywhere else on the row plays from the cue.
        if ((event.target as Element).closest?.('.term')) return;
        onSeek(index, cue.startMs);
      }}
    >
      <button type="button" class="cue-time" tabIndex={tab ? 0 : -1} aria-label={`Play from ${formatClock(cue.startMs)}`}>
        {formatClock(cue.startMs)}
      </button>
      <span class="cue-text">
        {pieces.map((piece) => {
          const foundAttr = piece.found !== undefined ? (piece.found === foundIndex ? 'current' : 'true') : undefined;
          return piece.mark ? (
            <TermMark key={piece.start} mark={piece.mark} found={foundAttr} tab={tab}>
              {piece.text}
            </TermMark>
          ) : foundAttr ? (
            <mark key={piece.start} class="found" data-found={foundAttr}>
              {piece.text}
            </mark>
          ) : (
            <span key={piece.start}>{piece.text}</span>
          );
        })}
      </span>
    </div>
  );
});

function TermMark({ mark, found, tab, children }: { mark: TranscriptMark; found: string | undefined; tab: boolean; children: ComponentChildren }) {
  const sign = mark.contribution < 0 ? '−' : '+';
  const tip = `${mark.term}: ${sign}${Math.abs(mark.contribution).toFixed(2)} (${mark.contribution < 0 ? 'risk' : 'opportunity'})`;
  return (
    <mark
      class={`term ${mark.contribution < 0 ? 'term-risk' : 'term-opportunity'}`}
      data-tip={tip}
      data-found={found}
      title={tip}
      tabIndex={tab ? 0 : -1}
    >
      {children}
    </mark>
  );
}

/**
 * The number of cues loaded so far (re-renders the drawer as pages arrive), drawn in a task after the one that took
 * the page in: receiving and checking 1,000 cues, then preact's render (a promise callback of the same task) would
 * otherwise add up. Pages that arrive before that task runs are drawn together.
 */
function useLoaded(store: TranscriptStore): number {
  const [loaded, setLoaded] = useState(store.loaded);
  useEffect(() => {
    let live = true;
    let waiting = false;
    setLoaded(store.loaded);
    const unsubscribe = store.subscribe(() => {
      if (waiting) return;
      waiting = true;
      void yieldToPage().then(() => {
        waiting = false;
        if (live) setLoaded(store.loaded);
      });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [store]);
  return loaded;
}

const NOTHING_FOUND: FoundRange[] = [];

/** The query's matches: searched when it settles, and again as pages arrive (long transcripts: once all are here). */
function useFind(store: TranscriptStore, loaded: number, query: string): { found: FoundRange[]; settled: string } {
  const [settled, setSettled] = useState(() => foldQuery(query));
  useEffect(() => {
    const timer = setTimeout(() => setSettled(foldQuery(query)), FIND_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const complete = store.total !== null && loaded >= store.total;
  const searchedAt = complete || loaded < 20_000 ? loaded : -1;
  // No query: the same empty list whatever arrives (a new list would redraw every drawn block, page after page).
  const found = useMemo(() => (settled === '' ? NOTHING_FOUND : findInCues(store.loaded, (i) => store.folded(i), settled)), [store, settled, settled === '' ? 0 : searchedAt]);
  return { found, settled };
}
