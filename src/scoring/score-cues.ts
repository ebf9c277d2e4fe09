import type { Cue } from '../captions/cue';
import { normalizeCueText } from '../captions/cue-text';
import { isNormalCueText } from '../captions/is-normal-cue-text';
import type { Lexicon } from '../lexicons/lexicon';
import { compileMatcher, type CompiledMatcher, type MatchedEntry } from './compile-matcher';
import { assessConfidence } from './confidence';
import { evidenceMode } from './evidence-mode';
import { headlineSentence } from './headline-sentence';
import { matchTokenIds, type TermMatch } from './match-tokens';
import { modifierFactor, modifierFlags } from './modifiers';
import type { Lens, PerspectiveMap, SliceScore, SliceTerm } from './perspective-map';
import { SCORER_VERSION } from './scorer-version';
import { scoreStatistics } from './score-statistics';
import { planSlices } from './slice-plan';
import { bandOf, sliceScore } from './slice-score';
import { termHit, type TermHit } from './term-hits';
import { tokenizeCueIds } from './tokenize-cues';
import { episodeTopic, mentionsOf, slicesOnTopic } from './topic';

export interface ScoreOptions {
  lexicons: Lexicon[];
  videoId?: string;
  captionKind?: 'asr' | 'uploaded' | 'panel';
  /**
   * The captions are YouTube's machine translation into English (a `tlang=en` track): scored the same, with
   * confidence one step lower and the reason said (the lexicons read the translator's wording, not the speaker's).
   */
  machineTranslated?: boolean;
  /** Called with a fraction in 0…1 as phases complete (for a long transcript's progress bar). */
  onProgress?: (fraction: number) => void;
  /** `compileMatcher(lexicons)` made earlier for this very set (the worker's memo); compiled here when absent. */
  matcher?: CompiledMatcher;
}

/** Terms kept per slice for explanations. */
export const TERMS_PER_SLICE = 5;
/**
 * "Emphasizes": concepts ranked by the stance weight their spectrum hits carry (|weight|, before modifiers:
 * "not safe" still talks about safety), plus LENS_CONCEPT_WEIGHT per lens hit, so a topic mentioned often
 * without stance breaks ties but cannot outvote stance language. At most MAX_EMPHASES, each with at least
 * EMPHASIS_MIN_WEIGHT and EMPHASIS_SHARE of the top concept's weight.
 */
export const MAX_EMPHASES = 3;
export const EMPHASIS_MIN_WEIGHT = 3;
export const EMPHASIS_SHARE = 0.5;
export const LENS_CONCEPT_WEIGHT = 0.1;
const LENS_ORDER: readonly Lens[] = ['Technical', 'Governance', 'Societal', 'Economic'];
const EXCERPT_CHARS = 160;

/**
 * Cues + lexicons → the perspective map. Pure, synchronous and deterministic: the same cues and lexicons
 * give the same map in the service worker, in the CLI and in tests.
 */
export function scoreCues(cues: Cue[], options: ScoreOptions): PerspectiveMap {
  return score(cues, options, null);
}

/**
 * scoreCues, plus every counted term with its place in the original cue text (for the transcript drawer to
 * highlight in place). The map is the same as scoreCues gives; the hits come from the very loop that sums
 * the slice scores, so they cannot disagree with it.
 */
export function scoreCuesWithHits(cues: Cue[], options: ScoreOptions): { map: PerspectiveMap; hits: TermHit[] } {
  const hits: TermHit[] = [];
  return { map: score(cues, options, hits), hits };
}

function score(cues: Cue[], options: ScoreOptions, hits: TermHit[] | null): PerspectiveMap {
  const { lexicons, onProgress } = options;
  const stream = tokenizeCueIds(cues, { offsets: hits !== null });
  const { ids, cueOf, length: tokenCount } = stream;
  const { spellings } = stream.words;
  onProgress?.(0.3);
  const matcher = options.matcher ?? compileMatcher(lexicons);
  const matches = matchTokenIds(ids, tokenCount, stream.words, matcher);
  onProgress?.(0.6);
  const plan = planSlices(cues.length);

  // Slice of each cue, and words per slice in one sweep (tokens are in cue order, slices contiguous).
  const sliceOfCue = new Int32Array(cues.length);
  plan.ranges.forEach(([first, last], s) => sliceOfCue.fill(s, first, last + 1));
  const words = new Array<number>(plan.ranges.length).fill(0);
  const sliceTokens: [number, number][] = [];
  for (let s = 0, i = 0; s < plan.ranges.length; s++) {
    const last = (plan.ranges[s] as [number, number])[1];
    const begin = i;
    i = firstTokenAfter(cueOf, begin, tokenCount, last);
    words[s] = i - begin;
    sliceTokens.push([begin, i]);
  }
  const mentions = mentionsOf(matches.topic);
  const topic = episodeTopic(mentions, tokenCount);
  const onTopic = slicesOnTopic(mentions, sliceTokens, tokenCount);

  const nets = new Array<number>(plan.ranges.length).fill(0);
  const hitsBySlice = new Array<number>(plan.ranges.length).fill(0);
  // A slice's terms keyed by number (term × lexicon), in first-seen order as before: no key string per hit.
  const termsBySlice = plan.ranges.map(() => new Map<number, SliceTerm>());
  const terms = new TermKeys(spellings, ids, matcher.lexicons.length);
  const flags = modifierFlags(stream.words);
  const conceptHits = new Map<string, number>();
  const conceptAt = new Map<string, Set<number>>();
  let stanceHits = 0;
  for (const match of matches.spectrum) {
    const cueIndex = cueOf[match.start] as number;
    const s = sliceOfCue[cueIndex] as number;
    const factor = modifierFactor(ids, tokenCount, flags, match.start, match.end);
    const termKey = terms.keyOf(match);
    const hit = hits && stream.offsets ? termHit(cues, stream.offsets, cueOf, match, terms.text(termKey), s) : null;
    const sliceTerms = termsBySlice[s] as Map<number, SliceTerm>;
    for (let k = 0; k < match.entries.length; k++) {
      const { lexicon, entry, lexiconIndex } = match.entries[k] as MatchedEntry;
      if (entry.weight === 0) continue;
      const contribution = entry.weight * factor;
      if (hit) hit.add(lexicon.id, contribution);
      stanceHits++;
      hitsBySlice[s] = (hitsBySlice[s] as number) + 1;
      nets[s] = (nets[s] as number) + contribution;
      const key = terms.withLexicon(termKey, lexiconIndex);
      const seen = sliceTerms.get(key);
      if (seen) seen.contribution += contribution;
      else sliceTerms.set(key, { term: terms.text(termKey), lexicon: lexicon.id, contribution, cueIndex, timeMs: (cues[cueIndex] as Cue).startMs });
      if (entry.concept) countConcept(conceptHits, conceptAt, entry.concept, match, Math.abs(entry.weight));
    }
    if (hit?.counted()) (hits as TermHit[]).push(hit.value);
  }
  const lensHits = new Map<Lens, number>();
  for (const match of matches.lens) {
    for (const { entry } of match.entries) {
      if (entry.lens) lensHits.set(entry.lens, (lensHits.get(entry.lens) ?? 0) + 1);
      if (entry.concept) countConcept(conceptHits, conceptAt, entry.concept, match, LENS_CONCEPT_WEIGHT);
    }
  }
  onProgress?.(0.8);

  const slices: SliceScore[] = plan.ranges.map(([firstCue, lastCue], index) => {
    const score = sliceScore(nets[index] as number, words[index] as number);
    const terms = topTerms(termsBySlice[index] as Map<number, SliceTerm>);
    return {
      index,
      firstCue,
      lastCue,
      startMs: (cues[firstCue] as Cue).startMs,
      endMs: (cues[lastCue] as Cue).endMs,
      words: words[index] as number,
      score,
      band: bandOf(score),
      onTopic: onTopic[index] as boolean,
      terms,
      excerpt: excerptOf(cues, firstCue, lastCue),
    };
  });

  const scores = slices.map((s) => s.score);
  const stats = scoreStatistics(scores);
  const stance = episodeStance(slices, hitsBySlice);
  const { confidence, reasons } = assessConfidence({
    captionKind: options.captionKind,
    machineTranslated: options.machineTranslated === true,
    sliceScores: scores,
    excerpts: plan.excerpts,
    words: tokenCount,
    stanceHits,
    enabledLexiconIds: lexicons.map((l) => l.id),
    onTopic: topic.onTopic,
    aiMentionsPerHour: mentionsPerHour(mentions.total, cues),
    onTopicScores: slices.filter((s) => s.onTopic).map((s) => s.score),
  });
  const map: PerspectiveMap = {
    ...(options.videoId !== undefined ? { videoId: options.videoId } : {}),
    captionSegments: cues.length,
    scorerVersion: SCORER_VERSION,
    lexicons: lexicons.map((l) => ({ id: l.id, version: l.version })),
    lexiconHash: matcher.lexiconHash,
    slices,
    headline: {
      ...stats,
      stance,
      leaning: bandOf(Math.round(stance)),
      topic: { onTopic: topic.onTopic, aiMentionsPerHour: mentionsPerHour(mentions.total, cues) },
      lens: topLens(lensHits),
      evidenceMode: evidenceMode(matches.markers, tokenCount, cues).mode,
      confidence,
      confidenceReasons: reasons,
      emphasizes: emphasized(conceptHits),
      extremes: extremes(scores, stats.median),
      sentence: headlineSentence(stats, slices.length, plan.excerpts),
    },
  };
  onProgress?.(1);
  return map;
}

/**
 * Where the episode leans once talk without stance is set aside: the median score of the slices that are about
 * AI and carry stance signal. Slices with no stance hit (technical talk, small talk) and off-topic slices
 * (a war story's harm words) do not pull it toward 0 or anywhere else; the median, not the mean, so a few
 * slices dense with risk or benefit vocabulary (a sceptic quoting the doom he dismisses) cannot outvote where
 * most of the stance-bearing talk sits. Chosen by the leave-episodes-out figures (TRAINING-REPORT.md): over
 * every lexicon variant tried, the median ranked the development episodes better than the mean.
 */
export function episodeStance(slices: readonly Pick<SliceScore, 'onTopic' | 'score'>[], hits: readonly number[]): number {
  const scores: number[] = [];
  slices.forEach((slice, i) => {
    if (slice.onTopic && (hits[i] as number) > 0) scores.push(slice.score);
  });
  if (scores.length === 0) return 0;
  scores.sort((a, b) => a - b);
  const mid = (scores.length - 1) / 2;
  return round2(((scores[Math.floor(mid)] as number) + (scores[Math.ceil(mid)] as number)) / 2);
}

/** The first token in [from, to) whose cue comes after `lastCue` (`to` if none): a binary search, cue indexes ascend. */
function firstTokenAfter(cueOf: Int32Array, from: number, to: number, lastCue: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cueOf[mid] as number) <= lastCue) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** AI mentions per hour of the captions' span (0 when the cues carry no time). */
function mentionsPerHour(mentions: number, cues: readonly Cue[]): number {
  if (cues.length === 0) return 0;
  const spanMs = (cues[cues.length - 1] as Cue).endMs - (cues[0] as Cue).startMs;
  if (spanMs <= 0) return 0;
  return Math.round((mentions * 3_600_000 * 10) / spanMs) / 10;
}

/**
 * Numbers for the terms of spectrum matches: a one-word term is its word id; a phrase gets an id after all the
 * word ids, once per distinct phrase. Each term's text (its words, space-separated: its key among a slice's terms
 * and its label) is built once, when first asked for.
 */
class TermKeys {
  private readonly phrases = new Map<string, number>();
  /** The text of phrase key `spellings.length + k` at index k. */
  private readonly phraseTexts: string[] = [];

  constructor(
    private readonly spellings: readonly string[],
    private readonly ids: Int32Array,
    private readonly lexiconCount: number,
  ) {}

  keyOf(match: TermMatch): number {
    if (match.end - match.start === 1) return this.ids[match.start] as number;
    const text = this.join(match);
    let key = this.phrases.get(text);
    if (key === undefined) {
      key = this.spellings.length + this.phraseTexts.length;
      this.phrases.set(text, key);
      this.phraseTexts.push(text);
    }
    return key;
  }

  text(key: number): string {
    const words = this.spellings.length;
    return key < words ? (this.spellings[key] as string) : (this.phraseTexts[key - words] as string);
  }

  /** One number per (term, lexicon) pair. */
  withLexicon(key: number, lexiconIndex: number): number {
    return key * this.lexiconCount + lexiconIndex;
  }

  private join(match: TermMatch): string {
    let text = this.spellings[this.ids[match.start] as number] as string;
    for (let i = match.start + 1; i < match.end; i++) text += ` ${this.spellings[this.ids[i] as number] as string}`;
    return text;
  }
}

/** One vote per concept per position: a phrase that both a spectrum and a lens lexicon tag counts once (spectrum first). */
function countConcept(hits: Map<string, number>, at: Map<string, Set<number>>, concept: string, match: TermMatch, weight: number): void {
  // Positions per concept (numbers), not a `${start}:${concept}` string per match: a thousand lens hits per episode.
  let starts = at.get(concept);
  if (starts === undefined) {
    starts = new Set();
    at.set(concept, starts);
  }
  if (starts.has(match.start)) return;
  starts.add(match.start);
  hits.set(concept, (hits.get(concept) ?? 0) + weight);
}

/**
 * A slice's TERMS_PER_SLICE terms of most weight (rounded to 2 decimals; those that round to 0 left out), ties
 * broken by the earlier cue, then by first appearance. The terms are mutated in place (they are this call's own
 * objects) rather than copied: a learned lexicon gives a slice dozens of terms, of which five are kept — so they
 * are not sorted: each is placed among the best so far, after every one it does not beat (as a stable sort
 * would place it), and dropped when that is past the fifth.
 */
export function topTerms(terms: Map<number, SliceTerm>): SliceTerm[] {
  const top: SliceTerm[] = [];
  for (const term of terms.values()) {
    term.contribution = round2(term.contribution);
    if (term.contribution === 0) continue;
    let at = top.length;
    while (at > 0 && beats(term, top[at - 1] as SliceTerm)) at--;
    if (at >= TERMS_PER_SLICE) continue;
    // Shift the ones it beats one place down (not splice, which returns a new array on every call).
    if (top.length < TERMS_PER_SLICE) top.push(term);
    for (let k = top.length - 1; k > at; k--) top[k] = top[k - 1] as SliceTerm;
    top[at] = term;
  }
  return top;
}

/** `a` ranks strictly before `b`: more weight, or as much from an earlier cue. */
function beats(a: SliceTerm, b: SliceTerm): boolean {
  const weightA = Math.abs(a.contribution);
  const weightB = Math.abs(b.contribution);
  return weightA > weightB || (weightA === weightB && a.cueIndex < b.cueIndex);
}

function emphasized(hits: Map<string, number>): string[] {
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([, weight]) => weight >= EMPHASIS_MIN_WEIGHT && weight >= top * EMPHASIS_SHARE)
    .slice(0, MAX_EMPHASES)
    .map(([concept]) => concept);
}

function topLens(hits: Map<Lens, number>): Lens {
  let best: Lens = 'Technical';
  let bestCount = -1;
  for (const lens of LENS_ORDER) {
    const count = hits.get(lens) ?? 0;
    if (count > bestCount) {
      best = lens;
      bestCount = count;
    }
  }
  return best;
}

/** Slice indexes for the strip's markers: the first most risk-forward, the first most opportunity-forward, the slice nearest the median. */
function extremes(scores: readonly number[], median: number): { mostRisk: number; mostOpportunity: number; median: number } {
  let mostRisk = 0;
  let mostOpportunity = 0;
  let nearest = 0;
  scores.forEach((score, i) => {
    if (score < (scores[mostRisk] as number)) mostRisk = i;
    if (score > (scores[mostOpportunity] as number)) mostOpportunity = i;
    if (Math.abs(score - median) < Math.abs((scores[nearest] as number) - median)) nearest = i;
  });
  return { mostRisk, mostOpportunity, median: nearest };
}

function excerptOf(cues: readonly Cue[], first: number, last: number): string {
  let text = '';
  for (let c = first; c <= last && text.length < EXCERPT_CHARS; c++) {
    const raw = (cues[c] as Cue).text;
    const spaced = raw.includes('[') ? raw.replace(/\[[^\]]*\]/g, ' ') : raw;
    // Parsers already hand over normalised text; the regex is for cues from elsewhere and noise-tag gaps.
    const clean = isNormalCueText(spaced) ? spaced : normalizeCueText(spaced);
    if (clean) text = text ? `${text} ${clean}` : clean;
  }
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 80 ? cut.slice(0, space) : cut}…`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100 + 0;
}
