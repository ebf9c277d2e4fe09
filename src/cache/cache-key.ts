import type { TrackRef } from '../captions/caption-track';

/**
 * Cache keys (pure). An episode is one video + one caption track; a map is an episode scored under one
 * lexicon set by one scorer version. Each part is URI-encoded so no value (a track name, a vssId such as
 * `.en-GB`) can contain the `|` separator and make two different keys equal.
 */

/** The track's identity as the cache sees it: kind + language + vssId (the display name is not identity). */
export function trackKey(track: Pick<TrackRef, 'kind' | 'languageCode' | 'vssId'>): string {
  return [track.kind, track.languageCode, track.vssId].map(encodeURIComponent).join(':');
}

/** Key of an episode's parsed cues (and of its entry in the LRU ledger). */
export function episodeKey(videoId: string, track: Pick<TrackRef, 'kind' | 'languageCode' | 'vssId'>): string {
  return `${encodeURIComponent(videoId)}|${trackKey(track)}`;
}

/** Key of a perspective map: the episode + the lexicon-set hash + the scorer version. */
export function cacheKey(
  videoId: string,
  track: Pick<TrackRef, 'kind' | 'languageCode' | 'vssId'>,
  lexiconHash: string,
  scorerVersion: string,
): string {
  return `${episodeKey(videoId, track)}|${encodeURIComponent(lexiconHash)}|${encodeURIComponent(scorerVersion)}`;
}

/** The video id and track identity an episode key was made from (the display name is not in it: ''), or null. */
export function parseEpisodeKey(key: string): { videoId: string; track: TrackRef } | null {
  const [video, track, ...rest] = key.split('|');
  if (video === undefined || track === undefined || rest.length > 0) return null;
  const parts = track.split(':');
  if (parts.length !== 3) return null;
  try {
    const [kind, languageCode, vssId] = parts.map(decodeURIComponent) as [string, string, string];
    if (kind !== 'asr' && kind !== 'uploaded') return null;
    return { videoId: decodeURIComponent(video), track: { kind, languageCode, vssId, name: '' } };
  } catch {
    return null;
  }
}

export default cacheKey;
