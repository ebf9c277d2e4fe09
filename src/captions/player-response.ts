import { isEnglish, type CaptionTrack } from './caption-track';
import { isPlainRecord } from '../schema/plain-record';

/**
 * What a player response (`ytInitialPlayerResponse`, `movie_player.getPlayerResponse()`, or a
 * `youtubei/v1/player` answer) says about captions. Untrusted input: never throws, whatever it is given.
 */
export type TrackListing =
  | { status: 'ok'; videoId: string | null; tracks: CaptionTrack[] }
  | { status: 'no-captions'; videoId: string | null }
  | { status: 'bot-check'; videoId: string | null; reason: string }
  | { status: 'unplayable'; videoId: string | null; reason: string };

export function readCaptionTracks(playerResponse: unknown): TrackListing {
  const videoId = readVideoId(playerResponse);
  if (!isPlainRecord(playerResponse)) return { status: 'unplayable', videoId, reason: 'no player response' };

  const tracks = readTracks(playerResponse);
  if (tracks.length > 0) return { status: 'ok', videoId, tracks };

  const playability = isPlainRecord(playerResponse.playabilityStatus) ? playerResponse.playabilityStatus : {};
  const status = typeof playability.status === 'string' ? playability.status : 'OK';
  const reason = readReason(playability) ?? status;
  // A non-web client refused as a suspected bot: a failed strategy (try another), not "no captions".
  if (status === 'LOGIN_REQUIRED' && /\bbot\b/i.test(reason)) return { status: 'bot-check', videoId, reason };
  if (status !== 'OK') return { status: 'unplayable', videoId, reason };
  return { status: 'no-captions', videoId };
}

/** `videoDetails.videoId` — the only reliable way to tell a stale response (SPA navigation) from the current one. */
export function readVideoId(playerResponse: unknown): string | null {
  if (!isPlainRecord(playerResponse) || !isPlainRecord(playerResponse.videoDetails)) return null;
  const id = playerResponse.videoDetails.videoId;
  return typeof id === 'string' && VIDEO_ID.test(id) ? id : null;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** What `videoDetails` says about the video, for display in the episode library (page text: untrusted). */
export interface RawVideoDetails {
  title: string;
  channel: string;
  channelId: string | null;
  durationSec: number | null;
}

/**
 * `videoDetails.title`, `author`, `channelId`, `lengthSeconds` (a decimal string). Only the types are settled here;
 * the bridge's schema bounds them. null when title or author is missing (nothing worth showing).
 */
export function readVideoDetails(playerResponse: unknown): RawVideoDetails | null {
  if (!isPlainRecord(playerResponse) || !isPlainRecord(playerResponse.videoDetails)) return null;
  const { title, author, channelId, lengthSeconds } = playerResponse.videoDetails;
  if (typeof title !== 'string' || typeof author !== 'string') return null;
  const seconds = typeof lengthSeconds === 'string' && /^\d{1,9}$/.test(lengthSeconds) ? Number(lengthSeconds) : null;
  return { title, channel: author, channelId: typeof channelId === 'string' ? channelId : null, durationSec: seconds };
}

function readTracks(response: Record<string, unknown>): CaptionTrack[] {
  const captions = response.captions;
  const renderer = isPlainRecord(captions) ? captions.playerCaptionsTracklistRenderer : undefined;
  const list = isPlainRecord(renderer) ? renderer.captionTracks : undefined;
  if (!Array.isArray(list)) return [];
  const english = readTranslationLanguages(renderer).some(isEnglish);
  const tracks: CaptionTrack[] = [];
  for (const item of list as unknown[]) {
    const track = readTrack(item);
    if (!track) continue;
    if (english && track.isTranslatable === true && !isEnglish(track.languageCode)) track.translatesToEnglish = true;
    tracks.push(track);
  }
  return tracks;
}

/** `translationLanguages[].languageCode`: the languages YouTube can machine-translate this video's tracks into. */
function readTranslationLanguages(renderer: unknown): string[] {
  const list = isPlainRecord(renderer) ? renderer.translationLanguages : undefined;
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).flatMap((item) => (isPlainRecord(item) && typeof item.languageCode === 'string' ? [item.languageCode] : []));
}

function readTrack(item: unknown): CaptionTrack | null {
  if (!isPlainRecord(item)) return null;
  const { baseUrl, languageCode } = item;
  if (typeof baseUrl !== 'string' || baseUrl === '' || typeof languageCode !== 'string' || languageCode === '') return null;
  const asr = item.kind === 'asr';
  const vssId = typeof item.vssId === 'string' && item.vssId !== '' ? item.vssId : `${asr ? 'a.' : '.'}${languageCode}`;
  const track: CaptionTrack = { baseUrl, languageCode, vssId, name: readText(item.name) ?? languageCode };
  if (asr) track.kind = 'asr';
  if (typeof item.isTranslatable === 'boolean') track.isTranslatable = item.isTranslatable;
  return track;
}

function readReason(playability: Record<string, unknown>): string | null {
  if (typeof playability.reason === 'string' && playability.reason !== '') return playability.reason;
  const fromText = readText(playability.reason);
  if (fromText) return fromText;
  if (Array.isArray(playability.messages) && typeof playability.messages[0] === 'string') return playability.messages[0];
  const screen = isPlainRecord(playability.errorScreen) ? playability.errorScreen.playerErrorMessageRenderer : undefined;
  return isPlainRecord(screen) ? readText(screen.reason) : null;
}

/** YouTube text objects come as `{simpleText}` or `{runs: [{text}]}` depending on the client. */
function readText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!isPlainRecord(value)) return null;
  if (typeof value.simpleText === 'string') return value.simpleText;
  if (Array.isArray(value.runs)) {
    const text = (value.runs as unknown[]).map((run) => (isPlainRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
    return text === '' ? null : text;
  }
  return null;
}

