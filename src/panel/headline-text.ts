/**
 * The panel's sentences, built from the map's structured fields in the seed page's wording
 * ("Across 107 full-transcript segments: median 0 · mean -1 · spread -18–9 (p10–p90 -10–5) · …").
 * Pure: no DOM, no Preact. Everything here is rendered as text nodes, never parsed as markup.
 */
import type { BandId, Headline, PerspectiveMap } from '../scoring/perspective-map';

const BAND_LABEL: Readonly<Record<BandId, string>> = {
  'risk-forward': 'Risk-forward',
  mixed: 'Mixed',
  'opportunity-forward': 'Opportunity-forward',
};

export function bandLabel(band: BandId): string {
  return BAND_LABEL[band] ?? band;
}

/** Whole number as the seed prints it (ASCII hyphen, no "-0"). */
function whole(n: number): string {
  const r = Math.round(n);
  return String(r === 0 ? 0 : r);
}

export function countText(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "Across 107 full-transcript segments: median 0 · mean -1 · spread -18–9 (p10–p90 -10–5) · 2% risk-forward, 98% mixed, 0% opportunity-forward slices." */
export function statsLine(map: PerspectiveMap): string {
  const h = map.headline;
  const s = h.bandShares;
  return (
    `Across ${countText(map.slices.length)} full-transcript segments: median ${whole(h.median)} · mean ${whole(h.mean)} · ` +
    `spread ${whole(h.min)}–${whole(h.max)} (p10–p90 ${whole(h.p10)}–${whole(h.p90)}) · ` +
    `${whole(s['risk-forward'])}% risk-forward, ${whole(s.mixed)}% mixed, ${whole(s['opportunity-forward'])}% opportunity-forward slices.`
  );
}

/** "Stance -3" — where the episode leans once talk without stance is set aside (DESIGN §9.1). */
export function stanceText(h: Headline): string {
  return `Stance ${whole(h.stance)}`;
}

/**
 * "Stance -3: Mixed leaning, primarily in the Technical lens. Evidence mode: interview. Confidence: medium."
 * The seed's second line, led by the stance whose band the leaning now is.
 */
export function leaningLine(h: Headline): string {
  return `${stanceText(h)}: ${bandLabel(h.leaning)} leaning, primarily in the ${h.lens} lens. Evidence mode: ${h.evidenceMode}. Confidence: ${h.confidence}.`;
}

/** AI mentions per hour as the off-topic sentence prints it: whole numbers, one decimal below 10. */
export function mentionsPerHourText(perHour: number): string {
  const value = perHour < 10 ? Math.round(perHour * 10) / 10 : Math.round(perHour);
  return `${value.toLocaleString('en-US')} AI mention${value === 1 ? '' : 's'} per hour`;
}

/**
 * The off-topic state's sentence (§9.1), with the figure that decided it. Captions in another language than
 * English (a track the user picked) are told apart: the English word lists find little in them whatever they say.
 */
export function offTopicSentence(map: PerspectiveMap, trackLanguage?: string): string {
  const figure = mentionsPerHourText(map.headline.topic.aiMentionsPerHour);
  if (trackLanguage && !/^en(?:$|[-_])/i.test(trackLanguage)) {
    return `These captions are not in English (${trackLanguage}) and the lexicons read English: they find little about AI here (${figure}), so the map is not drawn.`;
  }
  return `This video says little about AI (${figure}), so its map is not drawn.`;
}

/** Concept ids are kebab-case data ("job-loss"); people read words. */
export function conceptText(id: string): string {
  return id.replace(/[-_]+/g, ' ').trim();
}

/** "Emphasizes alignment · Emphasizes safety", or null when nothing stands out. */
export function emphasizesLine(h: Headline): string | null {
  const parts = h.emphasizes.slice(0, 3).map((c) => `Emphasizes ${conceptText(c)}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function segmentsLine(map: PerspectiveMap): string {
  return `${countText(map.captionSegments)} caption segment${map.captionSegments === 1 ? '' : 's'}`;
}

/**
 * The header's lines: the scorer's sentence first, then the leaning and emphasis lines unless the
 * sentence already says them (the scorer's sentence may be the seed's whole paragraph or just its first line).
 */
export function headlineLines(map: PerspectiveMap): string[] {
  const sentence = map.headline.sentence.trim() || statsLine(map);
  const lines = [sentence];
  const leaning = leaningLine(map.headline);
  if (!sentence.includes(leaning)) lines.push(leaning);
  const emphasizes = emphasizesLine(map.headline);
  if (emphasizes && !sentence.includes(emphasizes)) lines.push(emphasizes);
  return lines;
}

/** The collapsed one-liner: "Mixed leaning · stance -3 · median 0 · confidence medium". */
export function collapsedLine(map: PerspectiveMap): string {
  const h = map.headline;
  return `${bandLabel(h.leaning)} leaning · stance ${whole(h.stance)} · median ${whole(h.median)} · confidence ${h.confidence}`;
}
