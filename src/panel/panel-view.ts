/**
 * CONTRACT between the watch-page session (src/content) and the panel (src/panel).
 * The session decides *what* to show; the panel decides *how*, and owns the host element
 * `#perspective-map` with the DESIGN §9 attributes (data-video-id, data-state, data-slices,
 * data-source, data-cached).
 */
import type { CaptionSource, TrackRef } from '../captions/caption-track';
import type { TranscriptPage } from '../messaging/protocol';
import type { PerspectiveMap } from '../scoring/perspective-map';
import type { Diagnostics, MissingPart } from '../youtube-page/diagnostics';
import type { StripStatus } from './progress-strip';

export type PanelState = 'loading' | 'ready' | 'no-captions' | 'unavailable' | 'error' | 'skipped' | 'off-topic';

export interface PanelView {
  state: PanelState;
  videoId: string;
  /**
   * When ready; also when off-topic (DESIGN §9.1: the map is computed and cached in full, only not drawn until
   * the user asks for it).
   */
  map?: PerspectiveMap;
  source?: CaptionSource;
  cached?: boolean;
  /** The track used, and the tracks the user may switch to. */
  track?: TrackRef;
  tracks?: TrackRef[];
  /** Human sentence for loading / no-captions / unavailable / error / skipped (e.g. "This video has no captions"). */
  message?: string;
  /** For unavailable: what was tried, one line each (e.g. "player: empty response"). */
  attempts?: string[];
  /** Loading progress 0…1, when known. */
  progress?: number;
  /** When ready: where this episode sits against the user's other mapped episodes of its channel (one sentence). */
  channelBaseline?: string;
  /** Parts of the page (or of the pipeline) that were not found: the panel says so, with "Copy diagnostics". */
  missing?: MissingPart[];
  /** Display settings (from src/settings). */
  display?: { palette: 'default' | 'colorblind'; progressBarStrip: boolean; collapsed: boolean; transcriptOpen?: boolean };
}

export interface PanelDeps {
  /** The watch page's current <video> (it may be swapped by YouTube; look it up each time). */
  getVideo(): HTMLVideoElement | null;
  /** Retry button (error / unavailable states). */
  onRetry(): void;
  /** The user picked another caption track (vssId). */
  onTrackChange(vssId: string): void;
  /** The user collapsed or expanded the panel (persisted by the session in settings). */
  onCollapsedChange(collapsed: boolean): void;
  /** The user opened or closed the transcript drawer (persisted by the session in settings). */
  onTranscriptOpenChange(open: boolean): void;
  /** A page of the current map's transcript (cs-bg:transcript for the video and track shown). */
  loadTranscript(from: number, count: number): Promise<TranscriptPage>;
  /** Puts text on the clipboard (the drawer's Copy). */
  copyText(text: string): Promise<void>;
  /** Off-topic state: "Show the map anyway" — draw this video's map and remember the choice for it. */
  onShowAnyway(): void;
  /**
   * Optional: the diagnostics record of the page as it is now, for "Copy diagnostics" (enumerations only: no URL,
   * title or page text; src/youtube-page/diagnostics.ts). The panel's diagnostics box formats it (it is loaded on
   * first use, and the formatter with it).
   */
  diagnosticsRecord?(): Diagnostics | null;
  /** Optional: the session's AbortSignal. When it aborts, the panel removes itself and stops waiting for a place on the page. */
  signal?: AbortSignal;
}

export interface PanelController {
  update(view: PanelView): void;
  /** Where the panel and the progress-bar strip are attached now (null: not found / not drawn). */
  attachment?(): PanelAttachment;
  remove(): void;
}

export interface PanelAttachment {
  place: 'below' | 'secondary' | 'last-resort' | null;
  progressBar: 'chaptered-host' | 'line-host' | 'classic-bar' | null;
  /** `no-bar`: a map to draw and a duration, but no progress bar on the page. */
  progressBarStatus: StripStatus;
}
