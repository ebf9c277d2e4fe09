/**
 * Tells the session controller when the page may have changed video. Every signal YouTube gives is
 * followed, because none is reliable alone (YOUTUBE-FACTS §5): `yt-navigate-start` / `yt-navigate-finish`
 * on document AND window (the first finish fires before document_idle scripts run), the Navigation API's
 * `currententrychange` (every history.pushState / replaceState, synchronously) and `navigatesuccess`,
 * `popstate`, a `loadstart` from any <video> (a swapped element or a new source), and `playing` (playback
 * resuming after anything the other signals missed). The callback is cheap and idempotent: the controller
 * compares video ids.
 *
 * Events only, no polling (issue 9): a watch page left alone — a paused video, a background tab — runs nothing.
 */
export interface PageWatcherWindow {
  readonly document: Pick<Document, 'addEventListener'>;
  readonly location: { readonly href: string };
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void;
  navigation?: { addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void };
}

const YT_EVENTS = ['yt-navigate-start', 'yt-navigate-finish', 'yt-page-data-updated', 'yt-player-updated'];
/** Media events do not bubble, but capture on document sees every <video>'s (swaps included). */
const MEDIA_EVENTS = ['loadstart', 'playing'];
const NAVIGATION_EVENTS = ['currententrychange', 'navigatesuccess'];

export function watchPage(win: PageWatcherWindow, onChange: (href: string) => void, signal: AbortSignal): void {
  let last = '';
  const check = () => {
    try {
      const href = win.location.href;
      if (href === last) return;
      last = href;
      onChange(href);
    } catch {
      // a watcher never throws into an event dispatch
    }
  };
  const opts = { signal, capture: true } as const;
  for (const type of YT_EVENTS) {
    // yt-navigate-start fires before the URL changes; finish (or the Navigation API) catches the new URL.
    win.document.addEventListener(type, check, opts);
    win.addEventListener(type, check, opts);
  }
  win.addEventListener('popstate', check, opts);
  for (const type of NAVIGATION_EVENTS) win.navigation?.addEventListener(type, check, opts);
  for (const type of MEDIA_EVENTS) win.document.addEventListener(type, check, opts);
  check();
}
