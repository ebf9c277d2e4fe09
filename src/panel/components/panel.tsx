/**
 * The panel's root: chooses what to draw for a `PanelView`. Props only — everything it shows comes from
 * `view`, everything it does goes through `actions` or `clock`; it never reaches for the page.
 */
import type { PanelDeps, PanelView } from '../panel-view';
import { paletteFor } from '../colour-scale';
import { collapsedLine, headlineLines, offTopicSentence, segmentsLine } from '../headline-text';
import type { VideoClock } from '../video-clock';
import { EpisodeArc } from './episode-arc';
import { PerspectiveStrip } from './perspective-strip';
import { StatusView, statusSentence } from './status-view';
import { TrackPicker } from './track-picker';
import { DiagnosticsBox } from './diagnostics-box';

export const CAVEAT = 'Captions are an imperfect primary source: they can mis-hear names and technical terms.';

export interface CopyResult {
  text: string;
  copied: boolean;
}

export type PanelActions = Pick<PanelDeps, 'onRetry' | 'onTrackChange' | 'onCollapsedChange' | 'onShowAnyway'> & {
  /** Copies the diagnostics text for a bug report; resolves with the text and whether the clipboard took it. */
  onCopyDiagnostics?(): Promise<CopyResult>;
};

export const SHOW_ANYWAY_LABEL = 'Show the map anyway';

export interface PanelProps {
  view: PanelView;
  actions: PanelActions;
  clock: VideoClock;
}

export function Panel({ view, actions, clock }: PanelProps) {
  // The host is display:none while skipped (mount-panel); the reason is still put in the tree, so it is there to read.
  if (view.state === 'skipped') return view.message ? <p class="status-sentence skipped-reason">{view.message}</p> : null;
  const collapsed = view.display?.collapsed === true;
  const palette = paletteFor(view.display?.palette);
  const map = view.state === 'ready' ? view.map : undefined;
  const offTopic = view.state === 'off-topic' && view.map ? view.map : undefined;
  const oneLine = map ? collapsedLine(map) : offTopic ? offTopicSentence(offTopic, view.track?.languageCode) : statusSentence(view);
  const missing = [...new Set([...(view.state === 'unavailable' ? (['captions'] as const) : []), ...(view.missing ?? [])])];
  const diagnostics = missing.length > 0 && actions.onCopyDiagnostics ? <DiagnosticsBox missing={missing} onCopy={actions.onCopyDiagnostics} /> : null;

  const seekSlice = (index: number) => {
    const slice = map?.slices[index];
    if (slice) clock.seek(slice.startMs);
  };

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
          <PerspectiveStrip slices={map.slices} headline={map.headline} palette={palette} onSeekSlice={seekSlice} />
          <div class="arc-head">
            <h3>Episode arc by segment</h3>
            <span class="legend">Early → late · height = spectrum position · colour = band · evenly spaced in transcript order</span>
          </div>
          <EpisodeArc slices={map.slices} palette={palette} clock={clock} onSeekSlice={seekSlice} />
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
