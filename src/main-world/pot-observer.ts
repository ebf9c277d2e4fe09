/**
 * Learns the player's proof-of-origin token (`pot`) by WATCHING the player's own `/api/timedtext`
 * requests (YOUTUBE-FACTS §2: the player appends `potc=1&pot=…&c=WEB…` to the signed baseUrl).
 *
 * Through the Resource Timing entries only — a `PerformanceObserver` on `resource` (buffered, so requests made
 * before we started count too) and a re-read of `performance.getEntriesByType('resource')` before giving up.
 * Nothing of the page is patched: `fetch` and `XMLHttpRequest.prototype.open` stay the page's own (other
 * extensions hook them too; fewer patches, fewer clashes). tests/e2e/pot-observer.spec.ts shows on the replica
 * that the observer sees the player's request by fetch and by XHR, made before or after we start, with the
 * resource-timing buffer full and cleared by the page — the cases a wrapper was kept for (issue 9 §3).
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
  performance: Pick<Performance, 'getEntriesByType'>;
  PerformanceObserver?: typeof PerformanceObserver;
  location: { href: string };
}

const MAX_VIDEOS = 20;

export function startPotObserver(win: PotObserverWindow): PotObserver {
  const byVideo = new Map<string, ObservedPot>();

  /** A resource entry's name is the request URL. */
  const note = (href: string) => {
    try {
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
      perfObserver?.disconnect();
    },
  };
}
