import type { WebCaptionTrack } from '../page/page-data';
/**
 * INFERRED — the captions-related surface of YouTube's `#movie_player` and the player's own timedtext request.
 * Sources: YOUTUBE-FACTS §1 and §2 (th-ch/youtube-music types, ImprovedTube, asbplayer, maze-utils, captures of
 * the request tail). Every guessed shape or behaviour is here, named, so a real capture can correct it without
 * touching tests. The choices made where the facts are silent or conflicting:
 *
 * - Methods are attached as own properties of the element ~`API_READY_DELAY_MS` after the page script starts
 *   (the facts: not ready on first paint). Before that they are `undefined`.
 * - `getOption('captions','tracklist', …)` → `[]` until the captions module has loaded (CC turned on,
 *   `loadModule('captions')` or `setOption('captions','track', …)`); `includeAsr` is accepted, ASR tracks are
 *   always listed.
 * - `getOption('captions','track')` → `{}` while captions are off (one of two conflicting reports), else the
 *   current tracklist entry.
 * - `setOption('captions','track', {languageCode[, kind]} | entry)` selects and turns captions on; `{}` turns
 *   them off. An unknown language is ignored.
 * - `getAudioTrack().captionTracks[].url` = baseUrl + the player tail; `potc=1&pot=…` are present only after the
 *   player has fetched captions once for the current video. Order: reversed vs the player response.
 * - `addEventListener(name, fn)` on the element handles player events (`onAdStart`, `onAdFinish`,
 *   `onStateChange`); other names go to the DOM's own addEventListener.
 * - timedtext `fmt`: the replica server honours the FIRST `fmt` in the query (`URLSearchParams.get`). Unconfirmed
 *   ("first fmt wins" in the facts); it punishes clients that append `&fmt=json3` to a URL already ending
 *   `&fmt=srv3` instead of setting it. Without `fmt` the body is srv1, as on YouTube.
 * - `tlang=` (auto-translate): see inferred/translation.ts (a translation file per episode track, else the original).
 * - Without a valid `pot` *and* `c=WEB`, an `exp=xpe` URL answers an empty 200 (asbplayer#978: requests without the
 *   client identity come back empty too).
 */
export const API_READY_DELAY_MS = 300;

export const WEB_CLIENT_VERSION = '2.20261120.01.00';

/** The tail the player appends after the signed baseUrl (the `|` in YOUTUBE-FACTS §2), minus potc/pot/fmt. */
export const PLAYER_TAIL: [string, string][] = [
  ['xorb', '2'],
  ['xobt', '3'],
  ['xovt', '3'],
  ['cbr', 'Chrome'],
  ['cbrver', '156.0.0.0'],
  ['c', 'WEB'],
  ['cver', WEB_CLIENT_VERSION],
  ['cplayer', 'UNIPLAYER'],
  ['cos', 'X11'],
  ['cplatform', 'DESKTOP'],
];

/** The URL of the player's own caption request: baseUrl | potc, pot, fmt, tail (in the captured order). */
export function playerTimedtextUrl(baseUrl: string, pot: string | null, fmt: string | null): string {
  const parts: string[] = [];
  if (pot) parts.push('potc=1', `pot=${encodeURIComponent(pot)}`);
  if (fmt) parts.push(`fmt=${fmt}`);
  for (const [k, v] of PLAYER_TAIL) parts.push(`${k}=${v}`);
  return `${baseUrl}&${parts.join('&')}`;
}

/** A caption track as the WEB player response lists it (the page data's shape). */
export type TrackLike = WebCaptionTrack;

/** One `getOption('captions','tracklist')` entry (th-ch LanguageOptions; ImprovedTube filters on `vss_id`). */
export function tracklistEntry(track: TrackLike, index: number) {
  return {
    languageCode: track.languageCode,
    languageName: track.name.simpleText.replace(/ \(auto-generated\)$/, ''),
    displayName: track.name.simpleText,
    kind: track.kind ?? '',
    name: null,
    id: null,
    vss_id: track.vssId,
    is_default: index === 0,
    is_servable: true,
    is_translateable: track.isTranslatable,
  };
}

/** One `getAudioTrack().captionTracks[]` entry (asbplayer youtube-page.ts reads url/languageCode/vssId/kind). */
export function audioCaptionTrack(track: TrackLike, pot: string | null) {
  return {
    url: playerTimedtextUrl(track.baseUrl, pot, null),
    languageCode: track.languageCode,
    vssId: track.vssId,
    kind: track.kind ?? '',
    displayName: track.name.simpleText,
    languageName: track.name.simpleText,
    is_default: false,
    is_translateable: track.isTranslatable,
  };
}

/** Player events delivered through the element's overridden `addEventListener`. */
export const PLAYER_EVENTS = ['onAdStart', 'onAdFinish', 'onStateChange', 'onVideoDataChange', 'onApiChange'] as const;
export type PlayerEventName = (typeof PLAYER_EVENTS)[number];

/** What the installed API needs from the replica's player. */
export interface PlayerBackend {
  playerResponse(): unknown;
  videoData(): Record<string, unknown>;
  tracks(): TrackLike[];
  captionsModuleLoaded(): boolean;
  loadCaptionsModule(): void;
  unloadCaptionsModule(): void;
  currentTrack(): TrackLike | null;
  subtitlesOn(): boolean;
  setSubtitles(on: boolean, track?: TrackLike): void;
  potIfLoaded(): string | null;
  state(): number;
  video(): HTMLVideoElement;
  duration(): number;
  addPlayerListener(name: PlayerEventName, fn: (...args: unknown[]) => void): void;
  removePlayerListener(name: PlayerEventName, fn: (...args: unknown[]) => void): void;
}

type Listener = EventListenerOrEventListenerObject | ((...args: unknown[]) => void);

/** Attaches the API methods to the player element as own properties (only page-world code sees them). */
export function installPlayerApi(element: HTMLElement, backend: PlayerBackend): void {
  const findTrack = (arg: { languageCode?: string; kind?: string; vss_id?: string } | undefined): TrackLike | undefined => {
    if (!arg) return undefined;
    const tracks = backend.tracks();
    if (arg.vss_id) return tracks.find((t) => t.vssId === arg.vss_id);
    const matches = tracks.filter((t) => t.languageCode === arg.languageCode);
    return matches.find((t) => (arg.kind === 'asr' ? t.kind === 'asr' : t.kind !== 'asr')) ?? matches[0];
  };
  const nativeAdd = EventTarget.prototype.addEventListener;
  const nativeRemove = EventTarget.prototype.removeEventListener;
  const api: Record<string, unknown> = {
    getPlayerResponse: () => backend.playerResponse(),
    getVideoData: () => backend.videoData(),
    getOption: (module: string, option: string) => {
      if (module !== 'captions') return undefined;
      if (option === 'tracklist') return backend.captionsModuleLoaded() ? backend.tracks().map(tracklistEntry) : [];
      if (option === 'track') {
        const track = backend.currentTrack();
        return backend.subtitlesOn() && track ? tracklistEntry(track, backend.tracks().indexOf(track)) : {};
      }
      return undefined;
    },
    getOptions: (module?: string) => (module === undefined ? ['captions'] : module === 'captions' ? ['tracklist', 'track', 'fontSize'] : []),
    setOption: (module: string, option: string, value: { languageCode?: string; kind?: string; vss_id?: string } | undefined) => {
      if (module !== 'captions' || option !== 'track') return;
      if (!value || Object.keys(value).length === 0) {
        backend.setSubtitles(false);
        return;
      }
      const track = findTrack(value);
      if (track) backend.setSubtitles(true, track);
    },
    loadModule: (module: string) => {
      if (module === 'captions') backend.loadCaptionsModule();
    },
    unloadModule: (module: string) => {
      if (module === 'captions') backend.unloadCaptionsModule();
    },
    toggleSubtitles: () => backend.setSubtitles(!backend.subtitlesOn()),
    toggleSubtitlesOn: () => backend.setSubtitles(true),
    isSubtitlesOn: () => backend.subtitlesOn(),
    getAudioTrack: () => ({
      id: 'und.0',
      captionTracks: backend
        .tracks()
        .map((t) => audioCaptionTrack(t, backend.potIfLoaded()))
        .reverse(),
    }),
    getPlayerState: () => backend.state(),
    seekTo: (seconds: number) => {
      backend.video().currentTime = seconds;
    },
    getCurrentTime: () => backend.video().currentTime,
    getDuration: () => backend.duration(),
    isInline: () => false,
    playVideo: () => void backend.video().play().catch(() => undefined),
    pauseVideo: () => backend.video().pause(),
    addEventListener(this: HTMLElement, name: string, fn: Listener, options?: boolean | AddEventListenerOptions) {
      if ((PLAYER_EVENTS as readonly string[]).includes(name) && typeof fn === 'function') backend.addPlayerListener(name as PlayerEventName, fn as (...args: unknown[]) => void);
      else nativeAdd.call(element, name, fn as EventListenerOrEventListenerObject, options);
    },
    removeEventListener(name: string, fn: Listener, options?: boolean | EventListenerOptions) {
      if ((PLAYER_EVENTS as readonly string[]).includes(name) && typeof fn === 'function') backend.removePlayerListener(name as PlayerEventName, fn as (...args: unknown[]) => void);
      else nativeRemove.call(element, name, fn as EventListenerOrEventListenerObject, options);
    },
  };
  Object.assign(element, api);
}
