/**
 * The track list when the page-world helper is not there or never answers (YouTube renamed the player API,
 * the main-world script failed, a hostile page jams the bridge): what the isolated world can learn alone.
 *
 * 1. A same-origin ANDROID `youtubei/v1/player` request — ANDROID_VR after a bot check — (android-player-request.ts), keyed with the page's
 *    inline `ytcfg.set({...})` when present (page-ytcfg.ts), keyless otherwise. Its URLs are clean, so the
 *    `direct` strategy can fetch them as they are.
 * 2. If that fails (bot check, HTTP error), the page's inline `ytInitialPlayerResponse` — only when it names
 *    this very video (it goes stale after SPA navigation). Its URLs are token-gated: only the panel can help.
 * 3. Neither: no track list (`unknown`); the transcript panel is the only way left.
 *
 * Never throws; bounded by the signal it is given.
 */
import type { CaptionTrack } from '../captions/caption-track';
import { readCaptionTracks, readVideoId } from '../captions/player-response';
import { extractInitialPlayerResponse } from '../captions/watch-page';
import type { InnertubeConfig } from '../bridge/bridge-protocol';
import type { Attempt } from './acquisition-strategy';
import { requestCleanListing } from './android-player-request';
import type { FetchLike } from './fetch-caption-body';
import { readLiveStatus, type LiveStatus } from './live-status';
import { inlineScriptTexts, readYtcfg } from './page-ytcfg';

export type PageDocument = Pick<Document, 'readyState' | 'querySelectorAll' | 'addEventListener' | 'removeEventListener'>;

export interface HelperlessListing {
  /** `unknown`: neither source gave a track list for this video. */
  status: 'ok' | 'no-captions' | 'unknown';
  tracks: CaptionTrack[];
  /** Where the tracks came from: the ANDROID answer (clean URLs) or the page's inline data (token-gated). */
  from: 'android' | 'page-data' | null;
  live: LiveStatus;
  innertube: InnertubeConfig | null;
  /** The ANDROID request's failure, when it failed (the `direct` strategy need not repeat it). */
  androidFailure: Attempt | null;
}

export async function listTracksWithoutHelper(
  deps: { fetch: FetchLike; doc: PageDocument },
  videoId: string,
  signal: AbortSignal,
): Promise<HelperlessListing> {
  await whenParsed(deps.doc, signal);
  const scripts = inlineScriptTexts(deps.doc);
  const innertube = readYtcfg(scripts);

  let androidFailure: Attempt | null = null;
  // ANDROID, then ANDROID_VR after a bot check (android-player-request.ts); every client asked is recorded.
  const answer = await requestCleanListing(deps.fetch, videoId, innertube, signal);
  const clients = answer.tried;
  if (answer.ok) {
    const { listing } = answer;
    const live = readLiveStatus(answer.response);
    if (listing.videoId !== null && listing.videoId !== videoId) {
      androidFailure = { strategy: 'direct', outcome: 'error', detail: `${answer.client}: player request answered for another video`, clients };
    } else if (listing.status === 'ok') {
      return { status: 'ok', tracks: listing.tracks, from: 'android', live, innertube, androidFailure };
    } else if (listing.status === 'no-captions' && listing.videoId === videoId) {
      return { status: 'no-captions', tracks: [], from: 'android', live, innertube, androidFailure };
    } else {
      androidFailure = {
        strategy: 'direct',
        outcome: listing.status === 'bot-check' ? 'bot-check' : 'unavailable',
        detail: `${answer.client}: ${listing.status === 'bot-check' || listing.status === 'unplayable' ? listing.reason : `player request: ${listing.status}`}`,
        clients,
      };
    }
  } else {
    androidFailure = { strategy: 'direct', outcome: answer.outcome, detail: answer.detail, clients };
  }

  const pageData = readPageData(scripts, videoId);
  if (pageData) {
    const listing = readCaptionTracks(pageData);
    const live = readLiveStatus(pageData);
    if (listing.status === 'ok') return { status: 'ok', tracks: listing.tracks, from: 'page-data', live, innertube, androidFailure };
    if (listing.status === 'no-captions') return { status: 'no-captions', tracks: [], from: 'page-data', live, innertube, androidFailure };
  }
  return { status: 'unknown', tracks: [], from: null, live: 'not-live', innertube, androidFailure };
}

/** The inline `ytInitialPlayerResponse`, only if it is this video's (JSON.parse of the cut-out literal; no eval). */
function readPageData(scripts: readonly string[], videoId: string): unknown {
  for (const text of scripts) {
    if (!text.includes('ytInitialPlayerResponse')) continue;
    const response = extractInitialPlayerResponse(text);
    if (readVideoId(response) === videoId) return response;
  }
  return null;
}

/** Inline scripts are readable once the parser has passed them: wait for DOMContentLoaded (or the signal). */
function whenParsed(doc: PageDocument, signal: AbortSignal): Promise<void> {
  if (doc.readyState !== 'loading' || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('DOMContentLoaded', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    doc.addEventListener('DOMContentLoaded', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
