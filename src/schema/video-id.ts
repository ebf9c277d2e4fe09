import * as v from 'valibot';

/**
 * A YouTube video id: exactly 11 characters of [A-Za-z0-9_-]. The one rule for every boundary (messages, the
 * bridge, URLs, the cache, the CLI): it also guarantees an id can never break a cache key or a URL apart.
 */
export const VIDEO_ID_PATTERN = /^[A-Za-z0-9_-]{11}$/;

const NOT_A_VIDEO_ID = 'not a valid video id (11 characters of A–Z, a–z, 0–9, _ and -)';
/** The length check comes first so a huge string is rejected by its length alone, never scanned or quoted. */
export const VideoIdSchema = v.pipe(v.string(), v.maxLength(11, NOT_A_VIDEO_ID), v.regex(VIDEO_ID_PATTERN, NOT_A_VIDEO_ID));

export function isVideoId(value: unknown): value is string {
  return typeof value === 'string' && VIDEO_ID_PATTERN.test(value);
}
