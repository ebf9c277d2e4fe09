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
/** What makes a translated track: the track it translates and the target language (`tlang`). */
export const TrackTranslationSchema = v.object({
  tlang: LanguageCodeSchema,
  sourceVssId: VssIdSchema,
  sourceLanguageCode: LanguageCodeSchema,
});
export type TrackTranslation = v.InferOutput<typeof TrackTranslationSchema>;

export const CaptionTrackSchema = v.object({
  baseUrl: v.pipe(v.string(), v.maxLength(MAX_TRACK_URL_CHARS)),
  languageCode: LanguageCodeSchema,
  kind: v.optional(v.literal('asr')),
  vssId: VssIdSchema,
  name: TrackNameSchema,
  isTranslatable: v.optional(v.boolean()),
  /**
   * YouTube offers a machine translation of this track into English (`isTranslatable` and `en` among the
   * response's `translationLanguages`). The lexicons are English: see `englishTranslationOf`.
   */
  translatesToEnglish: v.optional(v.literal(true)),
  /** Set on a track that is YouTube's machine translation of another (`tlang` added to that track's URL). */
  translation: v.optional(TrackTranslationSchema),
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

/**
 * How cues were captioned, as the scorer weighs them: ASR, uploaded, or read from the transcript panel (start
 * times only). The one meaning of "caption kind" (the cache records it, the CLI's `--kind` names it).
 */
export const CaptionKindSchema = v.picklist(['asr', 'uploaded', 'panel']);
export type CaptionKind = v.InferOutput<typeof CaptionKindSchema>;

/**
 * The vssId of a machine translation: the source's vssId, `~tlang.`, the target language (e.g. `.de~tlang.en`).
 * It keeps a translation apart from its source everywhere a track is named by vssId (picker, cache key),
 * without a second field in `TrackRef`.
 */
export function translatedVssId(sourceVssId: string, tlang: string): string {
  return `${sourceVssId}${TLANG_MARK}${tlang}`;
}

const TLANG_MARK = '~tlang.';

/** The target language of a translated track's vssId, or null for an original track. */
export function translationTarget(vssId: string): string | null {
  const at = vssId.lastIndexOf(TLANG_MARK);
  return at === -1 ? null : vssId.slice(at + TLANG_MARK.length) || null;
}

/** True when a track is YouTube's machine translation rather than captions of the speech. */
export function isMachineTranslated(track: Pick<TrackRef, 'vssId'>): boolean {
  return translationTarget(track.vssId) !== null;
}

/**
 * YouTube's English machine translation of `track` (`tlang=en` on the track's URL), as a track of its own:
 * language `en`, the source's kind (a translation of ASR text keeps ASR's errors), a name that says so.
 * Null when YouTube offers none (the track is English already, not translatable, or English is not a target).
 */
export function englishTranslationOf(track: CaptionTrack): CaptionTrack | null {
  if (track.translation || track.translatesToEnglish !== true || isEnglish(track.languageCode)) return null;
  const translated: CaptionTrack = {
    baseUrl: track.baseUrl,
    languageCode: 'en',
    vssId: translatedVssId(track.vssId, 'en'),
    name: `${track.name} → English (machine-translated)`,
    translation: { tlang: 'en', sourceVssId: track.vssId, sourceLanguageCode: track.languageCode },
  };
  if (track.kind === 'asr') translated.kind = 'asr';
  return translated;
}

export function isEnglish(languageCode: string): boolean {
  return /^en(?:$|[-_])/i.test(languageCode);
}

export function toTrackRef(track: CaptionTrack): TrackRef {
  return {
    languageCode: track.languageCode,
    kind: track.kind === 'asr' || (track.translation?.sourceVssId ?? track.vssId).startsWith('a.') ? 'asr' : 'uploaded',
    vssId: track.vssId,
    name: track.name,
  };
}
