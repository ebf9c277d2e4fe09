/**
 * Strategy `direct`: a clean track URL (no exp=xpe) fetched as json3. The clean URL comes from the page
 * data when it has one, else from a same-origin `youtubei/v1/player` request made as the ANDROID client,
 * whose track URLs are not token-gated (fixture player_android_2025-06_GJLlxj_dtq8.json). That request
 * is often answered with LOGIN_REQUIRED ("confirm you're not a bot"): a failed strategy, not a crash.
 * Needs: ytcfg's INNERTUBE_API_KEY (from the main world) for the player request.
 */
import type { CaptionTrack } from '../captions/caption-track';
import { readCaptionTracks } from '../captions/player-response';
import { buildCaptionUrl, isPotGated } from '../captions/track-url';
import type { AcquisitionStrategy, StrategyResult } from './acquisition-strategy';
import { fetchCaptionBody, type FetchLike } from './fetch-caption-body';

/** The ANDROID client identity the clean-URL fixtures were captured with. */
export const ANDROID_CLIENT = { clientName: 'ANDROID', clientVersion: '20.10.38', androidSdkVersion: 30 } as const;
const PLAYER_ENDPOINT = 'https://www.youtube.com/youtubei/v1/player';
const MAX_PLAYER_RESPONSE_CHARS = 5_000_000;

/** The same track in another listing: same vssId, else same language and kind. */
export function findTwin(track: CaptionTrack, tracks: readonly CaptionTrack[]): CaptionTrack | null {
  const asr = (t: CaptionTrack) => t.kind === 'asr' || t.vssId.startsWith('a.');
  return (
    tracks.find((t) => t.vssId === track.vssId) ??
    tracks.find((t) => t.languageCode === track.languageCode && asr(t) === asr(track)) ??
    null
  );
}

export function createDirectStrategy(deps: { fetch: FetchLike }): AcquisitionStrategy {
  const fetchClean = async (track: CaptionTrack, signal: AbortSignal, via: string): Promise<StrategyResult> => {
    let url: string;
    try {
      url = buildCaptionUrl(track.baseUrl, { fmt: 'json3' });
    } catch {
      return { ok: false, outcome: 'refused', detail: `${via}: not a YouTube timedtext URL` };
    }
    const result = await fetchCaptionBody(deps.fetch, url, signal);
    return { ...result, detail: `${via}: ${result.detail}` };
  };

  return {
    name: 'direct',
    async acquire({ videoId, track, tracks, innertube }, signal) {
      const pageTwin = [track, ...tracks].find((t) => t.vssId === track.vssId && !isPotGated(t.baseUrl));
      if (pageTwin) return fetchClean(pageTwin, signal, 'page data');
      if (!innertube) return { ok: false, outcome: 'unavailable', detail: 'no clean URL in the page data and no ytcfg key' };

      let json: unknown;
      try {
        const response = await deps.fetch(`${PLAYER_ENDPOINT}?key=${encodeURIComponent(innertube.apiKey)}&prettyPrint=false`, {
          method: 'POST',
          signal,
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/json',
            'x-youtube-client-name': '3',
            'x-youtube-client-version': ANDROID_CLIENT.clientVersion,
            ...(innertube.visitorData ? { 'x-goog-visitor-id': innertube.visitorData } : {}),
          },
          body: JSON.stringify({
            context: { client: { ...ANDROID_CLIENT, hl: innertube.hl ?? 'en' } },
            videoId,
            contentCheckOk: true,
            racyCheckOk: true,
          }),
        });
        if (response.status !== 200) return { ok: false, outcome: 'http-error', detail: `player request: HTTP ${response.status}` };
        const text = await response.text();
        if (text.length > MAX_PLAYER_RESPONSE_CHARS) return { ok: false, outcome: 'error', detail: 'player request: oversized answer' };
        json = JSON.parse(text);
      } catch (error) {
        if (signal.aborted) return { ok: false, outcome: 'timeout', detail: 'player request: no answer in time' };
        return { ok: false, outcome: 'error', detail: `player request: ${error instanceof Error ? error.message : String(error)}` };
      }
      const listing = readCaptionTracks(json);
      if (listing.videoId && listing.videoId !== videoId) return { ok: false, outcome: 'error', detail: 'player request answered for another video' };
      if (listing.status === 'bot-check') return { ok: false, outcome: 'bot-check', detail: listing.reason };
      if (listing.status !== 'ok') return { ok: false, outcome: 'unavailable', detail: `player request: ${listing.status}` };
      const twin = findTwin(track, listing.tracks);
      if (!twin) return { ok: false, outcome: 'unavailable', detail: 'player request: track not listed' };
      if (isPotGated(twin.baseUrl)) return { ok: false, outcome: 'unavailable', detail: 'player request: URL is token-gated too' };
      return fetchClean(twin, signal, 'player request');
    },
  };
}
