/**
 * The page-world helper (runs in `world: 'MAIN'` at `document_start`, before YouTube's scripts).
 * It owns everything only page code can see — `movie_player`'s API, `ytcfg`, the player's own
 * timedtext requests — and answers the isolated content script over the bridge. It never fetches
 * caption bodies itself, never writes to the DOM, never assigns innerHTML or script text (Trusted Types).
 */
import { readCaptionTracks, readVideoDetails, readVideoId } from '../captions/player-response';
import { readLiveStatus } from '../acquisition/live-status';
import { buildCaptionUrl, isPotGated, readPot } from '../captions/track-url';
import type { BridgeOps, InnertubeConfig, PotSource } from '../bridge/bridge-protocol';
import { BridgeFailure, startBridgeServer } from '../bridge/bridge-server';
import type { BridgeWindow } from '../bridge/bridge-window';
import { readCaptionState, restoreCaptionState, switchCaptionsOn } from './caption-state';
import { findMoviePlayer, pollFor, tryRead, type MoviePlayer } from './movie-player';
import { startPotObserver, type PotObserverWindow } from './pot-observer';

export interface MainWorldWindow extends BridgeWindow, PotObserverWindow {
  readonly document: Pick<Document, 'getElementById'>;
  readonly location: { readonly origin: string; readonly href: string };
  ytInitialPlayerResponse?: unknown;
  ytcfg?: { get?(key: string): unknown; data_?: Record<string, unknown> };
}

export interface MainWorldTimings {
  /** How long to wait for `movie_player` to expose a response for the requested video. */
  playerReadyMs: number;
  /** How long to wait for a `pot` after switching captions on. */
  potWaitMs: number;
}

const CLIENT_PARAMS = ['cbrand', 'cbr', 'cbrver', 'c', 'cver', 'cplayer', 'cos', 'cosver', 'cplatform'];

/** The client identity params of a player request (YOUTUBE-FACTS §2 tail), `c=WEB` when absent. */
export function clientParams(playerUrl: string): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    const params = new URL(playerUrl, 'https://www.youtube.com').searchParams;
    for (const key of CLIENT_PARAMS) {
      const value = params.get(key);
      if (value !== null && value.length <= 100) out[key] = value;
    }
  } catch {
    // fall through to the minimum
  }
  out.c ??= 'WEB';
  return out;
}

const DEFAULT_TIMINGS: MainWorldTimings = { playerReadyMs: 6000, potWaitMs: 5000 };

export function startMainWorld(win: MainWorldWindow, timings: MainWorldTimings = DEFAULT_TIMINGS): { stop(): void } {
  const pots = startPotObserver(win);

  const urlVideoId = (): string | null => {
    try {
      return new URL(win.location.href).searchParams.get('v');
    } catch {
      return null;
    }
  };

  /**
   * Videos for which the player API never showed up within `playerReadyMs` (renamed or missing API): a second
   * request for the same video looks once instead of waiting the whole bound again.
   */
  const noPlayerApi = new Set<string>();

  /** The player's response for `videoId`: the live player first; the page global only when it is for that very video. */
  const currentResponse = async (videoId: string): Promise<{ player: MoviePlayer | null; response: unknown }> => {
    const found = await pollFor(
      () => {
        if (urlVideoId() !== videoId) throw new BridgeFailure('moved-on');
        const player = tryRead(() => findMoviePlayer(win.document));
        const response = tryRead(() => player?.getPlayerResponse?.());
        return readVideoId(response) === videoId ? { player, response } : null;
      },
      { timeoutMs: noPlayerApi.has(videoId) ? 0 : timings.playerReadyMs },
    );
    if (found) return found;
    if (!findMoviePlayer(win.document)) {
      if (noPlayerApi.size > 50) noPlayerApi.clear();
      noPlayerApi.add(videoId);
    }
    if (urlVideoId() !== videoId) throw new BridgeFailure('moved-on');
    // ytInitialPlayerResponse goes stale after in-page navigation: use it only when it names this video.
    if (readVideoId(win.ytInitialPlayerResponse) === videoId) return { player: findMoviePlayer(win.document), response: win.ytInitialPlayerResponse };
    throw new BridgeFailure('no-response');
  };

  const readInnertube = (): InnertubeConfig | null => {
    try {
      const cfg = win.ytcfg;
      const get = (key: string): unknown => (typeof cfg?.get === 'function' ? cfg.get(key) : cfg?.data_?.[key]);
      const apiKey = get('INNERTUBE_API_KEY');
      const clientVersion = get('INNERTUBE_CLIENT_VERSION');
      if (typeof apiKey !== 'string' || typeof clientVersion !== 'string') return null;
      const visitorData = get('VISITOR_DATA');
      const hl = get('HL');
      return {
        apiKey,
        clientVersion,
        ...(typeof visitorData === 'string' ? { visitorData } : {}),
        ...(typeof hl === 'string' ? { hl } : {}),
      };
    } catch {
      return null;
    }
  };

  const potFromAudioTrack = (player: MoviePlayer | null, videoId: string): { pot: string; url: string } | null => {
    try {
      for (const t of player?.getAudioTrack?.()?.captionTracks ?? []) {
        if (typeof t.url !== 'string') continue;
        const pot = readPot(t.url);
        if (pot && new URL(t.url, win.location.href).searchParams.get('v') === videoId) return { pot, url: t.url };
      }
    } catch {
      // not initialised yet
    }
    return null;
  };

  /**
   * Captions are switched on for a token by one request at a time: a second request (the user moved from A to B
   * while A waited) must not read A's "on" as the user's state. Each holder puts the user's state back before the
   * next one reads it. Not module state: one chain per started helper.
   */
  let captionSwitch: Promise<unknown> = Promise.resolve();
  const oneSwitchAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = captionSwitch.then(task, task);
    captionSwitch = run.catch(() => undefined);
    return run;
  };
  const stillOn = (videoId: string) => {
    if (urlVideoId() !== videoId) throw new BridgeFailure('moved-on');
  };

  type FoundPot = { pot: string; url: string; source: PotSource };
  const findPot = (player: MoviePlayer | null, videoId: string): FoundPot | null => {
    pots.scanResourceEntries();
    const observed = pots.latest(videoId);
    if (observed) return { pot: observed.pot, url: observed.url, source: 'observed-request' };
    const fromTrack = potFromAudioTrack(player, videoId);
    return fromTrack ? { ...fromTrack, source: 'audio-track' } : null;
  };

  const handlers = {
    async snapshot({ videoId }: BridgeOps['snapshot']['args']): Promise<BridgeOps['snapshot']['value']> {
      const { player, response } = await currentResponse(videoId);
      let videoData: unknown;
      try {
        const data = player?.getVideoData?.();
        // After SPA navigation the player may still describe the previous video for a moment.
        videoData = data && (data.video_id === undefined || data.video_id === videoId) ? data : undefined;
      } catch {
        videoData = undefined;
      }
      const live = readLiveStatus(response, videoData) === 'live';
      // The response was checked to be this video's, so the listing is stamped with the requested id.
      const details = readVideoDetails(response);
      return {
        videoId,
        listing: { ...readCaptionTracks(response), videoId },
        innertube: readInnertube(),
        ...(live ? { live } : {}),
        ...(details ? { details } : {}),
      };
    },

    async 'player-url'({ videoId, vssId, languageCode }: BridgeOps['player-url']['args']): Promise<BridgeOps['player-url']['value']> {
      const { player, response } = await currentResponse(videoId);
      const listing = readCaptionTracks(response);
      const track = listing.status === 'ok' ? listing.tracks.find((t) => t.vssId === vssId) : undefined;
      if (!track) throw new BridgeFailure('track-not-listed');
      if (!isPotGated(track.baseUrl)) return { videoId, url: buildCaptionUrl(track.baseUrl, { fmt: 'json3' }), potSource: 'not-needed' };

      let found = findPot(player, videoId);
      if (!found && player) {
        found = await oneSwitchAtATime(async () => {
          // While this request waited its turn, the page may have moved on, or the token may have been seen.
          stillOn(videoId);
          const seen = findPot(player, videoId);
          if (seen) return seen;
          const before = readCaptionState(player);
          try {
            switchCaptionsOn(player, languageCode);
            const pot = await pollFor(
              () => {
                stillOn(videoId); // leave at once when the user moves on: the state is put back below
                return findPot(player, videoId);
              },
              { timeoutMs: timings.potWaitMs, intervalMs: 100 },
            );
            return pot ? { ...pot, source: 'captions-toggled' as const } : null;
          } finally {
            restoreCaptionState(player, before);
          }
        });
      }
      if (!found) throw new BridgeFailure('no-token');
      // The player's own client identity goes with its token (requests without it come back empty, asbplayer#978).
      return { videoId, url: buildCaptionUrl(track.baseUrl, { fmt: 'json3', pot: found.pot, client: clientParams(found.url) }), potSource: found.source };
    },
  };

  const server = startBridgeServer(win, handlers);
  return {
    stop() {
      server.stop();
      pots.stop();
    },
  };
}
