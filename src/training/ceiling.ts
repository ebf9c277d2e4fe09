import type { CorpusEpisode } from './corpus';
import { featureSpace, featuresOf } from './features';
import { candidatesFor, trainingRows, type LearnOptions } from './learn-lexicon';
import { bestMacroF1, rocAuc } from './metrics';
import { fitOrdinal, linearScore } from './ordinal-model';
import { WRITTEN_SOURCE, type Passage, type StanceLabel } from './passages';
import { FOLDS } from './stance-training';

/**
 * How far the lexicon's own features can go on these passages at all, lexicon or not. Same folds as the
 * cross-validation, same candidates (through the same matcher and modifiers), but two unconstrained models — risk
 * against the rest, opportunity against the rest — each with its own weights, so a word may say "stance is here"
 * for both sides, which one signed weight per pattern cannot. Never shipped: a yardstick for the report, so a
 * shortfall of the lexicon can be told apart from a shortfall of the data.
 */
export interface CeilingFigures {
  /** Held-out references labelled risk / neutral / opportunity. */
  n: number;
  aucRisk: number;
  aucOpportunity: number;
  /** The best macro-F1 any pair of thresholds reaches, thresholds chosen on the held-out passages (optimistic). */
  bestMacroF1: number;
}

export function ceilingCheck(passages: readonly Passage[], corpus: readonly CorpusEpisode[], options: LearnOptions, folds = FOLDS): CeilingFigures {
  const foldOf = new Map(corpus.map((e, i) => [e.id, i % folds]));
  const labels: ('risk' | 'neutral' | 'opportunity')[] = [];
  const risk: number[] = [];
  const opportunity: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = passages.filter((p) => p.source === WRITTEN_SOURCE || (foldOf.get(p.source) ?? -1) !== fold);
    const test = passages.filter((p) => foldOf.get(p.source) === fold && p.label !== 'off-topic');
    if (test.length === 0) continue;
    const patterns = candidatesFor(train, options);
    const space = featureSpace(patterns);
    const features = train.map((p) => featuresOf(p.text, space));
    // One side against the rest: the ordinal model with two classes is a plain logistic regression.
    const oneSide = (side: StanceLabel) => {
      const relabelled = train.map((p) => ({ ...p, label: p.label === side ? side : ('neutral' as const) }));
      return fitOrdinal(trainingRows(relabelled, features, options.offTopicWeight, options.referenceWeight, options.balanceSources), patterns.length, options.model);
    };
    const riskModel = oneSide('risk');
    const opportunityModel = oneSide('opportunity');
    for (const p of test) {
      const row = featuresOf(p.text, space);
      labels.push(p.label as 'risk' | 'neutral' | 'opportunity');
      risk.push(-linearScore(row, riskModel.weights) - riskModel.theta);
      opportunity.push(linearScore(row, opportunityModel.weights) - opportunityModel.theta);
    }
  }
  return {
    n: labels.length,
    aucRisk: rocAuc(risk, labels.map((l) => l === 'risk')),
    aucOpportunity: rocAuc(opportunity, labels.map((l) => l === 'opportunity')),
    bestMacroF1: bestMacroF1(labels, risk, opportunity).macroF1,
  };
}
