import { englishTranslationOf, isEnglish, type CaptionTrack } from './caption-track';

/**
 * The track to score (DESIGN §3, issue 8): first the track the user would read — the preferred language,
 * uploaded captions over ASR within it; else English (uploaded over ASR); else the first track. The lexicons
 * are English, so when that track is not English: an English track of the video if it has one, else
 * YouTube's machine translation of that track into English (`tlang=en`; the panel says "machine-translated"
 * and the scorer lowers confidence), else the track as it is. A translation is never preferred over captions
 * of the speech itself, and a translation already in `tracks` is only ever taken through this rule.
 *
 * Language matching: an exact tag match beats a primary-subtag match (`en` ~ `en-US` ~ `en-GB`), but any
 * uploaded track of the language beats an ASR one — human captions get names and terms right.
 */
export function pickTrack(tracks: CaptionTrack[], preferredLanguage: string): CaptionTrack | null {
  const candidates = tracks.filter((track) => !isTranslation(track));
  const chosen = bestInLanguage(candidates, preferredLanguage) ?? bestInLanguage(candidates, 'en') ?? candidates[0] ?? null;
  if (!chosen || isEnglish(chosen.languageCode)) return chosen;
  return bestInLanguage(candidates, 'en') ?? englishTranslationOf(chosen) ?? chosen;
}

/**
 * The tracks the user may choose from: the video's own, plus — when none is English — YouTube's English
 * translation of each translatable one (so the picker can go back to the original or to another translation).
 */
export function withEnglishTranslations(tracks: readonly CaptionTrack[]): CaptionTrack[] {
  const originals = tracks.filter((track) => !isTranslation(track));
  if (originals.some((track) => isEnglish(track.languageCode))) return [...originals];
  const translations = originals.map(englishTranslationOf).filter((track): track is CaptionTrack => track !== null);
  return [...originals, ...translations];
}

function bestInLanguage(tracks: CaptionTrack[], language: string): CaptionTrack | null {
  const wanted = language.trim().toLowerCase();
  if (wanted === '') return null;
  const primary = primarySubtag(wanted);
  let best: CaptionTrack | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const track of tracks) {
    const code = track.languageCode.toLowerCase();
    const match = code === wanted ? 0 : primarySubtag(code) === primary ? 1 : -1;
    if (match === -1) continue;
    const rank = (isAsr(track) ? 2 : 0) + match; // uploaded exact, uploaded primary, ASR exact, ASR primary
    if (rank < bestRank) {
      best = track;
      bestRank = rank;
    }
  }
  return best;
}

function primarySubtag(tag: string): string {
  const cut = tag.search(/[-_]/);
  return cut === -1 ? tag : tag.slice(0, cut);
}

function isAsr(track: CaptionTrack): boolean {
  return track.kind === 'asr' || track.vssId.startsWith('a.');
}

function isTranslation(track: CaptionTrack): boolean {
  return track.translation !== undefined || /[?&]tlang=/.test(track.baseUrl);
}
