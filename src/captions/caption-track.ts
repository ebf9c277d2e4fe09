/**
 * A caption track as listed by the player response (`captions.playerCaptionsTracklistRenderer.captionTracks`),
 * normalised: `name` is plain text whichever shape (`simpleText` / `runs`) YouTube used.
 */
export interface CaptionTrack {
  baseUrl: string;
  languageCode: string;
  /** `asr` for auto-generated tracks; absent for uploaded ones. */
  kind?: 'asr';
  vssId: string;
  name: string;
  isTranslatable?: boolean;
  /**
   * YouTube offers a machine translation of this track into English (`isTranslatable` and `en` among the
   * response's `translationLanguages`). The lexicons are English: see `englishTranslationOf`.
   */
  translatesToEnglish?: boolean;
  /** Set on a track that is YouTube's machine translation of another (`tlang` added to that track's URL). */
  translation?: TrackTranslation;
}

/** What makes a translated track: the track it translates and the target language (`tlang`). */
export interface TrackTranslation {
  tlang: string;
  sourceVssId: string;
  sourceLanguageCode: string;
}

/** The identity of a track, stable across sessions (what the cache keys on). */
export interface TrackRef {
  languageCode: string;
  kind: 'asr' | 'uploaded';
  vssId: string;
  name: string;
}

/** Strategy that delivered a caption body (DESIGN §9 `data-source`). */
export type CaptionSource = 'player' | 'direct' | 'panel';

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
