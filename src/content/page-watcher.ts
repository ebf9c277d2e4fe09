/**
 * Tells the session controller when the page may have changed video. Every signal YouTube gives is
 * followed, because none is reliable alone (YOUTUBE-FACTS §5): `yt-navigate-start` / `yt-navigate-finish`
 * on document AND window (the first finish fires before document_idle scripts run), the Navigation API's
 * `navigatesuccess`, `popstate`, a `loadstart` from any <video> (a swapped element or a new source), and
 * URL polling as the fallback. The callback is cheap and idempotent: the controller compares video ids.
 */
export interface PageWatcherWindow {
  readonly document: Document;
  readonly location: { readonly href: string };
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void;
  navigation?: { addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void };
  setInterval(handler: () => void, ms: number): number;
  clearInterval(id: number): void;
}

const YT_EVENTS = ['yt-navigate-start', 'yt-navigate-finish', 'yt-page-data-updated', 'yt-player-updated'];

export function watchPage(win: PageWatcherWindow, onChange: (href: string) => void, signal: AbortSignal, pollMs = 500): void {
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
    // yt-navigate-start fires before the URL changes; finish (or the poll) catches the new URL.
    win.document.addEventListener(type, check, opts);
    win.addEventListener(type, check, opts);
  }
  win.addEventListener('popstate', check, opts);
  win.navigation?.addEventListener('navigatesuccess', check, opts);
  // Media events do not bubble, but capture on document sees every <video>'s loadstart (swaps included).
  win.document.addEventListener('loadstart', check, opts);
  const timer = win.setInterval(check, pollMs);
  signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
  check();
}
