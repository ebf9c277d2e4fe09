import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cue } from '../captions/cue';
import type { Lexicon } from '../lexicons/lexicon';
import type { BandId, PerspectiveMap } from '../scoring/perspective-map';
import { scoreCues } from '../scoring/score-cues';
import { autoCaptionCues, isAiEpisode, type CorpusEpisode } from './corpus';
import { DEFAULT_LEARN, learnLexicon, type LearnOptions } from './learn-lexicon';
import { cohenKappa, confusion, f1Scores, pairsOrderedRight, rocAuc, spearman } from './metrics';
import {
  autoCaptionForm,
  parseJsonLines,
  referenceText,
  STANCE_LABELS,
  toReference,
  toSecondLabel,
  toWritten,
  WRITTEN_SOURCE,
  type Passage,
  type PassageReference,
  type StanceLabel,
  type WrittenPassage,
} from './passages';

/** The project's labelled passages (src/lexicons/stance-passages/). */
export interface TrainingData {
  references: PassageReference[];
  written: WrittenPassage[];
  /** Second, independent labels of a sample of the references (for the agreement figure). */
  agreement: PassageReference[];
  /** Second, independent labels of a sample of the written passages, by id (for the agreement figure). */
  agreementWritten: SecondLabel[];
}

/** A second label of a written passage: `{ id, label, note, labeller }`. */
export interface SecondLabel {
  id: string;
  label: StanceLabel;
  labeller: string;
}

export function readTrainingData(dir: string): TrainingData {
  const lines = (name: string, optional = false) => {
    const path = join(dir, name);
    if (optional && !existsSync(path)) return [];
    return parseJsonLines(readFileSync(path, 'utf8'), path).map((raw, i) => [raw, `${path}:${i + 1}`] as const);
  };
  return {
    references: lines('references.jsonl').map(([raw, where]) => toReference(raw, where)),
    written: lines('written.jsonl').map(([raw, where]) => toWritten(raw, where)),
    agreement: lines('agreement.jsonl').map(([raw, where]) => toReference(raw, where)),
    agreementWritten: lines('agreement-written.jsonl', true).map(([raw, where]) => toSecondLabel(raw, where)),
  };
}

/** References resolved to their text in the corpus, plus the written passages. */
export function resolvePassages(data: TrainingData, corpus: readonly CorpusEpisode[]): Passage[] {
  const byId = new Map(corpus.map((e) => [e.id, e]));
  const references = data.references.map((r, i) => {
    const episode = byId.get(r.episode);
    if (!episode) throw new Error(`references.jsonl:${i + 1}: episode "${r.episode}" is not in the corpus's labels.json`);
    return { id: `${r.episode}@${r.start}`, source: r.episode, text: referenceText(episode.raw, r.start, r.end), label: r.label };
  });
  const written = data.written.map((w) => ({ id: w.id, source: WRITTEN_SOURCE, text: w.text, label: w.label }));
  return [...references, ...written];
}

/** Band → the passage label it predicts. */
export const LABEL_OF_BAND: Record<BandId, StanceLabel> = { 'risk-forward': 'risk', mixed: 'neutral', 'opportunity-forward': 'opportunity' };
export const STANCE_CLASSES: readonly StanceLabel[] = ['risk', 'neutral', 'opportunity'];

/** A passage scored as the extension would score a slice of it: one cue, the given lexicons. */
export function scorePassage(text: string, lexicons: Lexicon[]): { score: number; band: BandId } {
  const map = scoreCues([{ startMs: 0, endMs: 30_000, text }], { lexicons });
  const slice = map.slices[0];
  return slice ? { score: slice.score, band: slice.band } : { score: 0, band: 'mixed' };
}

export interface PassagePrediction {
  id: string;
  source: string;
  label: StanceLabel;
  predicted: StanceLabel;
  predictedAuto: StanceLabel;
  /** The slice score behind `predicted` (−100…100), for threshold-free figures. */
  score: number;
}

export interface EpisodeResult {
  id: string;
  group: string;
  ordinal: number | null;
  stance: number;
  stanceAuto: number;
  leaning: BandId;
  onTopic: boolean;
  onTopicAuto: boolean;
  aiMentionsPerHour: number;
  topTerms: string[];
}

export interface LexiconSetSpec {
  name: string;
  /** The lexicons besides the learned one (the learned one is added where `learned` is true). */
  others: Lexicon[];
  learned: boolean;
}

/** `withAuto` false (the quick CV) skips the auto-caption form: its figures then repeat the as-is ones. */
export function scoreEpisode(episode: CorpusEpisode, lexicons: Lexicon[], withAuto = true): EpisodeResult {
  const kind = /\.vtt$/i.test(episode.file) ? 'asr' : 'uploaded';
  const map = scoreCues(episode.cues, { lexicons, captionKind: kind });
  const auto = withAuto ? scoreCues(autoCaptionCues(episode.cues), { lexicons, captionKind: 'asr' }) : map;
  return {
    id: episode.id,
    group: episode.group,
    ordinal: episode.ordinal,
    stance: map.headline.stance,
    stanceAuto: auto.headline.stance,
    leaning: map.headline.leaning,
    onTopic: map.headline.topic.onTopic,
    onTopicAuto: auto.headline.topic.onTopic,
    aiMentionsPerHour: map.headline.topic.aiMentionsPerHour,
    topTerms: topTerms(map, 5),
  };
}

/** The terms that moved the on-topic slices most, summed over the episode. */
export function topTerms(map: PerspectiveMap, count: number): string[] {
  const sums = new Map<string, number>();
  for (const slice of map.slices) {
    if (!slice.onTopic) continue;
    for (const t of slice.terms) sums.set(t.term, (sums.get(t.term) ?? 0) + t.contribution);
  }
  return [...sums.entries()]
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([term, sum]) => `${term} ${sum > 0 ? '+' : ''}${sum.toFixed(1)}`);
}

export interface CrossValidation {
  folds: number;
  /** The learned lexicon alone on the held-out references. */
  passages: PassagePrediction[];
  /** Per learned lexicon set: the held-out references scored with the set's spectrum lexicons as well. */
  passagesBySet: Map<string, PassagePrediction[]>;
  /** Per lexicon set: the held-out episodes' figures. */
  episodes: Map<string, EpisodeResult[]>;
  entriesPerFold: number[];
  seconds: number;
}

/** Folds of the cross-validation: episode i (in labels.json order) is held out in fold i mod FOLDS. */
export const FOLDS = 5;

/**
 * Cross-validation that leaves whole episodes out: in each fold, learn the lexicon from the references of the
 * other folds' episodes plus all written passages, then score the held-out episodes' references (passage
 * metrics) and the whole held-out episodes (stance, topic) — as they are and in the auto-caption form. No
 * passage of a held-out episode is ever in its training set.
 */
export function crossValidate(
  passages: readonly Passage[],
  corpus: readonly CorpusEpisode[],
  sets: readonly LexiconSetSpec[],
  options: LearnOptions = DEFAULT_LEARN,
  log: (line: string) => void = () => {},
  folds = FOLDS,
  /** Quick mode for iterating: the auto-caption form is not scored (its figures repeat the as-is ones). */
  withAuto = true,
): CrossValidation {
  const started = Date.now();
  const predictions: PassagePrediction[] = [];
  const bySet = new Map<string, PassagePrediction[]>(sets.filter((s) => s.learned).map((s) => [s.name, []]));
  const episodes = new Map<string, EpisodeResult[]>(sets.map((s) => [s.name, []]));
  const entriesPerFold: number[] = [];
  const foldOf = new Map(corpus.map((e, i) => [e.id, i % folds]));
  for (let fold = 0; fold < folds; fold++) {
    const heldOut = corpus.filter((e) => foldOf.get(e.id) === fold);
    const train = passages.filter((p) => p.source === WRITTEN_SOURCE || (foldOf.get(p.source) ?? -1) !== fold);
    const test = passages.filter((p) => foldOf.get(p.source) === fold);
    const { lexicon } = learnLexicon(train, options);
    entriesPerFold.push(lexicon.entries.length);
    const predict = (p: Passage, lexicons: Lexicon[]): PassagePrediction => {
      const scored = scorePassage(p.text, lexicons);
      const predicted = LABEL_OF_BAND[scored.band];
      const predictedAuto = withAuto ? LABEL_OF_BAND[scorePassage(autoCaptionForm(p.text), lexicons).band] : predicted;
      return { id: p.id, source: p.source, label: p.label, predicted, predictedAuto, score: scored.score };
    };
    const alone = test.map((p) => predict(p, [lexicon]));
    predictions.push(...alone);
    for (const set of sets) {
      if (!set.learned) continue;
      // Lenses carry no weight: only the set's spectrum lexicons can move a passage's score.
      const spectrum = set.others.filter((l) => l.kind === 'spectrum');
      (bySet.get(set.name) as PassagePrediction[]).push(...(spectrum.length === 0 ? alone : test.map((p) => predict(p, [lexicon, ...spectrum]))));
    }
    for (const set of sets) {
      if (!set.learned) continue;
      for (const episode of heldOut) (episodes.get(set.name) as EpisodeResult[]).push(scoreEpisode(episode, [lexicon, ...set.others], withAuto));
    }
    log(`  fold ${fold + 1}/${folds} (${heldOut.map((e) => e.id).join(', ')}): ${train.length} training passages, ${test.length} held out, ${lexicon.entries.length} entries`);
  }
  for (const set of sets) {
    const results = set.learned ? (episodes.get(set.name) as EpisodeResult[]) : corpus.map((e) => scoreEpisode(e, [...set.others], withAuto));
    const order = new Map(corpus.map((e, i) => [e.id, i]));
    episodes.set(set.name, [...results].sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number)));
  }
  return { folds, passages: predictions, passagesBySet: bySet, episodes, entriesPerFold, seconds: (Date.now() - started) / 1000 };
}

export interface PassageFigures {
  n: number;
  table: number[][];
  macroF1: number;
  accuracy: number;
  perClass: { label: StanceLabel; precision: number; recall: number; f1: number; support: number }[];
  /** Threshold-free: how well the score ranks risk passages below the rest, and opportunity ones above it. */
  aucRisk: number;
  aucOpportunity: number;
}

/** Macro-F1 over risk / neutral / opportunity (passages labelled off-topic are left out). */
export function passageFigures(predictions: readonly PassagePrediction[], auto = false): PassageFigures {
  const rows = predictions.filter((p) => p.label !== 'off-topic');
  const table = confusion(STANCE_CLASSES, rows.map((p) => p.label), rows.map((p) => (auto ? p.predictedAuto : p.predicted)));
  const scores = f1Scores(table);
  return {
    n: rows.length,
    table,
    macroF1: scores.macroF1,
    accuracy: scores.accuracy,
    perClass: scores.perClass.map((c, i) => ({ label: STANCE_CLASSES[i] as StanceLabel, ...c })),
    aucRisk: rocAuc(rows.map((p) => -p.score), rows.map((p) => p.label === 'risk')),
    aucOpportunity: rocAuc(rows.map((p) => p.score), rows.map((p) => p.label === 'opportunity')),
  };
}

export interface EpisodeFigures {
  spearman: number;
  spearmanAuto: number;
  pairs: number;
  pairsAuto: number;
  pairCount: number;
  topicCorrect: number;
  topicCorrectAuto: number;
  episodes: number;
}

export function episodeFigures(results: readonly EpisodeResult[]): EpisodeFigures {
  const ai = results.filter((r) => r.group !== 'N' && r.ordinal !== null);
  const ordinals = ai.map((r) => r.ordinal as number);
  const pairs = pairsOrderedRight(ordinals, ai.map((r) => r.stance));
  const pairsAuto = pairsOrderedRight(ordinals, ai.map((r) => r.stanceAuto));
  const isAi = (r: EpisodeResult) => isAiEpisode({ id: r.id, group: r.group, ordinal: r.ordinal, file: '' });
  return {
    spearman: spearman(ordinals, ai.map((r) => r.stance)),
    spearmanAuto: spearman(ordinals, ai.map((r) => r.stanceAuto)),
    pairs: pairs.share,
    pairsAuto: pairsAuto.share,
    pairCount: pairs.pairs,
    topicCorrect: results.filter((r) => r.onTopic === isAi(r)).length,
    topicCorrectAuto: results.filter((r) => r.onTopicAuto === isAi(r)).length,
    episodes: results.length,
  };
}

export interface AgreementFigures {
  pairs: number;
  table: number[][];
  kappa: number;
  /** Kappa on the three stance classes with off-topic folded into neutral (what the lexicon learns). */
  kappaStance: number;
  agreement: number;
}

export interface Agreement extends AgreementFigures {
  /** The same figures per sample: whose first labels were checked against whose second labels. */
  bySample: ({ sample: string } & AgreementFigures)[];
}

/**
 * Pairs each second label with the first label of the same passage (a reference by its range, a written
 * passage by its id), overall and per sample (first labeller → second labeller, e.g. "references A → B").
 */
export function agreementFigures(data: TrainingData): Agreement {
  const first = new Map(data.references.map((r) => [`${r.episode}@${r.start}-${r.end}`, r]));
  const written = new Map(data.written.map((w) => [w.id, w]));
  const pairs: { sample: string; a: StanceLabel; b: StanceLabel }[] = [];
  for (const second of data.agreement) {
    const original = first.get(`${second.episode}@${second.start}-${second.end}`);
    if (original) pairs.push({ sample: `references, ${original.labeller} → ${second.labeller}`, a: original.label, b: second.label });
  }
  for (const second of data.agreementWritten) {
    const original = written.get(second.id);
    if (original) pairs.push({ sample: `written, ${original.labeller} → ${second.labeller}`, a: original.label, b: second.label });
  }
  const samples = [...new Set(pairs.map((p) => p.sample))];
  return {
    ...agreementOf(pairs.map((p) => p.a), pairs.map((p) => p.b)),
    bySample: samples.map((sample) => {
      const some = pairs.filter((p) => p.sample === sample);
      return { sample, ...agreementOf(some.map((p) => p.a), some.map((p) => p.b)) };
    }),
  };
}

function agreementOf(a: readonly StanceLabel[], b: readonly StanceLabel[]): AgreementFigures {
  const table = confusion(STANCE_LABELS, a, b);
  const fold = (l: StanceLabel): StanceLabel => (l === 'off-topic' ? 'neutral' : l);
  const stanceTable = confusion(STANCE_CLASSES, a.map(fold), b.map(fold));
  const agree = a.filter((l, i) => l === b[i]).length;
  return { pairs: a.length, table, kappa: cohenKappa(table), kappaStance: cohenKappa(stanceTable), agreement: a.length ? agree / a.length : NaN };
}

export type { Cue };
