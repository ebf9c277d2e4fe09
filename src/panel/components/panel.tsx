/**
 * The panel's root: chooses what to draw for a `PanelView`. Props only — everything it shows comes from
 * `view`, everything it does goes through `actions` or `clock`; it never reaches for the page.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PanelDeps, PanelView } from '../panel-view';
import { paletteFor } from '../colour-scale';
import { sliceIndexAt } from '../geometry';
import { createTranscriptStore, type TranscriptStore } from '../transcript-store';
import { collapsedLine, headlineLines, offTopicSentence, segmentsLine } from '../headline-text';
import type { PerspectiveMap } from '../../scoring/perspective-map';
import type { VideoClock } from '../video-clock';
import { EpisodeArc } from './episode-arc';
import { PerspectiveStrip } from './perspective-strip';
import { StatusView, statusSentence } from './status-view';
import { TrackPicker } from './track-picker';
import type { DrawerTarget } from './transcript-drawer';
import type { DiagnosticsBoxView, DrawerBody } from '../load-chunks';
import type { Diagnostics, MissingPart } from '../../youtube-page/diagnostics';

export const CAVEAT = 'Captions are an imperfect primary source: they can mis-hear names and technical terms.';

export type PanelActions = Pick<
  PanelDeps,
  'onRetry' | 'onTrackChange' | 'onCollapsedChange' | 'onShowAnyway' | 'onTranscriptOpenChange' | 'loadTranscript' | 'copyText'
> & {
  /** The transcript drawer's body, loaded on first open (load-chunks.ts; tests hand over the module itself). */
  loadDrawer(): Promise<DrawerBody>;
  /** The diagnostics box, loaded when the panel first has something to report (load-chunks.ts). */
  loadDiagnostics(): Promise<DiagnosticsBoxView>;
  /** The diagnostics record of the page as it is now, for "Copy diagnostics" (absent: no diagnostics box). */
  diagnosticsRecord?(): Diagnostics | null;
};

export const SHOW_ANYWAY_LABEL = 'Show the map anyway';

export interface PanelProps {
  view: PanelView;
  actions: PanelActions;
  clock: VideoClock;
}

export function Panel({ view, actions, clock }: PanelProps) {
  const map = view.state === 'ready' ? view.map : undefined;
  const drawer = useDrawer(map, view.display?.transcriptOpen === true, actions);
  // Stable callbacks for the memoised arc and strip (thousands of bars on a long episode): opening the drawer,
  // a page of transcript or a settings echo re-renders the panel, never them. They call the latest closures.
  const latest = useRef({ seekSlice: (_index: number) => {}, openTranscript: (_event: Event, _index?: number) => {} });
  const stable = useMemo(
    () => ({
      seekSlice: (index: number) => latest.current.seekSlice(index),
      openTranscript: (event: Event, index: number) => latest.current.openTranscript(event, index),
    }),
    [],
  );
  // The host is display:none while skipped (mount-panel); the reason is still put in the tree, so it is there to read.
  if (view.state === 'skipped') return view.message ? <p class="status-sentence skipped-reason">{view.message}</p> : null;
  const collapsed = view.display?.collapsed === true;
  const palette = paletteFor(view.display?.palette);
  const offTopic = view.state === 'off-topic' && view.map ? view.map : undefined;
  const oneLine = map ? collapsedLine(map) : offTopic ? offTopicSentence(offTopic, view.track?.languageCode) : statusSentence(view);
  const missing = [...new Set([...(view.state === 'unavailable' ? (['captions'] as const) : []), ...(view.missing ?? [])])];
  const diagnostics = missing.length > 0 && actions.diagnosticsRecord ? <DiagnosticsSlot missing={missing} actions={actions} /> : null;

  /** Strip, markers and bars: seek there, and when the drawer is open, show that slice in it. */
  const seekSlice = (index: number) => {
    const slice = map?.slices[index];
    if (!slice) return;
    clock.seek(slice.startMs);
    if (drawer.open) drawer.showSlice(index);
  };
  /** "Open the transcript there": the slice given, else the one under the playhead. */
  const openTranscript = (event: Event, index?: number) => {
    if (!map) return;
    drawer.opener.current = event.currentTarget as HTMLElement;
    const at = index ?? Math.max(0, sliceIndexAt(map.slices, clock.read().ms));
    drawer.setOpen(true);
    drawer.showSlice(at);
  };
  latest.current = { seekSlice, openTranscript };

  return (
    <section class={`panel${collapsed ? ' panel-collapsed' : ''}`} aria-label="Perspective map" data-palette={palette.id}>
      <header class="head">
        <h2 class="title">Perspective map</h2>
        {collapsed ? <span class="oneline">{oneLine}</span> : null}
        <button
          type="button"
          class="button collapse"
          aria-expanded={collapsed ? 'false' : 'true'}
          data-testid="collapse"
          onClick={() => actions.onCollapsedChange(!collapsed)}
        >
          {collapsed ? 'Show' : 'Hide'}
        </button>
      </header>
      {collapsed ? null : map ? (
        <div class="body">
          <div class="headline">
            {headlineLines(map).map((line, i) => (
              <p key={i} class={i === 0 ? 'headline-sentence' : 'headline-detail'}>
                {line}
              </p>
            ))}
            {view.channelBaseline ? (
              <p class="channel-baseline" data-channel-baseline="">
                {view.channelBaseline}
              </p>
            ) : null}
          </div>
          <PerspectiveStrip slices={map.slices} headline={map.headline} palette={palette} onSeekSlice={stable.seekSlice} />
          <div class="arc-head">
            <h3>Episode arc by segment</h3>
            <span class="legend">Early → late · height = spectrum position · colour = band · evenly spaced in transcript order</span>
          </div>
          <EpisodeArc
            slices={map.slices}
            palette={palette}
            clock={clock}
            onSeekSlice={stable.seekSlice}
            // Undefined (the same prop) until there is a match: opening the drawer does not redraw the bars.
            matchSlices={drawer.open && drawer.matchSlices.size > 0 ? drawer.matchSlices : undefined}
            onOpenTranscript={stable.openTranscript}
          />
          <div class="transcript-toggle">
            <button
              type="button"
              class="button"
              data-action="open-transcript"
              aria-expanded={drawer.open ? 'true' : 'false'}
              onClick={(event) => (drawer.open ? drawer.close() : openTranscript(event))}
            >
              {drawer.open ? 'Hide the transcript' : 'Open the transcript here'}
            </button>
          </div>
          <section class="transcript" data-transcript="" data-open={drawer.open ? 'true' : 'false'} aria-label="Transcript" hidden={!drawer.open}>
            {drawer.open ? (
              drawer.Body ? (
                <drawer.Body
                  map={map}
                  videoId={map.videoId ?? view.videoId}
                  store={drawer.store}
                  palette={palette}
                  clock={clock}
                  target={drawer.target}
                  query={drawer.query}
                  onQueryChange={drawer.setQuery}
                  onMatchSlices={drawer.setMatchSlices}
                  onSeek={(ms) => clock.seek(ms)}
                  onClose={drawer.close}
                  onCopy={(text) => actions.copyText(text)}
                />
              ) : (
                <p class="transcript-status" role="status">
                  {drawer.bodyError ?? 'Loading the transcript…'}
                </p>
              )
            ) : null}
          </section>
          <footer class="foot">
            <TrackPicker track={view.track} tracks={view.tracks} onTrackChange={actions.onTrackChange} />
            <span class="segments">{segmentsLine(map)}</span>
            {view.cached ? <span class="cached">from cache</span> : null}
          </footer>
          {diagnostics}
          <p class="caveat">{CAVEAT}</p>
        </div>
      ) : offTopic ? (
        <div class="body">
          <div class="status status-off-topic" role="status">
            <p class="status-sentence">{offTopicSentence(offTopic, view.track?.languageCode)}</p>
            <button type="button" class="button" data-action="show-anyway" onClick={() => actions.onShowAnyway()}>
              {SHOW_ANYWAY_LABEL}
            </button>
          </div>
          <footer class="foot">
            <TrackPicker track={view.track} tracks={view.tracks} onTrackChange={actions.onTrackChange} />
            <span class="segments">{segmentsLine(offTopic)}</span>
          </footer>
        </div>
      ) : (
        <div class="body">
          <StatusView view={view.state === 'ready' ? { ...view, state: 'error', message: view.message ?? 'The map is missing' } : view} onRetry={actions.onRetry} />
          {diagnostics}
          {view.state !== 'no-captions' ? (
            <footer class="foot">
              <TrackPicker track={view.track} tracks={view.tracks} onTrackChange={actions.onTrackChange} />
            </footer>
          ) : null}
        </div>
      )}
    </section>
  );
}

/** The drawer's state that outlives its opening and closing: the loaded transcript, the query, its matches. */
function useDrawer(map: PerspectiveMap | undefined, savedOpen: boolean, actions: PanelActions) {
  const [open, setOpenState] = useState(savedOpen);
  const [target, setTarget] = useState<DrawerTarget | null>(null);
  const [query, setQuery] = useState('');
  const [matchSlices, setMatchSlices] = useState<ReadonlySet<number>>(NO_SLICES);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => setOpenState(savedOpen), [savedOpen]);

  // One store per map (video, track, lexicons): the worker's pages carry that map's slices and marks. The
  // drawer subscribes to it, so pages arriving re-render the drawer only, never the arc's thousands of bars.
  const store: TranscriptStore = useMemo(() => createTranscriptStore((from, count) => actions.loadTranscript(from, count)), [map]);
  useEffect(() => () => store.dispose(), [store]);
  useEffect(() => {
    if (open && map) store.start();
  }, [open, map, store]);

  // The drawer's code arrives on first open (load-chunks.ts); the first page of cues is asked for meanwhile. A failed
  // load is tried again on the next open.
  const body = useLoadedPart(open, actions.loadDrawer);

  const setOpen = (next: boolean) => {
    setOpenState(next);
    actions.onTranscriptOpenChange(next);
  };
  return {
    open,
    setOpen,
    close: () => {
      setOpen(false);
      // Focus goes back where the drawer was opened from.
      const back = opener.current;
      opener.current = null;
      queueMicrotask(() => {
        if (back?.isConnected) back.focus();
      });
    },
    Body: body.part,
    bodyError: body.error === null ? null : `The transcript could not be shown (${body.error}). Reload the page.`,
    target,
    showSlice: (slice: number) => setTarget((prev) => ({ slice, seq: (prev?.seq ?? 0) + 1 })),
    store,
    query,
    setQuery,
    matchSlices,
    setMatchSlices: (next: ReadonlySet<number>) => setMatchSlices((prev) => (sameSet(prev, next) ? prev : next)),
    opener,
  };
}

/**
 * Where the diagnostics box goes (`[data-diagnostics]`): drawn at once, the box's code arriving on first use
 * (load-chunks.ts). A failed load says so, with a button that tries again (as does the box's next showing).
 */
function DiagnosticsSlot({ missing, actions }: { missing: MissingPart[]; actions: PanelActions }) {
  const { part: Box, error, retry } = useLoadedPart(true, actions.loadDiagnostics);
  const record = actions.diagnosticsRecord;
  return (
    <div class="diagnostics" data-diagnostics="">
      {Box && record ? (
        <Box missing={missing} record={record} copyText={(text) => actions.copyText(text).then(() => true, () => false)} />
      ) : (
        <p class="status-sentence" role="status">
          {error === null ? 'Loading the diagnostics…' : `The diagnostics could not be shown (${error}). `}
          {error === null ? null : (
            <button type="button" class="button" data-action="retry-diagnostics" onClick={retry}>
              Try again
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/**
 * A part of the panel loaded on first use (load-chunks.ts): loaded once `wanted`, again after a failure when `wanted`
 * turns true again or on `retry()`. The part is drawn in a task of its own: the chunk's evaluation (the import's
 * continuation runs at the end of its task) plus the part's first render — for the drawer also measuring and
 * scrolling — would otherwise be one long task (bench/drawer.ts). `error` is the failure's message.
 */
function useLoadedPart<T>(wanted: boolean, load: () => Promise<T>) {
  const [part, setPart] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!wanted || part) return;
    let current = true;
    setError(null);
    load().then(
      (loaded) => setTimeout(() => current && setPart(() => loaded), 0),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [wanted, part, attempt]);
  return { part, error, retry: () => setAttempt((n) => n + 1) };
}

const NO_SLICES: ReadonlySet<number> = new Set();

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
