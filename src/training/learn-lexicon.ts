import { BUILTIN_LEXICONS } from '../lexicons/builtin-lexicons';
import type { Lexicon, LexiconEntry } from '../lexicons/lexicon';
import { MAX_WEIGHT } from '../lexicons/validate-lexicon';
import { compileMatcher } from '../scoring/compile-matcher';
import { matchTokens } from '../scoring/match-tokens';
import { LENGTH_ALPHA, OPPORTUNITY_THRESHOLD } from '../scoring/slice-score';
import { candidatePatterns, DEFAULT_CANDIDATES, featureSpace, featuresOf, tokensOf, type CandidateOptions, type FeatureRow } from './features';
import { DEFAULT_ORDINAL, fitOrdinal, type OrdinalModel, type OrdinalOptions, type TrainingRow } from './ordinal-model';
import { WRITTEN_SOURCE, type Passage, type StanceLabel } from './passages';

/** Everything that shapes the learned lexicon; the report prints it. */
export interface LearnOptions {
  candidates: CandidateOptions;
  model: OrdinalOptions;
  /** Off-topic passages train as neutral (harm words in a war story are no AI stance), at this sample weight. */
  offTopicWeight: number;
  /** At most this many entries (largest |weight| first) — explainability and speed. */
  maxEntries: number;
  /** Refits after pruning, so the kept patterns are weighted as they match without the dropped ones. */
  maxRefits: number;
  /**
   * Also offer the hand-made spectrum lexicons' patterns as candidates (domain knowledge about which phrases
   * may carry stance — `existential risk`, `doomers`); their hand-set weights are not used, only learned ones.
   */
  handPatterns: boolean;
  /** Sample weight of a reference into the corpus relative to a written passage (before class balancing). */
  referenceWeight: number;
  /**
   * Give every corpus episode the same total weight among the references (written passages keep theirs), so a
   * long episode's vocabulary (363 passages of one risk-forward talk) cannot become the lexicon's idea of risk.
   */
  balanceSources: boolean;
  /** Words no pattern may hold: the corpus's speaker names (labels.json), added to the names found in the text. */
  excludedWords: readonly string[];
}

export const DEFAULT_LEARN: LearnOptions = {
  candidates: { ...DEFAULT_CANDIDATES, dropNames: true, dropNumbers: true },
  model: DEFAULT_ORDINAL,
  offTopicWeight: 0.5,
  maxEntries: 800,
  maxRefits: 5,
  handPatterns: true,
  referenceWeight: 1,
  balanceSources: true,
  excludedWords: [],
};

export const STANCE_LEXICON_ID = 'ai-stance';

export interface LearnedLexicon {
  lexicon: Lexicon;
  model: OrdinalModel;
  candidates: number;
  refits: number;
}

const TARGET: Record<StanceLabel, -1 | 0 | 1> = { risk: -1, neutral: 0, opportunity: 1, 'off-topic': 0 };

/** Sample weights that give risk, opportunity and neutral (with off-topic at a discount) equal total weight. */
export function trainingRows(passages: readonly Passage[], features: readonly FeatureRow[], offTopicWeight: number, referenceWeight = 1, balanceSources = false): TrainingRow[] {
  const perSource = new Map<string, number>();
  for (const p of passages) if (p.source !== WRITTEN_SOURCE) perSource.set(p.source, (perSource.get(p.source) ?? 0) + 1);
  const references = [...perSource.values()].reduce((a, b) => a + b, 0);
  const sourceWeight = (p: Passage) => (p.source === WRITTEN_SOURCE ? 1 : balanceSources ? references / (perSource.size * (perSource.get(p.source) as number)) : 1);
  const base = passages.map((p) => (p.label === 'off-topic' ? offTopicWeight : 1) * (p.source === WRITTEN_SOURCE ? 1 : referenceWeight) * sourceWeight(p));
  const totals = new Map<number, number>();
  passages.forEach((p, i) => totals.set(TARGET[p.label], (totals.get(TARGET[p.label]) ?? 0) + (base[i] as number)));
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  return passages.map((p, i) => {
    const y = TARGET[p.label];
    return { ...(features[i] as FeatureRow), y, weight: ((base[i] as number) * all) / (totals.size * (totals.get(y) as number)) };
  });
}

/**
 * Learns the `ai-stance` lexicon from labelled passages: candidates from the passages, features through the
 * runtime matcher and modifiers, an L1-regularised ordinal model, then prune to the non-zero weights (at most
 * maxEntries) and refit until every kept pattern has a weight — so each weight is learned with the exact set
 * of patterns it will be matched against.
 */
export function learnLexicon(passages: readonly Passage[], options: LearnOptions = DEFAULT_LEARN, version = '1.0.0'): LearnedLexicon {
  let patterns = candidatesFor(passages, options);
  const candidates = patterns.length;
  let lastPatterns: readonly string[] | undefined;
  let model: OrdinalModel | undefined;
  let refits = 0;
  for (;;) {
    const space = featureSpace(patterns);
    const rows = trainingRows(passages, passages.map((p) => featuresOf(p.text, space)), options.offTopicWeight, options.referenceWeight, options.balanceSources);
    // A refit starts from the previous weights of the patterns it keeps (same optimum, far fewer iterations).
    const previous = model;
    const warm = previous && lastPatterns ? warmStart(lastPatterns, previous, patterns) : undefined;
    model = fitOrdinal(rows, patterns.length, options.model, warm);
    lastPatterns = patterns;
    const ranked = patterns
      .map((pattern, j) => ({ pattern, weight: (model as OrdinalModel).weights[j] as number }))
      .filter((e) => e.weight !== 0)
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.pattern < b.pattern ? -1 : 1))
      .slice(0, options.maxEntries);
    if (ranked.length === patterns.length || refits >= options.maxRefits || ranked.length === 0) break;
    patterns = ranked.map((e) => e.pattern).sort();
    refits++;
  }
  return { lexicon: toLexicon(patterns, model, version), model, candidates, refits };
}

/** The candidate patterns a fit on these passages starts from (sorted): the passages' own, and the hand-made ones when asked. */
export function candidatesFor(passages: readonly Passage[], options: LearnOptions): string[] {
  const patterns = candidatePatterns(passages, options.candidates, new Set(options.excludedWords));
  return options.handPatterns ? [...new Set([...patterns, ...handSpectrumPatterns()])].sort() : patterns;
}

function warmStart(before: readonly string[], model: OrdinalModel, after: readonly string[]): { weights: Float64Array; theta: number } {
  const at = new Map(before.map((p, j) => [p, j]));
  return { weights: Float64Array.from(after, (p) => model.weights[at.get(p) ?? -1] ?? 0), theta: model.theta };
}

/** The non-zero patterns of the hand-made spectrum lexicons (weights dropped). */
export function handSpectrumPatterns(): string[] {
  return BUILTIN_LEXICONS.filter((l) => l.kind === 'spectrum' && l.id !== STANCE_LEXICON_ID).flatMap((l) => l.entries.filter((e) => e.weight !== 0).map((e) => e.pattern));
}

/**
 * Model weights → lexicon weights: the model's cut point θ (in z = Σ w x / sqrt(words)) is mapped onto the
 * runtime's band threshold (|score| ≥ 18 ⇔ |net| ≥ 0.183 · sqrt(α · words)), so a passage the model calls
 * risk or opportunity lands in that band when the scorer scores it.
 */
export function runtimeScale(theta: number): number {
  const r = OPPORTUNITY_THRESHOLD / 100;
  return (r / Math.sqrt(1 - r * r)) * Math.sqrt(LENGTH_ALPHA) / theta;
}

function toLexicon(patterns: readonly string[], model: OrdinalModel, version: string): Lexicon {
  const scale = runtimeScale(model.theta);
  const conceptOf = conceptFinder();
  const entries: LexiconEntry[] = [];
  patterns.forEach((pattern, j) => {
    const raw = (model.weights[j] as number) * scale;
    const weight = Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, Math.round(raw * 100) / 100));
    if (weight === 0) return;
    const concept = conceptOf(pattern);
    entries.push({ pattern, weight, ...(concept ? { concept } : {}) });
  });
  entries.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.pattern < b.pattern ? -1 : 1));
  return {
    id: STANCE_LEXICON_ID,
    name: 'AI stance (learned)',
    version,
    description:
      'Which way a speaker leans on AI, learned from labelled passages (npm run train:stance): negative weights for ' +
      'passages that frame AI as dangerous, positive for passages that frame it as beneficial or dismiss the fears. ' +
      'Weights were fitted as the scorer applies them (negation, hedges, "but"); see src/lexicons/stance-passages/TRAINING-REPORT.md.',
    kind: 'spectrum',
    entries,
  };
}

/**
 * Concepts for learned patterns, borrowed from the hand-made lexicons (`existential risk` → existential-risk)
 * so "Emphasizes" keeps speaking in the same concepts; a pattern no hand-made entry covers has none.
 */
function conceptFinder(): (pattern: string) => string | undefined {
  const matcher = compileMatcher(BUILTIN_LEXICONS.filter((l) => l.id !== STANCE_LEXICON_ID));
  return (pattern) => {
    const matches = matchTokens(tokensOf(pattern), matcher);
    for (const match of [...matches.spectrum, ...matches.lens]) {
      for (const { entry } of match.entries) if (entry.concept) return entry.concept;
    }
    return undefined;
  };
}
