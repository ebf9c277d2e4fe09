/**
 * Learns the player's proof-of-origin token (`pot`) by WATCHING the player's own `/api/timedtext`
 * requests (YOUTUBE-FACTS §2: the player appends `potc=1&pot=…&c=WEB…` to the signed baseUrl).
 *
 * Read-only and transparent: `fetch` and `XMLHttpRequest.prototype.open` are wrapped so that they call
 * through to whatever was installed before (YouTube's own code or another extension's wrapper), with the
 * same `this` and arguments, and return its result untouched; our part runs in a try/catch and never
 * throws. `performance` resource entries are a second observer that needs no patching at all (it sees
 * requests made before we were installed, or by a wrapper installed after ours that never calls through).
 */
import { readPot } from '../captions/track-url';

export interface ObservedPot {
  pot: string;
  /** The full request URL the player used (its client params are reused when rebuilding a URL). */
  url: string;
  videoId: string;
}

export interface PotObserver {
  /** The latest token seen for this video (tokens are bound to the video id, not the language). */
  latest(videoId: string): ObservedPot | null;
  /** Re-reads `performance` resource entries (cheap; called before giving up on a token). */
  scanResourceEntries(): void;
  stop(): void;
}

export interface PotObserverWindow {
  fetch: typeof fetch;
  XMLHttpRequest: { prototype: { open: (...args: never[]) => unknown } };
  performance: Pick<Performance, 'getEntriesByType'>;
  PerformanceObserver?: typeof PerformanceObserver;
  location: { href: string };
}

const MAX_VIDEOS = 20;

export function startPotObserver(win: PotObserverWindow): PotObserver {
  const byVideo = new Map<string, ObservedPot>();

  const note = (input: unknown) => {
    try {
      let href: string;
      if (typeof input === 'string') href = input;
      else if (input instanceof URL) href = input.href;
      else if (typeof Request !== 'undefined' && input instanceof Request) href = input.url;
      else return;
      if (!href.includes('/api/timedtext')) return;
      const url = new URL(href, win.location.href);
      if (url.pathname !== '/api/timedtext') return;
      const videoId = url.searchParams.get('v');
      const pot = readPot(url.href);
      if (!videoId || !pot) return;
      byVideo.delete(videoId);
      byVideo.set(videoId, { pot, url: url.href, videoId });
      if (byVideo.size > MAX_VIDEOS) byVideo.delete(byVideo.keys().next().value as string);
    } catch {
      // observing must never disturb the page
    }
  };

  const originalFetch = win.fetch;
  const wrappedFetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    note(args[0]);
    return Reflect.apply(originalFetch, this, args) as ReturnType<typeof fetch>;
  };
  win.fetch = wrappedFetch as typeof fetch;

  const proto = win.XMLHttpRequest.prototype;
  const originalOpen = proto.open;
  const wrappedOpen = function (this: unknown, ...args: unknown[]) {
    note(args[1]);
    return Reflect.apply(originalOpen, this, args);
  };
  proto.open = wrappedOpen as typeof proto.open;

  let perfObserver: PerformanceObserver | null = null;
  try {
    if (win.PerformanceObserver) {
      perfObserver = new win.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) note(entry.name);
      });
      perfObserver.observe({ type: 'resource', buffered: true });
    }
  } catch {
    perfObserver = null;
  }

  return {
    latest: (videoId) => byVideo.get(videoId) ?? null,
    scanResourceEntries() {
      try {
        for (const entry of win.performance.getEntriesByType('resource')) note(entry.name);
      } catch {
        // ignore
      }
    },
    stop() {
      // Unwrap only if nobody wrapped on top of us; otherwise stay a pass-through (removing would cut them off).
      if (win.fetch === (wrappedFetch as unknown)) win.fetch = originalFetch;
      if (proto.open === (wrappedOpen as unknown)) proto.open = originalOpen;
      perfObserver?.disconnect();
    },
  };
}
