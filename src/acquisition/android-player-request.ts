/**
 * The same-origin `POST https://www.youtube.com/youtubei/v1/player` made as a non-WEB client (player-clients.ts),
 * whose caption URLs are not token-gated (fixture player_android_2025-06_GJLlxj_dtq8.json). Used by the `direct`
 * strategy for a clean twin of the chosen track, and by the session as the track list of last resort when the page
 * helper does not answer. ANDROID first; when it answers the bot check, ANDROID_VR (FACTS §8). Every client asked is
 * recorded, by name. The endpoint is a constant: nothing that reaches this module can name another host. The API
 * key is optional (the endpoint answers same-origin requests without one). Never throws.
 */
import type { InnertubeConfig } from '../bridge/bridge-protocol';
import { readCaptionTracks, type TrackListing } from '../captions/player-response';
import type { ClientAttempt, FailureOutcome } from './acquisition-strategy';
import type { FetchLike } from './fetch-caption-body';
import { CLEAN_URL_CLIENTS, type PlayerClient } from './player-clients';

export { ANDROID_CLIENT, ANDROID_VR_CLIENT } from './player-clients';
export const PLAYER_ENDPOINT = 'https://www.youtube.com/youtubei/v1/player';
const MAX_PLAYER_RESPONSE_CHARS = 5_000_000;

export type AndroidPlayerAnswer = { ok: true; response: unknown } | { ok: false; outcome: FailureOutcome; detail: string };

export async function requestPlayerAs(
  client: PlayerClient,
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
        'x-youtube-client-name': client.headerId,
        'x-youtube-client-version': client.clientVersion,
        ...(innertube?.visitorData ? { 'x-goog-visitor-id': innertube.visitorData } : {}),
      },
      body: JSON.stringify({
        context: { client: { clientName: client.clientName, clientVersion: client.clientVersion, ...client.fields, hl: innertube?.hl ?? 'en' } },
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

/** The ANDROID request alone (kept for callers that want exactly one client). */
export function requestAndroidPlayer(fetchFn: FetchLike, videoId: string, innertube: InnertubeConfig | null, signal: AbortSignal): Promise<AndroidPlayerAnswer> {
  return requestPlayerAs(CLEAN_URL_CLIENTS[0]!, fetchFn, videoId, innertube, signal);
}

export type CleanListing =
  | { ok: true; client: PlayerClient['clientName']; response: unknown; listing: TrackListing; tried: ClientAttempt[] }
  | { ok: false; outcome: FailureOutcome; detail: string; tried: ClientAttempt[] };

/**
 * Asks the clients of CLEAN_URL_CLIENTS in order until one answers with something other than the bot check: its
 * listing (ok, no captions, unplayable) is the answer. `tried` names every client asked and how it went.
 */
export async function requestCleanListing(fetchFn: FetchLike, videoId: string, innertube: InnertubeConfig | null, signal: AbortSignal): Promise<CleanListing> {
  const tried: ClientAttempt[] = [];
  let last: { outcome: FailureOutcome; detail: string } = { outcome: 'unavailable', detail: 'no client asked' };
  for (const client of CLEAN_URL_CLIENTS) {
    const answer = await requestPlayerAs(client, fetchFn, videoId, innertube, signal);
    if (!answer.ok) {
      tried.push({ client: client.clientName, outcome: answer.outcome, detail: answer.detail });
      // Only a bot check sends us to the next client; a network failure would fail the same way again.
      return { ok: false, outcome: answer.outcome, detail: describeClients(tried), tried };
    }
    const listing = readCaptionTracks(answer.response);
    if (listing.status === 'bot-check') {
      tried.push({ client: client.clientName, outcome: 'bot-check', detail: listing.reason });
      last = { outcome: 'bot-check', detail: describeClients(tried) };
      continue;
    }
    tried.push({ client: client.clientName, outcome: listing.status === 'ok' ? 'ok' : listing.status === 'no-captions' ? 'ok' : 'unavailable', detail: listing.status === 'unplayable' ? listing.reason : listing.status });
    return { ok: true, client: client.clientName, response: answer.response, listing, tried };
  }
  return { ok: false, ...last, tried };
}

/** "ANDROID: bot-check — Sign in…; ANDROID_VR: ok" — each client by name, for the "what was tried" list. */
export function describeClients(tried: readonly ClientAttempt[]): string {
  return tried.map((t) => `${t.client}: ${t.outcome}${t.detail && t.detail !== t.outcome ? ` — ${t.detail}` : ''}`).join('; ');
}
