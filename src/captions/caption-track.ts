import * as v from 'valibot';

/**
 * Caption tracks and their identity, as schemas (the types are inferred from them). The same rules hold wherever a
 * track crosses a boundary: the bridge (a CaptionTrack from the page), extension messages and cache records (a
 * TrackRef).
 */

/** A BCP 47-ish language code as YouTube writes it (`en`, `zh-Hans`, `es-419`). */
export const LanguageCodeSchema = v.pipe(
  v.string(),
  v.maxLength(35, 'not a valid language code'),
  v.regex(/^[A-Za-z0-9-]{1,35}$/, 'not a valid language code'),
);
/** YouTube's track id (`a.en`, `.en`, `.en.nP7-2PuUl7o`); plain text, only bounded. */
export const VssIdSchema = v.pipe(v.string(), v.maxLength(100));
/** A track's display name (plain text whichever shape, `simpleText` or `runs`, YouTube used). */
export const TrackNameSchema = v.pipe(v.string(), v.maxLength(300));
/** Longest caption URL accepted from the page (real ones are ~1.5 kB). */
export const MAX_TRACK_URL_CHARS = 8_000;

/**
 * A caption track as listed by the player response (`captions.playerCaptionsTracklistRenderer.captionTracks`),
 * normalised: `name` is plain text; `kind` is `asr` for auto-generated tracks and absent for uploaded ones.
 */
export const CaptionTrackSchema = v.object({
  baseUrl: v.pipe(v.string(), v.maxLength(MAX_TRACK_URL_CHARS)),
  languageCode: LanguageCodeSchema,
  kind: v.optional(v.literal('asr')),
  vssId: VssIdSchema,
  name: TrackNameSchema,
  isTranslatable: v.optional(v.boolean()),
});
export type CaptionTrack = v.InferOutput<typeof CaptionTrackSchema>;

/** The identity of a track, stable across sessions (what the cache keys on). */
export const TrackRefSchema = v.strictObject({
  languageCode: LanguageCodeSchema,
  kind: v.picklist(['asr', 'uploaded']),
  vssId: VssIdSchema,
  name: TrackNameSchema,
});
export type TrackRef = v.InferOutput<typeof TrackRefSchema>;

/** Strategy that delivered a caption body (DESIGN §9 `data-source`). */
export const CaptionSourceSchema = v.picklist(['player', 'direct', 'panel']);
export type CaptionSource = v.InferOutput<typeof CaptionSourceSchema>;

export function toTrackRef(track: CaptionTrack): TrackRef {
  return {
    languageCode: track.languageCode,
    kind: track.kind === 'asr' || track.vssId.startsWith('a.') ? 'asr' : 'uploaded',
    vssId: track.vssId,
    name: track.name,
  };
}
