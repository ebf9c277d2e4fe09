/**
 * The watch page as a whole: follows navigation, keeps exactly one current WatchSession (per video id),
 * owns the one panel, and wires settings and extension messages to the session. Created by
 * startWatchPage(); nothing lives at module level.
 */
import type { PanelController, PanelDeps, PanelView } from '../panel/panel-view';
import type { PageSettings as Settings } from '../settings/page-settings';
import type { TrackRef } from '../captions/caption-track';
import type { TranscriptArgs, TranscriptPage } from '../messaging/protocol';
import type { PerspectiveMap } from '../scoring/perspective-map';
import { classifyPage } from './page-kind';
import type { DiagnosticsInput } from './collect-diagnostics';
import type { Diagnostics, MissingPart } from '../youtube-page/diagnostics';
import { WatchSession, type SessionDeps } from './watch-session';

export interface ControllerDeps extends Omit<SessionDeps, 'show'> {
  mountPanel(deps: PanelDeps, view: PanelView): Promise<PanelController>;
  getVideo(): HTMLVideoElement | null;
  readSettings(): Promise<Settings>;
  writeCollapsed(collapsed: boolean): Promise<void>;
  /** Persists whether the transcript drawer is open. */
  writeTranscriptOpen(open: boolean): Promise<void>;
  /** cs-bg:transcript: a page of the episode's cues for the drawer. */
  loadTranscript(args: TranscriptArgs): Promise<TranscriptPage>;
  copyText(text: string): Promise<void>;
  /** The diagnostics record of the page as it is now (collect-diagnostics.ts); absent in tests that do not need it. */
  collectDiagnostics?(input: DiagnosticsInput): Diagnostics;
}

export interface Summary {
  videoId: string | null;
  state: string;
  map: PerspectiveMap | null;
  track: TrackRef | null;
  /** The sentence the panel shows for this state (absent for a map), so the popup can use the same words. */
  message?: string;
  /** Parts not found (no place for the panel, no progress bar, no strategy worked), and the diagnostics record. */
  missing?: MissingPart[];
  diagnostics?: Diagnostics;
}

const displayOf = (s: Settings): NonNullable<PanelView['display']> => ({
  palette: s.palette,
  progressBarStrip: s.progressBarStrip,
  collapsed: s.collapsed,
  transcriptOpen: s.transcriptOpen,
});

export class WatchPageController {
  private session: WatchSession | null = null;
  private panel: PanelController | null = null;
  private mounting: Promise<PanelController | null> | null = null;
  private latestView: PanelView | null = null;
  private display: PanelView['display'];
  private settings: Settings | null = null;

  constructor(
    private readonly deps: ControllerDeps,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.leave(), { once: true });
    void deps.readSettings().then((s) => {
      this.settings = s;
      this.display = displayOf(s);
      if (this.latestView) this.render(this.latestView);
    }).catch(() => undefined);
  }

  /** Called with the page's URL whenever it may have changed. */
  onLocation(href: string): void {
    if (this.signal.aborted) return;
    const page = classifyPage(href);
    // Shorts, embeds, the miniplayer on a non-watch URL: no map at all, never a wrong one.
    if (page.kind !== 'watch') return this.leave();
    if (this.session?.videoId === page.videoId) return;
    this.session?.dispose();
    const session = new WatchSession(page.videoId, {
      ...this.deps,
      show: (view) => {
        if (this.session === session && !session.signal.aborted && view.videoId === session.videoId) this.render(view);
      },
    });
    this.session = session;
    void session.start();
  }

  /** Settings changed (popup/options): re-score live, from cache/cues where possible. */
  onSettings(next: Settings, previous: Settings | null): void {
    this.settings = next;
    const displayChanged = JSON.stringify(displayOf(next)) !== JSON.stringify(this.display);
    this.display = displayOf(next);
    const lexiconsChanged =
      previous === null ||
      JSON.stringify(next.enabledLexicons) !== JSON.stringify(previous.enabledLexicons) ||
      JSON.stringify(next.customLexicons) !== JSON.stringify(previous.customLexicons) ||
      next.preferredLanguage !== previous.preferredLanguage;
    if (lexiconsChanged && this.session) void this.session.start();
    else if (displayChanged && this.latestView) this.render(this.latestView);
  }

  /** What the panel shows now (an ad included), for the popup. */
  summary(): Summary {
    const view = this.session?.displayed;
    const missing = this.missing();
    const diagnostics = missing.length > 0 ? this.diagnosticsRecord(missing) : null;
    return {
      videoId: this.session?.videoId ?? null,
      state: view?.state ?? 'none',
      // Off-topic maps are complete too: the popup says what the panel says (not about AI) with the same figures.
      map: view?.state === 'ready' || view?.state === 'off-topic' ? (view.map ?? null) : null,
      track: this.session?.track ?? null,
      ...(view?.state !== 'ready' && view?.message ? { message: view.message } : {}),
      ...(missing.length > 0 ? { missing } : {}),
      ...(diagnostics ? { diagnostics } : {}),
    };
  }

  /** What was not found: the panel's place (a mounted panel with nowhere to go), the progress bar, the captions. */
  private missing(): MissingPart[] {
    if (!this.session) return [];
    const attachment = this.panel?.attachment?.() ?? null;
    const missing: MissingPart[] = [];
    if (this.panel && attachment && attachment.place === null) missing.push('panel-place');
    if (attachment?.progressBarStatus === 'no-bar') missing.push('progress-bar');
    if (this.session.view.state === 'unavailable') missing.push('captions');
    return missing;
  }

  private diagnosticsRecord(missing: MissingPart[]): Diagnostics | null {
    if (!this.deps.collectDiagnostics) return null;
    return this.deps.collectDiagnostics({
      state: (this.session?.displayed.state ?? 'none') as Diagnostics['state'],
      attempts: this.session?.attemptLog ?? [],
      attachment: this.panel?.attachment?.() ?? null,
      missing,
    });
  }

  /** The record "Copy diagnostics" formats and puts on the clipboard (the page as it is now). */
  diagnostics(): Diagnostics | null {
    return this.diagnosticsRecord(this.missing());
  }

  rescore(): void {
    void this.session?.start({ bypassCache: true });
  }

  progress(requestId: string, fraction: number): void {
    this.session?.progress(requestId, fraction);
  }

  private leave(): void {
    this.session?.dispose();
    this.session = null;
    this.latestView = null;
    const panel = this.panel;
    this.panel = null;
    this.mounting = null;
    panel?.remove();
  }

  private render(view: PanelView): void {
    const withDisplay: PanelView = this.display ? { ...view, display: this.display } : view;
    this.latestView = withDisplay;
    if (this.panel) return this.panel.update(withDisplay);
    if (this.mounting) return; // the mount applies latestView when it lands
    const mounting = this.deps
      .mountPanel(
        {
          getVideo: () => this.deps.getVideo(),
          onRetry: () => void this.session?.start(),
          onTrackChange: (vssId) => void this.session?.switchTrack(vssId),
          onCollapsedChange: (collapsed) => void this.deps.writeCollapsed(collapsed).catch(() => undefined),
          onTranscriptOpenChange: (open) => void this.deps.writeTranscriptOpen(open).catch(() => undefined),
          loadTranscript: (from, count) => {
            // The transcript of what the panel shows now: this session's video and track.
            const session = this.session;
            const track = session?.track;
            if (!session || !track) return Promise.reject(new Error('The transcript is not available for this video.'));
            return this.deps.loadTranscript({ videoId: session.videoId, track, from, count });
          },
          copyText: (text) => this.deps.copyText(text),
          onShowAnyway: () => void this.session?.showAnyway(),
          diagnosticsRecord: () => this.diagnostics(),
        },
        withDisplay,
      )
      .then(
        (panel) => {
          if (this.mounting !== mounting || this.signal.aborted) {
            panel.remove();
            return null;
          }
          this.panel = panel;
          this.mounting = null;
          if (this.latestView) panel.update(this.latestView);
          return panel;
        },
        () => {
          if (this.mounting === mounting) this.mounting = null;
          return null;
        },
      );
    this.mounting = mounting;
  }
}
