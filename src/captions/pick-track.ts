import type { CaptionTrack } from './caption-track';

/**
 * The track to score (DESIGN §3): the user's preferred language, uploaded captions over ASR within it;
 * else English (uploaded over ASR); else the first track. Never a translation (`tlang`): machine-translated
 * captions would score the translator, not the speaker.
 *
 * Language matching: an exact tag match beats a primary-subtag match (`en` ~ `en-US` ~ `en-GB`), but any
 * uploaded track of the language beats an ASR one — human captions get names and terms right.
 */
export function pickTrack(tracks: CaptionTrack[], preferredLanguage: string): CaptionTrack | null {
  const candidates = tracks.filter((track) => !isTranslation(track));
  return (
    bestInLanguage(candidates, preferredLanguage) ??
    bestInLanguage(candidates, 'en') ??
    candidates[0] ??
    null
  );
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
  return /[?&]tlang=/.test(track.baseUrl);
}
