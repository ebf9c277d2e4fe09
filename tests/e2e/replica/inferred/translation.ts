import type { ReplicaTrack } from '../episodes';

/**
 * INFERRED — YouTube's caption auto-translation as the timedtext endpoint serves it. Known (YOUTUBE-FACTS §1,
 * §2; asbplayer): the player response lists `translationLanguages` and `isTranslatable` per track, and a
 * translation is the track's own URL with `tlang=<code>` appended (unsigned, so the signature still holds; the
 * `pot` still applies — it is bound to the video, not the language). Guessed here, named so a capture can
 * correct it:
 *
 * - the body of a translation has the source track's events and times, with the text in the target language;
 * - `tlang` equal to the track's own language serves the track as it is;
 * - the replica cannot translate: an episode gives a translation as a file per target language
 *   (`tracks[].translations: { "en": "captions.de.tlang-en.json3" }`); a `tlang` without such a file serves the
 *   original text (what a client would get from a translation that failed silently).
 */
export interface TranslatedBody {
  cues: ReplicaTrack['cues'];
  /** The translation file's json3 text, served verbatim for fmt=json3 (like an original json3 track). */
  json3Body?: string;
  languageCode: string;
}

export function bodyForTlang(track: ReplicaTrack, tlang: string | null): TranslatedBody {
  const original = { cues: track.cues, json3Body: track.sourceFormat === 'json3' ? track.body : undefined, languageCode: track.languageCode };
  if (!tlang || tlang === track.languageCode) return original;
  const translation = track.translatedBodies?.[tlang];
  if (!translation) return original;
  return { cues: translation.cues, json3Body: translation.sourceFormat === 'json3' ? translation.body : undefined, languageCode: tlang };
}
