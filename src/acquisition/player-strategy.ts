/**
 * Strategy `player`: the page-world helper finds the player's `pot` for this video (observed from the
 * player's own timedtext request, read from getAudioTrack(), or by switching captions on briefly and
 * restoring the user's state) and hands back a json3 URL; the isolated world re-validates and fetches it.
 * Needs: a track whose URL is token-gated (exp=xpe), the main-world helper, `movie_player`'s API.
 */
import type { BridgeClient } from '../bridge/bridge-client';
import { BridgeTimeoutError } from '../bridge/bridge-client';
import { isPotGated, withTranslationLanguage } from '../captions/track-url';
import type { AcquisitionStrategy } from './acquisition-strategy';
import { fetchCaptionBody, type FetchLike } from './fetch-caption-body';

export function createPlayerStrategy(deps: { bridge: BridgeClient; fetch: FetchLike; bridgeTimeoutMs: number }): AcquisitionStrategy {
  return {
    name: 'player',
    async acquire({ videoId, track }, signal, progress) {
      if (!isPotGated(track.baseUrl)) return { ok: false, outcome: 'not-needed', detail: 'the track URL needs no token' };
      let answer;
      try {
        answer = await deps.bridge.request(
          'player-url',
          // A translation is asked of the player as its source track; `tlang` is added here (the pot still applies).
          { videoId, vssId: track.translation?.sourceVssId ?? track.vssId, languageCode: track.translation?.sourceLanguageCode ?? track.languageCode },
          { signal, timeoutMs: deps.bridgeTimeoutMs },
        );
      } catch (error) {
        if (error instanceof BridgeTimeoutError) return { ok: false, outcome: 'timeout', detail: error.message };
        if (signal.aborted) return { ok: false, outcome: 'timeout', detail: 'no token in time' };
        return { ok: false, outcome: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
      }
      let url = answer.url;
      if (track.translation) {
        try {
          url = withTranslationLanguage(url, track.translation.tlang);
        } catch {
          return { ok: false, outcome: 'refused', detail: 'not a YouTube timedtext URL' };
        }
      }
      const fetched = await fetchCaptionBody(deps.fetch, url, videoId, signal, progress);
      return fetched.ok ? { ...fetched, detail: `token from ${answer.potSource}` } : { ...fetched, detail: `${fetched.detail}; token from ${answer.potSource}` };
    },
  };
}
