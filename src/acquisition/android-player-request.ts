/**
 * The same-origin `POST https://www.youtube.com/youtubei/v1/player` made as the ANDROID client, whose caption
 * URLs are not token-gated (fixture player_android_2025-06_GJLlxj_dtq8.json). Used by the `direct` strategy for
 * a clean twin of the chosen track, and by the session as the track list of last resort when the page helper
 * does not answer. The endpoint is a constant: nothing that reaches this module can name another host.
 * The API key is optional (the endpoint answers same-origin requests without one). Never throws.
 */
import type { InnertubeConfig } from '../bridge/bridge-protocol';
import type { FailureOutcome } from './acquisition-strategy';
import type { FetchLike } from './fetch-caption-body';

/** The ANDROID client identity the clean-URL fixtures were captured with. */
export const ANDROID_CLIENT = { clientName: 'ANDROID', clientVersion: '20.10.38', androidSdkVersion: 30 } as const;
export const PLAYER_ENDPOINT = 'https://www.youtube.com/youtubei/v1/player';
const MAX_PLAYER_RESPONSE_CHARS = 5_000_000;

export type AndroidPlayerAnswer = { ok: true; response: unknown } | { ok: false; outcome: FailureOutcome; detail: string };

export async function requestAndroidPlayer(
  fetchFn: FetchLike,
  videoId: string,
  innertube: InnertubeConfig | null,
  signal: AbortSignal,
): Promise<AndroidPlayerAnswer> {
  const query = `${innertube ? `key=${encodeURIComponent(innertube.apiKey)}&` : ''}prettyPrint=false`;
  try {
    const response = await fetchFn(`${PLAYER_ENDPOINT}?${query}`, {
      method: 'POST',
      signal,
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        'x-youtube-client-name': '3',
        'x-youtube-client-version': ANDROID_CLIENT.clientVersion,
        ...(innertube?.visitorData ? { 'x-goog-visitor-id': innertube.visitorData } : {}),
      },
      body: JSON.stringify({
        context: { client: { ...ANDROID_CLIENT, hl: innertube?.hl ?? 'en' } },
        videoId,
        contentCheckOk: true,
        racyCheckOk: true,
      }),
    });
    if (response.status !== 200) return { ok: false, outcome: 'http-error', detail: `player request: HTTP ${response.status}` };
    const text = await response.text();
    if (text.length > MAX_PLAYER_RESPONSE_CHARS) return { ok: false, outcome: 'error', detail: 'player request: oversized answer' };
    return { ok: true, response: JSON.parse(text) as unknown };
  } catch (error) {
    if (signal.aborted) return { ok: false, outcome: 'timeout', detail: 'player request: no answer in time' };
    return { ok: false, outcome: 'error', detail: `player request: ${error instanceof Error ? error.message : String(error)}` };
  }
}
