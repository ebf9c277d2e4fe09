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

/** Polls `read` until it returns non-null, or null after `timeoutMs` / abort. */
export async function pollFor<T>(
  read: () => T | null,
  options: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal },
): Promise<T | null> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    let value: T | null = null;
    try {
      value = read();
    } catch {
      value = null;
    }
    if (value !== null) return value;
    if (Date.now() >= deadline || options.signal?.aborted) return null;
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}
