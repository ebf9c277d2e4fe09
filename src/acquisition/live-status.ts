/**
 * Is the video live right now? A live stream's captions are a moving window: a map drawn from them would be
 * cached as if it described the whole broadcast. `videoDetails.isLive` (player response) or
 * `getVideoData().isLive` (the player) say "live now"; `isLiveContent` alone means "was broadcast live" — an
 * ended stream, which maps like any other video. Pure; untrusted input, never throws.
 */
import { isPlainRecord } from '../schema/plain-record';
export type LiveStatus = 'live' | 'ended-live' | 'not-live';

export function readLiveStatus(playerResponse: unknown, videoData?: unknown): LiveStatus {
  const details = isPlainRecord(playerResponse) && isPlainRecord(playerResponse.videoDetails) ? playerResponse.videoDetails : {};
  if (details.isLive === true) return 'live';
  if (isPlainRecord(videoData) && videoData.isLive === true) return 'live';
  return details.isLiveContent === true ? 'ended-live' : 'not-live';
}

