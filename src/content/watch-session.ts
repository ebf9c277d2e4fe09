/**
 * One watch session per video id: acquire the captions (src/acquisition), have the worker score them,
 * and decide what the panel shows. Everything hangs off this object and its AbortSignals: a run that
 * has been superseded (navigation, retry, track switch, settings change) can never show anything,
 * because every `show` checks the run's signal and the video id first.
 */
import type { CaptionTrack, TrackRef } from '../captions/caption-track';
import { toTrackRef } from '../captions/caption-track';
import { pickTrack, withEnglishTranslations } from '../captions/pick-track';
import { BridgeTimeoutError, type BridgeClient } from '../bridge/bridge-client';
import type { InnertubeConfig } from '../bridge/bridge-protocol';
import { acquireCaptions } from '../acquisition/acquire-captions';
import { describeAttempt, type AcquisitionStrategy, type Attempt } from '../acquisition/acquisition-strategy';
import type { HelperlessListing } from '../acquisition/list-tracks-without-helper';
import type { MapAnswer, MessageArgs, ScoreTarget } from '../messaging/protocol';
import type { PanelView } from '../panel/panel-view';
import type { ShowAnywayStore } from '../settings/show-anyway';
import type { VideoDetails } from '../library/library-schema';

/** The worker, as the session sees it (background-client.ts: chunked uploads, one retry when the worker went away). */
export interface SessionBackground {
  lookup(args: MessageArgs<'cs-bg:lookup'>, signal?: AbortSignal): Promise<MapAnswer | null>;
  score(args: ScoreTarget & { body: string }, signal?: AbortSignal): Promise<MapAnswer>;
}

export interface SessionTimings {
  /** Bound on the page helper's snapshot answer. */
  snapshotMs: number;
  /** Bound on each strategy (an ~8 s stall moves on). */
  strategyMs: number;
}

export interface SessionDeps {
  bridge: Pick<BridgeClient, 'request'>;
  strategies: readonly AcquisitionStrategy[];
  /** The track list the isolated world can get alone, for when the page helper does not answer (bounded by the signal). */
  listWithoutHelper(videoId: string, signal: AbortSignal): Promise<HelperlessListing>;
  background: SessionBackground;
  /** Shows a view (the controller drops it unless this session is still the current one). */
  show(view: PanelView): void;
  preferredLanguage(): Promise<string>;
  /** The user's "Show the map anyway" choices (src/settings/show-anyway.ts). */
  showAnyway: Pick<ShowAnywayStore, 'has' | 'remember'>;
  isAdShowing(): boolean;
  /** Calls `onChange` whenever the player's ad flag may have changed, until `signal` aborts (ad-watch.ts: no polling). */
  watchAd(onChange: () => void, signal: AbortSignal): void;
  newRequestId(): string;
  timings: SessionTimings;
}

export const NO_CAPTIONS_MESSAGE = 'This video has no captions';
export const UNAVAILABLE_MESSAGE = 'YouTube did not hand over the captions';
export const AD_MESSAGE = 'An ad is playing; the map follows when it ends';
export const LIVE_MESSAGE = 'This is a live stream: its map appears once the broadcast has ended';
export const HELPER_SILENT = 'the page helper did not answer';

/**
 * When no track list exists at all (no helper, the ANDROID request refused, no page data for this video), the
 * transcript panel is still worth a try: this stands for "whatever the panel shows". It has no URL, so only
 * the `panel` strategy ever gets it.
 */
export const PANEL_ONLY_TRACK: CaptionTrack = { baseUrl: '', languageCode: 'und', vssId: 'transcript-panel', name: 'Transcript panel' };

/** What the pipeline goes on with after listing the tracks, or the view that ends the run. */
type Listed =
  | { done: PanelView; attempts?: Attempt[] }
  | {
      tracks: CaptionTrack[];
      innertube: InnertubeConfig | null;
      strategies: readonly AcquisitionStrategy[];
      attempts: Attempt[];
      /** The page's title/channel/duration (from the helper's snapshot), for the episode library. */
      details?: VideoDetails;
    };

export class WatchSession {
  private readonly life = new AbortController();
  private runController: AbortController | null = null;
  private adShown = false;
  /** Resolvers of runs waiting for an ad to end (waitWhileAd). */
  private readonly adEndWaiters = new Set<() => void>();
  private tracks: CaptionTrack[] = [];
  private chosenVssId: string | null = null;
  private requestId: string | null = null;
  /** "Show the map anyway" was chosen on this page (holds even if storing the choice failed). */
  private shownAnyway = false;
  /** Every attempt of the latest run, structured (the diagnostics read strategy, outcome and client names only). */
  attemptLog: Attempt[] = [];
  /** The last view this session decided on (what the panel returns to after an ad). */
  view: PanelView;
  track: TrackRef | null = null;

  constructor(
    readonly videoId: string,
    private readonly deps: SessionDeps,
  ) {
    this.view = { state: 'loading', videoId };
    deps.watchAd(() => this.checkAd(), this.life.signal);
  }

  get signal(): AbortSignal {
    return this.life.signal;
  }

  /** What the panel shows right now (during an ad: the ad notice; otherwise the session's view). */
  get displayed(): PanelView {
    return this.adShown ? { state: 'skipped', videoId: this.videoId, message: AD_MESSAGE } : this.view;
  }

  /** (Re)runs the whole pipeline; a previous run of this session is abandoned. */
  start(options: { bypassCache?: boolean } = {}): Promise<void> {
    this.runController?.abort();
    const run = new AbortController();
    this.runController = run;
    const signal = AbortSignal.any([this.life.signal, run.signal]);
    return this.run(signal, options.bypassCache === true).catch((error: unknown) => {
      if (signal.aborted) return;
      this.show(signal, { state: 'error', videoId: this.videoId, message: error instanceof Error ? error.message : String(error) });
    });
  }

  switchTrack(vssId: string): Promise<void> {
    this.chosenVssId = vssId;
    return this.start();
  }

  /** Worker progress for this session's current score request. */
  progress(requestId: string, fraction: number): void {
    if (requestId !== this.requestId || this.view.state !== 'loading' || this.life.signal.aborted) return;
    this.view = { ...this.view, progress: Math.max(0, Math.min(1, fraction)) };
    if (!this.adShown) this.deps.show(this.view);
  }

  dispose(): void {
    this.life.abort();
  }

  private show(signal: AbortSignal, view: PanelView): void {
    if (signal.aborted || view.videoId !== this.videoId) return;
    this.view = view;
    if (!this.adShown) this.deps.show(view);
  }

  /** Ads hide the map (mid-roll too) and bring it back when they end; the session's view is kept. */
  private checkAd(): void {
    if (this.life.signal.aborted) return;
    const ad = this.deps.isAdShowing();
    if (!ad) for (const wake of [...this.adEndWaiters]) wake();
    if (ad === this.adShown) return;
    this.adShown = ad;
    this.deps.show(ad ? { state: 'skipped', videoId: this.videoId, message: AD_MESSAGE } : this.view);
  }

  /** Resolves once no ad is showing (told by watchAd), or when the run is abandoned. */
  private async waitWhileAd(signal: AbortSignal): Promise<void> {
    this.checkAd();
    if (!this.deps.isAdShowing() || signal.aborted) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.adEndWaiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.adEndWaiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private async run(signal: AbortSignal, bypassCache: boolean): Promise<void> {
    const { deps, videoId } = this;
    this.requestId = null;
    this.attemptLog = [];
    this.show(signal, { ...this.view, state: 'loading', videoId, message: 'Reading the captions…', progress: undefined, map: undefined });
    await this.waitWhileAd(signal);
    if (signal.aborted) return;

    const listed = await this.listTracks(signal);
    if (!listed || signal.aborted) return;
    if ('done' in listed) {
      this.attemptLog = listed.attempts ?? [];
      return this.show(signal, listed.done);
    }
    this.attemptLog = [...listed.attempts];
    const { innertube, details } = listed;
    const withDetails = details ? { details } : {};
    // The lexicons are English: a video without an English track also offers YouTube's English translation.
    this.tracks = withEnglishTranslations(listed.tracks);

    const track =
      (this.chosenVssId !== null ? this.tracks.find((t) => t.vssId === this.chosenVssId) : undefined) ??
      pickTrack(this.tracks, await deps.preferredLanguage());
    if (signal.aborted) return;
    if (!track) return this.show(signal, { state: 'no-captions', videoId, message: NO_CAPTIONS_MESSAGE });
    const trackRef = toTrackRef(track);
    this.track = trackRef;
    const tracks = this.tracks.map(toTrackRef);
    const trackView = { track: trackRef, tracks };
    this.show(signal, { state: 'loading', videoId, message: 'Reading the captions…', ...trackView });

    if (!bypassCache) {
      const cached = await deps.background.lookup({ videoId, track: trackRef, ...withDetails }, signal);
      if (signal.aborted) return;
      if (cached) return await this.showMap(signal, cached, trackView);
    }

    const acquired = await acquireCaptions(
      listed.strategies,
      { videoId, track, tracks: this.tracks, innertube },
      { signal, timeoutMs: deps.timings.strategyMs },
    ).catch((error: unknown) => {
      if (signal.aborted) return null;
      throw error;
    });
    if (!acquired || signal.aborted) return;
    this.attemptLog = [...listed.attempts, ...acquired.attempts];
    if (!acquired.ok) {
      return this.show(signal, {
        state: 'unavailable',
        videoId,
        message: UNAVAILABLE_MESSAGE,
        attempts: this.attemptLog.map(describeAttempt),
        ...trackView,
      });
    }

    const requestId = deps.newRequestId();
    this.requestId = requestId;
    this.show(signal, { state: 'loading', videoId, message: 'Scoring…', progress: 0, ...trackView });
    const answer = await deps.background.score({ videoId, track: trackRef, source: acquired.source, body: acquired.body, requestId, ...withDetails }, signal);
    if (signal.aborted) return;
    await this.showMap(signal, { ...answer, source: answer.source ?? acquired.source }, trackView);
  }

  /**
   * "Show the map anyway" (off-topic state): draws the map this session already has and remembers the choice
   * for this video. The map is drawn even when the choice cannot be stored (it then holds for this page only).
   */
  async showAnyway(): Promise<void> {
    const view = this.view;
    if (view.state !== 'off-topic' || !view.map) return;
    this.shownAnyway = true;
    this.deps.show((this.view = { ...view, state: 'ready' }));
    await this.deps.showAnyway.remember(this.videoId).catch((error: unknown) => {
      console.warn('[perspective-map] the "show anyway" choice could not be stored', error);
    });
  }

  /**
   * The tracks of this video: from the page helper's snapshot, or — when the helper does not answer or fails —
   * from what the isolated world can get alone (then the `player` strategy cannot run; its failure is recorded).
   * A video that is live right now ends here as `skipped`: its captions are a moving window, and a map of them
   * would be cached as if it were the whole broadcast.
   */
  private async listTracks(signal: AbortSignal): Promise<Listed | null> {
    const { deps, videoId } = this;
    let snapshot;
    try {
      snapshot = await deps.bridge.request('snapshot', { videoId }, { signal, timeoutMs: deps.timings.snapshotMs });
    } catch (error) {
      if (signal.aborted) return null;
      const silent = error instanceof BridgeTimeoutError;
      const why = silent ? HELPER_SILENT : `the page helper failed (${error instanceof Error ? error.message : String(error)})`;
      return this.listAlone(signal, { strategy: 'player', outcome: silent ? 'timeout' : 'error', detail: why, line: why });
    }
    if (snapshot.live === true) return { done: { state: 'skipped', videoId, message: LIVE_MESSAGE } };
    const listing = snapshot.listing;
    if (listing.status === 'no-captions') return { done: { state: 'no-captions', videoId, message: NO_CAPTIONS_MESSAGE } };
    if (listing.status !== 'ok') {
      const attempt: Attempt = { strategy: 'player', outcome: listing.status === 'bot-check' ? 'bot-check' : 'unavailable', detail: listing.reason };
      return { done: { state: 'unavailable', videoId, message: UNAVAILABLE_MESSAGE, attempts: [`player: ${listing.status} (${listing.reason})`] }, attempts: [attempt] };
    }
    return {
      tracks: listing.tracks,
      innertube: snapshot.innertube,
      strategies: deps.strategies,
      attempts: [],
      ...(snapshot.details ? { details: snapshot.details } : {}),
    };
  }

  private async listAlone(signal: AbortSignal, helperAttempt: Attempt): Promise<Listed | null> {
    const { deps, videoId } = this;
    const bounded = AbortSignal.any([signal, AbortSignal.timeout(deps.timings.strategyMs)]);
    const alone = await deps.listWithoutHelper(videoId, bounded);
    if (signal.aborted) return null;
    if (alone.live === 'live') return { done: { state: 'skipped', videoId, message: LIVE_MESSAGE } };
    if (alone.status === 'no-captions') return { done: { state: 'no-captions', videoId, message: NO_CAPTIONS_MESSAGE } };
    const attempts = [helperAttempt];
    // Only clean (ANDROID) URLs are worth a `direct` attempt; a failed ANDROID request is not repeated.
    const directUseful = alone.from === 'android';
    if (!directUseful && alone.androidFailure) attempts.push(alone.androidFailure);
    const strategies = deps.strategies.filter((s) => s.name === 'panel' || (s.name === 'direct' && directUseful));
    const tracks = alone.status === 'ok' ? alone.tracks : [PANEL_ONLY_TRACK];
    return { tracks, innertube: alone.innertube, strategies, attempts };
  }

  /**
   * The answer carries the strategy that delivered the captions (kept with the cache, so a reload still says it).
   * A map of a video that says too little about AI is `off-topic` (DESIGN §9.1) unless the user chose to see it:
   * the same map, computed and cached in full, only not drawn until asked.
   */
  private async showMap(signal: AbortSignal, answer: MapAnswer, trackView: Pick<PanelView, 'track' | 'tracks'>): Promise<void> {
    const source = answer.source;
    // A map for another video (a confused worker, a stale cache row) is never drawn.
    if (answer.map.videoId !== undefined && answer.map.videoId !== this.videoId) {
      return this.show(signal, { state: 'error', videoId: this.videoId, message: 'The map received was for another video', ...trackView });
    }
    const offTopic = answer.map.headline.topic?.onTopic === false && !this.shownAnyway && !(await this.deps.showAnyway.has(this.videoId).catch(() => false));
    this.show(signal, {
      state: offTopic ? 'off-topic' : 'ready',
      videoId: this.videoId,
      map: answer.map,
      cached: answer.origin === 'cache',
      ...(source ? { source } : {}),
      ...(answer.baseline ? { channelBaseline: answer.baseline.sentence } : {}),
      ...trackView,
    });
  }
}
