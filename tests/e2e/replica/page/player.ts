import { API_READY_DELAY_MS, installPlayerApi, playerTimedtextUrl, type PlayerBackend, type PlayerEventName, type TrackLike } from '../inferred/player-api';
import type { ReplicaPageData } from './page-data';

/**
 * The replica's fake player: owns the captions state for the current video, requests `/api/timedtext` with a
 * `pot` when captions turn on (with `fetch`, so a page-world observer sees it), renders caption text, plays the
 * ad at start, and exposes the YouTube-shaped API through inferred/player-api.ts.
 */
export interface ReplicaPlayer {
  /** Points the player at a new video (hard load or SPA navigation) and its (possibly new) `<video>`. */
  load(data: ReplicaPageData, video: HTMLVideoElement): void;
  /** Resolves once the API methods are attached to the element. */
  ready: Promise<void>;
}

interface CaptionLine {
  startMs: number;
  endMs: number;
  text: string;
}

/** `attachApi: false` models a player whose API the page's scripts never attach (renamed, changed build). */
export function createReplicaPlayer(root: HTMLElement, win: Window, options: { attachApi: boolean } = { attachApi: true }): ReplicaPlayer {
  const doc = win.document;
  let data: ReplicaPageData | null = null;
  let video: HTMLVideoElement = root.querySelector('video')!;
  let moduleLoaded = false;
  let on = false;
  let track: TrackLike | null = null;
  let lines: CaptionLine[] = [];
  const potByVideo = new Map<string, string>();
  const listeners = new Map<PlayerEventName, Set<(...args: unknown[]) => void>>();
  let generation = 0;
  let adTimer: ReturnType<typeof setTimeout> | undefined;

  const emit = (name: PlayerEventName, ...args: unknown[]) => {
    for (const fn of listeners.get(name) ?? []) {
      try {
        fn(...args);
      } catch (e) {
        console.error(e);
      }
    }
  };
  const tracks = (): TrackLike[] => data?.playerResponse.captions?.playerCaptionsTracklistRenderer.captionTracks ?? [];
  const button = () => root.querySelector<HTMLElement>('.ytp-subtitles-button');
  const captionWindow = () => root.querySelector<HTMLElement>('.ytp-caption-window-container');

  const renderCaption = () => {
    const box = captionWindow();
    if (!box) return;
    const ms = video.currentTime * 1000;
    const line = on ? lines.find((l) => l.startMs <= ms && ms < l.endMs) : undefined;
    const text = line?.text ?? '';
    const current = box.querySelector('.ytp-caption-segment');
    if ((current?.textContent ?? '') === text) return;
    box.replaceChildren();
    if (!text) return;
    const windowEl = doc.createElement('div');
    windowEl.className = 'caption-window ytp-caption-window-bottom';
    const captionsText = doc.createElement('span');
    captionsText.className = 'captions-text';
    const segment = doc.createElement('span');
    segment.className = 'ytp-caption-segment';
    segment.textContent = text;
    captionsText.append(segment);
    windowEl.append(captionsText);
    box.append(windowEl);
  };

  const syncButton = () => {
    const b = button();
    if (!b) return;
    b.setAttribute('aria-pressed', String(on));
    const available = tracks().length > 0;
    b.setAttribute('aria-disabled', String(!available));
    b.setAttribute('title', available ? 'Subtitles/closed captions (c)' : 'Subtitles/closed captions unavailable');
  };

  /** Stands in for BotGuard: the replica's token for this video, fetched once per video. */
  const obtainPot = async (videoId: string): Promise<string> => {
    const known = potByVideo.get(videoId);
    if (known) return known;
    const res = await fetch(`/replica-internal/pot?v=${encodeURIComponent(videoId)}`);
    return res.text();
  };

  const fetchCaptions = async (chosen: TrackLike) => {
    const current = data;
    const gen = generation;
    if (!current) return;
    const pot = await obtainPot(current.videoId);
    const res = await fetch(playerTimedtextUrl(chosen.baseUrl, pot, 'json3'));
    const body = await res.text();
    if (gen !== generation) return;
    // The token is "initialised" for this video once the player has used it (getAudioTrack urls then carry it).
    potByVideo.set(current.videoId, pot);
    lines = parseJson3Lines(body);
    renderCaption();
  };

  const setSubtitles = (next: boolean, chosen?: TrackLike) => {
    if (!data || tracks().length === 0) return;
    if (!next) {
      on = false;
      lines = [];
    } else {
      moduleLoaded = true;
      const wanted = chosen ?? track ?? defaultTrack(tracks());
      const changed = wanted !== track || !on;
      track = wanted;
      on = true;
      if (changed && wanted) void fetchCaptions(wanted).catch((e) => console.warn('replica player: captions failed', e));
    }
    syncButton();
    renderCaption();
  };

  const backend: PlayerBackend = {
    playerResponse: () => data?.playerResponse,
    videoData: () => ({
      video_id: data?.videoId ?? '',
      title: data?.title ?? '',
      author: data?.channelName ?? '',
      isLive: data?.variants.live ?? false,
      isPremiere: false,
      isListed: true,
      isPlayable: true,
      errorCode: null,
      list: '',
      cpn: 'ReplicaCpn000000',
      eventId: 'replicaEventId',
      video_quality: 'medium',
    }),
    tracks,
    captionsModuleLoaded: () => moduleLoaded,
    loadCaptionsModule: () => {
      moduleLoaded = tracks().length > 0;
    },
    unloadCaptionsModule: () => {
      setSubtitles(false);
      moduleLoaded = false;
    },
    currentTrack: () => track,
    subtitlesOn: () => on,
    setSubtitles,
    potIfLoaded: () => (data ? (potByVideo.get(data.videoId) ?? null) : null),
    state: () => (video.ended ? 0 : video.paused ? (video.played.length === 0 ? -1 : 2) : video.readyState < 3 ? 3 : 1),
    video: () => video,
    duration: () => data?.lengthSeconds ?? video.duration,
    addPlayerListener: (name, fn) => {
      const set = listeners.get(name) ?? new Set();
      set.add(fn);
      listeners.set(name, set);
    },
    removePlayerListener: (name, fn) => listeners.get(name)?.delete(fn),
  };

  const startAd = (seconds: number) => {
    root.classList.add('ad-showing', 'ad-interrupting');
    emit('onAdStart');
    adTimer = setTimeout(() => {
      root.classList.remove('ad-showing', 'ad-interrupting');
      emit('onAdFinish');
    }, seconds * 1000);
  };

  let apiInstalled = false;
  const onTimeUpdate = () => renderCaption();
  const onPlayState = () => emit('onStateChange', backend.state());

  const ready = new Promise<void>((resolve) => {
    setTimeout(() => {
      // Without the API the player still plays, draws captions and honours the CC button; only its methods are missing.
      if (options.attachApi) installPlayerApi(root, backend);
      apiInstalled = true;
      resolve();
    }, API_READY_DELAY_MS);
  });

  root.querySelector('.ytp-subtitles-button')?.addEventListener('click', () => setSubtitles(!on));

  return {
    ready,
    load(next, nextVideo) {
      generation++;
      clearTimeout(adTimer);
      root.classList.remove('ad-showing', 'ad-interrupting');
      for (const type of ['timeupdate', 'seeked']) video.removeEventListener(type, onTimeUpdate);
      for (const type of ['play', 'pause', 'ended']) video.removeEventListener(type, onPlayState);
      data = next;
      video = nextVideo;
      for (const type of ['timeupdate', 'seeked']) video.addEventListener(type, onTimeUpdate);
      for (const type of ['play', 'pause', 'ended']) video.addEventListener(type, onPlayState);
      const wasOn = on;
      on = false;
      lines = [];
      track = null;
      moduleLoaded = false;
      syncButton();
      renderCaption();
      const afterReady = () => {
        if (generation !== gen) return;
        emit('onVideoDataChange', { type: 'newdata' });
        if (next.variants.adAtStart) startAd(next.variants.adSeconds);
        // YouTube keeps the user's CC choice across videos; uploader defaults turn it on too.
        if (next.variants.captionsOnByDefault || wasOn) setSubtitles(true);
      };
      const gen = generation;
      if (apiInstalled) afterReady();
      else void ready.then(afterReady);
    },
  };
}

/** YouTube's default pick: the first uploaded track, else the ASR one. */
function defaultTrack(tracks: TrackLike[]): TrackLike | null {
  return tracks.find((t) => t.kind !== 'asr') ?? tracks[0] ?? null;
}

/** Just enough json3 reading to draw caption text (the product's parser is what is under test, not this). */
function parseJson3Lines(body: string): CaptionLine[] {
  if (!body) return [];
  try {
    const json = JSON.parse(body) as { events?: { tStartMs?: number; dDurationMs?: number; aAppend?: number; segs?: { utf8?: string }[] }[] };
    return (json.events ?? [])
      .filter((e) => e.segs && !e.aAppend)
      .map((e) => ({
        startMs: e.tStartMs ?? 0,
        endMs: (e.tStartMs ?? 0) + (e.dDurationMs ?? 0),
        text: (e.segs ?? []).map((s) => s.utf8 ?? '').join('').trim(),
      }))
      .filter((l) => l.text);
  } catch {
    return [];
  }
}
