import type { Lexicon } from '../lexicons/lexicon';
import type { CeilingFigures } from './ceiling';
import type { LearnedLexicon, LearnOptions } from './learn-lexicon';
import { bestMacroF1 } from './metrics';
import { runtimeScale } from './learn-lexicon';
import { STANCE_LABELS, type Passage } from './passages';
import {
  episodeFigures,
  passageFigures,
  STANCE_CLASSES,
  type Agreement,
  type CrossValidation,
  type EpisodeResult,
  type TrainingData,
} from './stance-training';

/** The lexicon file in the layout of the hand-made ones: header fields, then one entry per line. */
export function lexiconJson(lexicon: Lexicon): string {
  const { entries, ...header } = lexicon;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  const lines = entries.map((e) => `    ${JSON.stringify(e).replace(/^\{/, '{ ').replace(/\}$/, ' }').replace(/,"/g, ', "').replace(/":/g, '": ')}`);
  return `${head},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—');
const pct = (x: number): string => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—');

function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export interface ReportInput {
  data: TrainingData;
  passages: readonly Passage[];
  learned: LearnedLexicon;
  cv: CrossValidation | null;
  /** The same features through two unconstrained models (ceiling.ts); null without cross-validation. */
  ceiling: CeilingFigures | null;
  agreement: Agreement;
  options: LearnOptions;
}

/** The Markdown training report `npm run train:stance` writes (deterministic: no clock, no timings). */
export function trainingReport(input: ReportInput): string {
  const { data, passages, learned, cv, ceiling, agreement, options } = input;
  const out: string[] = [];
  out.push('# `ai-stance`: training report');
  out.push('');
  out.push('Written by `npm run train:stance` (src/training/). Do not edit by hand; re-run the command.');
  out.push('');
  out.push('## Data');
  out.push('');
  const sources = [...new Set(passages.map((p) => p.source))];
  const count = (source: string, label: string) => passages.filter((p) => p.source === source && p.label === label).length;
  out.push(mdTable(['source', ...STANCE_LABELS, 'all'], sources.map((s) => [s, ...STANCE_LABELS.map((l) => String(count(s, l))), String(passages.filter((p) => p.source === s).length)])));
  out.push('');
  const all = (label: string) => passages.filter((p) => p.label === label).length;
  out.push(`In all: ${passages.length} passages (${STANCE_LABELS.map((l) => `${all(l)} ${l}`).join(', ')}): ${data.references.length} references into the development corpus (stored without text) and ${data.written.length} passages we wrote (${data.written.filter((w) => w.form === 'auto-caption').length} in the auto-caption form). Labelling guide: LABELLING.md.`);
  out.push('');
  out.push('## Agreement');
  out.push('');
  out.push(`${agreement.pairs} passages were labelled twice, independently (samples of each labeller's or writer's passages, labelled again blind by another). Agreement ${pct(agreement.agreement)}; Cohen's kappa **${f2(agreement.kappa)}** over the four labels, ${f2(agreement.kappaStance)} over risk / neutral / opportunity (off-topic folded into neutral, as the lexicon learns them).`);
  out.push('');
  out.push(mdTable(['sample (first → second labeller)', 'pairs', 'agreement', 'kappa (4 labels)', 'kappa (3 stance classes)'], agreement.bySample.map((s) => [s.sample, String(s.pairs), pct(s.agreement), f2(s.kappa), f2(s.kappaStance)])));
  out.push('');
  out.push('All samples together; rows: first label; columns: second label.');
  out.push('');
  out.push(mdTable(['first \\ second', ...STANCE_LABELS], agreement.table.map((row, i) => [STANCE_LABELS[i] as string, ...row.map(String)])));
  out.push('');
  out.push('## Model');
  out.push('');
  out.push(
    `Ordinal logistic regression (risk < neutral < opportunity, symmetric cut points ±θ) on the scorer's own features: ` +
      `${learned.candidates} candidate patterns (words, and phrases of up to ${options.candidates.maxWords} words, each in at least ${options.candidates.minPassages} passages from at least ${options.candidates.minSources} sources` +
      `${options.candidates.minWritten > 0 ? ` and in at least ${options.candidates.minWritten} of our written passages` : ''}` +
      `${options.candidates.dropNames ? `; no proper names (words capitalised mid-sentence in the passages, and the corpus's ${options.excludedWords.length} speaker-name words)` : ''}` +
      `${options.candidates.dropNumbers ? '; no numbers or number words' : ''}` +
      `${options.handPatterns ? ', plus the hand-made spectrum lexicons\' patterns' : ''}), counted through the runtime matcher and modifiers. ` +
      `Elastic net (L1 ${options.model.l1}, L2 ${options.model.l2}), FISTA, ${learned.model.iterations} iterations in the last fit, ${learned.refits} refit(s) after pruning, at most ${options.maxEntries} entries. ` +
      `Classes weighted to equal total weight; off-topic passages train as neutral at weight ${options.offTopicWeight}${options.referenceWeight !== 1 ? `; references weigh ${options.referenceWeight} of a written passage` : ''}${options.balanceSources ? '; every corpus episode carries the same total weight among the references' : ''}. ` +
      `θ = ${f2(learned.model.theta)}; weights scaled by ${f2(runtimeScale(learned.model.theta))} so the model's cut points fall on the scorer's band thresholds (±18). ` +
      `Result: **${learned.lexicon.entries.length} entries** (${learned.lexicon.entries.filter((e) => e.weight < 0).length} risk, ${learned.lexicon.entries.filter((e) => e.weight > 0).length} opportunity).`,
  );
  out.push('');
  if (cv) {
    out.push('## Cross-validation');
    out.push('');
    out.push(
      `${cv.folds} folds; episode i of labels.json is held out in fold i mod ${cv.folds}, with all of its references: no passage of a held-out episode is ever in its fold's training set (written passages always are). ` +
        `Each fold learns its own lexicon (${cv.entriesPerFold.join(', ')} entries) and scores the held-out references as one slice each and the held-out episodes in full. "auto" is the auto-caption form (lower case, no punctuation).`,
    );
    out.push('');
    const asIs = passageFigures(cv.passages);
    const auto = passageFigures(cv.passages, true);
    out.push(`**Passages** (${asIs.n} held-out references labelled risk / neutral / opportunity): macro-F1 **${f2(asIs.macroF1)}** as is, **${f2(auto.macroF1)}** auto-caption form; accuracy ${pct(asIs.accuracy)} (predicting neutral everywhere would score ${pct(asIs.perClass[1]?.support ? (asIs.perClass[1].support / asIs.n) : NaN)} accuracy, macro-F1 ${f2(neutralOnlyMacroF1(asIs.perClass[1]?.support ?? 0, asIs.n))}).`);
    out.push('');
    out.push(mdTable(['label \\ predicted', ...STANCE_CLASSES, 'precision', 'recall', 'F1'], asIs.table.map((row, i) => {
      const c = asIs.perClass[i] as { precision: number; recall: number; f1: number };
      return [STANCE_CLASSES[i] as string, ...row.map(String), f2(c.precision), f2(c.recall), f2(c.f1)];
    })));
    out.push('');
    out.push(
      '**Passages by lexicon set** (the same held-out references; the default set is the last row). AUC is threshold-free: the chance that a random risk passage scores below a random other one (opportunity: above), 0.5 being chance — it separates how well a set *ranks* stance from where the band thresholds fall. ' +
        '"Best F1" is the macro-F1 at the best pair of band thresholds, chosen on these held-out passages themselves: optimistic, the most any calibration of the same scores could give.',
    );
    out.push('');
    const bySet: string[][] = [];
    for (const [name, predictions] of cv.passagesBySet) {
      const f = passageFigures(predictions);
      const a = passageFigures(predictions, true);
      const rows = predictions.filter((p) => p.label !== 'off-topic');
      const best = bestMacroF1(rows.map((p) => p.label as 'risk' | 'neutral' | 'opportunity'), rows.map((p) => -p.score), rows.map((p) => p.score));
      bySet.push([name, f2(f.macroF1), f2(a.macroF1), f2(f.perClass[0]?.f1 ?? NaN), f2(f.perClass[2]?.f1 ?? NaN), f2(f.aucRisk), f2(f.aucOpportunity), f2(best.macroF1)]);
    }
    out.push(mdTable(['lexicon set', 'macro-F1', 'auto', 'F1 risk', 'F1 opportunity', 'AUC risk', 'AUC opportunity', 'best F1'], bySet));
    out.push('');
    if (ceiling) {
      out.push(
        `**How far these features go, lexicon or not** (src/training/ceiling.ts; never shipped): the same candidates, counted the same way, in the same folds, through two unconstrained logistic models — risk against the rest and opportunity against the rest, each with its own weights, so a pattern may mark "stance is here" for both sides, which one signed weight cannot. ` +
          `On the ${ceiling.n} held-out references: AUC risk **${f2(ceiling.aucRisk)}**, AUC opportunity **${f2(ceiling.aucOpportunity)}**, best F1 **${f2(ceiling.bestMacroF1)}** (thresholds chosen on the held-out passages). ` +
          'When this is not above the lexicon sets, what holds the figures back is what these features can learn from these passages across episodes, not the lexicon format.',
      );
      out.push('');
    }
    out.push('**Episodes** (Spearman: ordinal vs `headline.stance` over the 15 AI episodes; pairs: episode pairs with different ordinals ordered right; topic: episodes on the right side of the topic gate):');
    out.push('');
    const summary: string[][] = [];
    for (const [name, results] of cv.episodes) {
      const f = episodeFigures(results);
      summary.push([name, f2(f.spearman), f2(f.spearmanAuto), pct(f.pairs), pct(f.pairsAuto), `${f.topicCorrect}/${f.episodes}`, `${f.topicCorrectAuto}/${f.episodes}`]);
    }
    out.push(mdTable(['lexicon set', 'Spearman', 'auto', 'pairs', 'auto', 'topic', 'auto'], summary));
    out.push('');
    for (const [name, results] of cv.episodes) {
      out.push(`<details><summary>${name}: per episode</summary>`);
      out.push('');
      out.push(episodeTable(results));
      out.push('');
      out.push('</details>');
      out.push('');
    }
  }
  out.push('## The learned lexicon');
  out.push('');
  const entries = learned.lexicon.entries;
  const risk = entries.filter((e) => e.weight < 0).slice(0, 30);
  const opp = entries.filter((e) => e.weight > 0).slice(0, 30);
  out.push(`Strongest risk entries: ${risk.map((e) => `\`${e.pattern}\` ${e.weight}`).join(', ')}.`);
  out.push('');
  out.push(`Strongest opportunity entries: ${opp.map((e) => `\`${e.pattern}\` +${e.weight}`).join(', ')}.`);
  out.push('');
  return `${out.join('\n')}\n`;
}

function episodeTable(results: readonly EpisodeResult[]): string {
  return mdTable(
    ['episode', 'group', 'ordinal', 'stance', 'auto', 'leaning', 'topic', 'top terms'],
    results.map((e) => [e.id, e.group, e.ordinal === null ? '—' : String(e.ordinal), f2(e.stance), f2(e.stanceAuto), e.leaning, e.onTopic ? 'ai' : 'off-topic', e.topTerms.join(', ')]),
  );
}

/** Macro-F1 of always answering neutral: F1 of neutral is 2p/(1+p) with p its share; the other two are 0. */
function neutralOnlyMacroF1(neutral: number, n: number): number {
  if (n === 0) return NaN;
  const p = neutral / n;
  return (2 * p) / (1 + p) / 3;
}

export type { CrossValidation };
