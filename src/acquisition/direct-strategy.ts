/**
 * Strategy `direct`: a clean track URL (no exp=xpe) fetched as json3. The clean URL comes from the page
 * data when it has one, else from a same-origin `youtubei/v1/player` request made as the ANDROID client,
 * whose track URLs are not token-gated (fixture player_android_2025-06_GJLlxj_dtq8.json). That request
 * is often answered with LOGIN_REQUIRED ("confirm you're not a bot"); then it is asked again as ANDROID_VR (FACTS
 * §8), and a second bot check is a failed strategy, not a crash. The result names every client asked.
 * Needs: ytcfg's INNERTUBE_API_KEY (from the main world, or the page's inline ytcfg script) for the player request.
 */
import type { CaptionTrack, TrackTranslation } from '../captions/caption-track';
import { buildCaptionUrl, isPotGated } from '../captions/track-url';
import type { AcquisitionStrategy, StrategyResult } from './acquisition-strategy';
import { requestCleanListing } from './android-player-request';
import { fetchCaptionBody, type FetchLike } from './fetch-caption-body';

export { ANDROID_CLIENT, ANDROID_VR_CLIENT } from './android-player-request';

/** The same track in another listing: same vssId, else same language and kind. */
export function findTwin(track: CaptionTrack, tracks: readonly CaptionTrack[]): CaptionTrack | null {
  const asr = (t: CaptionTrack) => t.kind === 'asr' || t.vssId.startsWith('a.');
  return (
    tracks.find((t) => t.vssId === track.vssId) ??
    tracks.find((t) => t.languageCode === track.languageCode && asr(t) === asr(track)) ??
    null
  );
}

/** The track a translation translates: from the listing, else rebuilt from what the translation records. */
function sourceOf(track: CaptionTrack, translation: TrackTranslation, tracks: readonly CaptionTrack[]): CaptionTrack {
  const listed = tracks.find((t) => t.vssId === translation.sourceVssId && !t.translation);
  if (listed) return listed;
  const { translation: _omit, ...rest } = track;
  return { ...rest, vssId: translation.sourceVssId, languageCode: translation.sourceLanguageCode };
}

export function createDirectStrategy(deps: { fetch: FetchLike }): AcquisitionStrategy {
  const fetchClean = async (videoId: string, track: CaptionTrack, tlang: string | undefined, signal: AbortSignal, via: string, progress?: () => void): Promise<StrategyResult> => {
    let url: string;
    try {
      url = buildCaptionUrl(track.baseUrl, { fmt: 'json3', ...(tlang ? { tlang } : {}) });
    } catch {
      return { ok: false, outcome: 'refused', detail: `${via}: not a YouTube timedtext URL` };
    }
    const result = await fetchCaptionBody(deps.fetch, url, videoId, signal, progress);
    return { ...result, detail: `${via}: ${result.detail}` };
  };

  return {
    name: 'direct',
    async acquire({ videoId, track: requested, tracks, innertube }, signal, progress) {
      // A translation is its source track fetched with `tlang`.
      const tlang = requested.translation?.tlang;
      const track = requested.translation ? sourceOf(requested, requested.translation, tracks) : requested;
      const pageTwin = [track, ...tracks].find((t) => t.vssId === track.vssId && !t.translation && !isPotGated(t.baseUrl));
      if (pageTwin) return fetchClean(videoId, pageTwin, tlang, signal, 'page data', progress);
      // Without ytcfg's key the request still goes (same origin, keyless): a missing key is not a reason to stop.
      // ANDROID first; after its bot check, ANDROID_VR (player-clients.ts). Each client asked is named in the result.
      const answer = await requestCleanListing(deps.fetch, videoId, innertube, signal);
      const clients = answer.tried;
      if (!answer.ok) return { ok: false, outcome: answer.outcome, detail: answer.detail, clients };
      const { listing, client } = answer;
      const fail = (outcome: 'error' | 'unavailable', why: string): StrategyResult => ({ ok: false, outcome, detail: `${client}: ${why}`, clients });
      if (listing.videoId && listing.videoId !== videoId) return fail('error', 'player request answered for another video');
      if (listing.status !== 'ok') return fail('unavailable', `player request: ${listing.status}`);
      const twin = findTwin(track, listing.tracks);
      if (!twin) return fail('unavailable', 'player request: track not listed');
      if (isPotGated(twin.baseUrl)) return fail('unavailable', 'player request: URL is token-gated too');
      const result = await fetchClean(videoId, twin, tlang, signal, `player request (${client})`, progress);
      return { ...result, clients };
    },
  };
}
