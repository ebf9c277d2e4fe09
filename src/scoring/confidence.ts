import { DEFAULT_ENABLED_LEXICON_IDS } from '../lexicons/builtin-lexicon-ids';
import type { Confidence } from './perspective-map';
import { bandOf } from './slice-score';
import { percentile } from './score-statistics';

/** The default spectrum lexicons: switching any of them off leaves the axis measured differently from the default. */
export const BUILTIN_SPECTRUM_IDS: readonly string[] = DEFAULT_ENABLED_LEXICON_IDS.filter((id) => !id.startsWith('lens-'));
/** Fewer on-topic slices than this leaning either way: the stance rests on too little. */
export const FEW_STANCE_SLICES = 3;
/** When the smaller side holds at least this share of the leaning slices, the stance signal disagrees with itself. */
export const STANCE_DISAGREEMENT = 0.35;
/** Disagreement is judged only from this many leaning slices on. */
export const MIN_SLICES_FOR_DISAGREEMENT = 6;
/** Below this many slices the arc is thin; below 5 the map is excerpts (see slice-plan.ts). */
export const FEW_SLICES = 20;
/** Stance-bearing hits per 1,000 words below which a map rests on too little evidence. */
export const SPARSE_HITS = 2.5;
export const VERY_SPARSE_HITS = 1;
/** Medians of the even and odd slices further apart than this (or in different bands) disagree. */
export const SPLIT_HALF_TOLERANCE = 10;

/** The reason a map made from YouTube's machine translation into English gives (one step off). */
export const MACHINE_TRANSLATED_REASON = "machine-translated captions (YouTube's English translation): the wording is the translator's";

export interface ConfidenceInput {
  captionKind?: 'asr' | 'uploaded' | 'panel';
  /** The captions are YouTube's translation of another language (`tlang=en`): the stance is read from the translator's words. */
  machineTranslated?: boolean;
  sliceScores: readonly number[];
  excerpts: boolean;
  words: number;
  /** Spectrum matches with a non-zero contribution. */
  stanceHits: number;
  enabledLexiconIds: readonly string[];
  /** Is the episode about AI (topic gate), and its AI mentions per hour, for the reason's wording. */
  onTopic?: boolean;
  aiMentionsPerHour?: number;
  /** Scores of the on-topic slices (the ones headline.stance is drawn from). */
  onTopicScores?: readonly number[];
}

/**
 * Starts at high and loses a step per caveat (two for the gravest); every step taken is a reason listed, so
 * the panel can say why a map is only medium or low.
 */
export function assessConfidence(input: ConfidenceInput): { confidence: Confidence; reasons: string[] } {
  const reasons: string[] = [];
  let penalty = 0;
  const add = (steps: number, reason: string): void => {
    penalty += steps;
    reasons.push(reason);
  };

  if (input.captionKind === 'asr') add(1, 'auto-generated (ASR) captions: names and terms may be mis-heard');
  if (input.captionKind === 'panel') add(1, 'transcript-panel text: start times only');
  if (input.machineTranslated === true) add(1, MACHINE_TRANSLATED_REASON);

  const slices = input.sliceScores.length;
  if (slices === 0) add(2, 'no caption text to score');
  else if (input.excerpts) add(2, `short transcript (${slices} beginning / middle / end excerpts instead of full slices)`);
  else if (slices < FEW_SLICES) add(1, `only ${slices} slices`);

  if (slices > 0) {
    const density = (input.stanceHits * 1000) / Math.max(input.words, 1);
    const shown = density.toFixed(1);
    if (density < VERY_SPARSE_HITS) add(2, `very few lexicon hits (${shown} per 1,000 words)`);
    else if (density < SPARSE_HITS) add(1, `few lexicon hits (${shown} per 1,000 words)`);
  }

  if (slices >= 10) {
    const even = input.sliceScores.filter((_, i) => i % 2 === 0).sort((a, b) => a - b);
    const odd = input.sliceScores.filter((_, i) => i % 2 === 1).sort((a, b) => a - b);
    const a = percentile(even, 0.5);
    const b = percentile(odd, 0.5);
    if (bandOf(Math.round(a)) !== bandOf(Math.round(b)) || Math.abs(a - b) > SPLIT_HALF_TOLERANCE) {
      add(1, `split halves disagree (median ${Math.round(a)} vs ${Math.round(b)})`);
    }
  }

  if (input.onTopic === false) add(1, `says little about AI (${input.aiMentionsPerHour ?? 0} AI mentions per hour)`);
  if (input.onTopicScores && slices > 0 && !input.excerpts) {
    const risk = input.onTopicScores.filter((s) => bandOf(s) === 'risk-forward').length;
    const opportunity = input.onTopicScores.filter((s) => bandOf(s) === 'opportunity-forward').length;
    const leaning = risk + opportunity;
    if (leaning < FEW_STANCE_SLICES) add(1, `little stance signal (${leaning} on-topic slice${leaning === 1 ? '' : 's'} lean either way)`);
    else if (leaning >= MIN_SLICES_FOR_DISAGREEMENT && Math.min(risk, opportunity) / leaning >= STANCE_DISAGREEMENT) {
      add(1, `the stance signal disagrees (${risk} slices lean risk-forward, ${opportunity} opportunity-forward)`);
    }
  }

  const off = BUILTIN_SPECTRUM_IDS.filter((id) => !input.enabledLexiconIds.includes(id));
  if (off.length > 0) add(1, `default spectrum lexicon${off.length > 1 ? 's' : ''} off: ${off.join(', ')}`);

  const confidence: Confidence = penalty === 0 ? 'high' : penalty === 1 ? 'medium' : 'low';
  return { confidence, reasons };
}
