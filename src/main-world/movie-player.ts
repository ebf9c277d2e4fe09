/**
 * The page-world player API on `#movie_player` (YOUTUBE-FACTS §1). Only page-world code sees these
 * methods (an isolated content script sees `undefined`; Firefox Xrays hide them), and they are not there
 * on first paint, so every call is optional and callers retry within a bound.
 */
import { youtubeSelectors } from '../youtube-page/youtube-selectors';

export interface PlayerCaptionTrackEntry {
  url?: string;
  languageCode?: string;
  vssId?: string;
  vss_id?: string;
  kind?: string;
}

export interface MoviePlayer {
  getPlayerResponse?(): unknown;
  getVideoData?(): { video_id?: string; isLive?: boolean } | undefined;
  getAudioTrack?(): { captionTracks?: PlayerCaptionTrackEntry[] } | undefined;
  getOption?(module: string, option: string, args?: unknown): unknown;
  setOption?(module: string, option: string, value: unknown): void;
  loadModule?(name: string): void;
  unloadModule?(name: string): void;
  toggleSubtitles?(): void;
  toggleSubtitlesOn?(): void;
  isSubtitlesOn?(): boolean;
}

/** `#movie_player` once its API is attached (the watch-page player; Shorts use `#shorts-player`, not ours). */
export function findMoviePlayer(doc: Pick<Document, 'getElementById'>): MoviePlayer | null {
  const el = doc.getElementById(youtubeSelectors.player.root.css.replace(/^#/, '')) as (HTMLElement & MoviePlayer) | null;
  return el && typeof el.getPlayerResponse === 'function' ? el : null;
}

/**
 * Polls `read` until it returns non-null, or null after `timeoutMs` / abort. An error thrown by `read` ends the
 * poll and propagates: that is how a caller stops early ("the page moved on"). A read that may fail while the
 * player is not ready catches its own errors (`tryRead`).
 */
export async function pollFor<T>(
  read: () => T | null,
  options: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal },
): Promise<T | null> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = read();
    if (value !== null) return value;
    if (Date.now() >= deadline || options.signal?.aborted) return null;
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}

/** A player call that may throw while the API is half attached: null instead. */
export function tryRead<T>(read: () => T | null | undefined): T | null {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
}
