/** Agreement and ranking measures for the training report and the validate command. Pure functions. */

/** Ranks 1…n with ties given their average rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && (order[j + 1] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[(order[k] as readonly [number, number])[1]] = rank;
    i = j + 1;
  }
  return out;
}

export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n < 2) return NaN;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? NaN : sab / Math.sqrt(saa * sbb);
}

/** Spearman's rho with average ranks for ties (Pearson on the ranks). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  return pearson(ranks(a), ranks(b));
}

/**
 * Area under the ROC curve (Mann–Whitney): the chance that a random positive scores above a random negative,
 * ties counting half. Threshold-free, so it says how well a score *ranks* a class, apart from where a band's
 * cut point happens to fall. NaN without both positives and negatives.
 */
export function rocAuc(scores: readonly number[], positive: readonly boolean[]): number {
  const r = ranks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < r.length; i++) {
    if (!positive[i]) continue;
    positives++;
    rankSum += r[i] as number;
  }
  const negatives = r.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Of the pairs whose labels differ (label of i > label of j), the share whose figures are ordered the same way;
 * a tie in the figures counts half.
 */
export function pairsOrderedRight(labels: readonly number[], figures: readonly number[]): { share: number; pairs: number } {
  let right = 0;
  let pairs = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = 0; j < labels.length; j++) {
      if ((labels[i] as number) <= (labels[j] as number)) continue;
      pairs++;
      const d = (figures[i] as number) - (figures[j] as number);
      right += d > 0 ? 1 : d === 0 ? 0.5 : 0;
    }
  }
  return { share: pairs === 0 ? NaN : right / pairs, pairs };
}

/** Confusion counts `table[truth][predicted]` over the given classes (pairs with other values are skipped). */
export function confusion<T extends string>(classes: readonly T[], truth: readonly T[], predicted: readonly T[]): number[][] {
  const table = classes.map(() => classes.map(() => 0));
  truth.forEach((t, i) => {
    const a = classes.indexOf(t);
    const b = classes.indexOf(predicted[i] as T);
    if (a >= 0 && b >= 0) (table[a] as number[])[b] = ((table[a] as number[])[b] as number) + 1;
  });
  return table;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Per-class precision / recall / F1 and their macro average, from a confusion table. */
export function f1Scores(table: readonly (readonly number[])[]): { perClass: ClassScores[]; macroF1: number; accuracy: number } {
  const n = table.length;
  let correct = 0;
  let total = 0;
  const perClass = table.map((row, c) => {
    const tp = row[c] as number;
    const support = row.reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (let r = 0; r < n; r++) predicted += (table[r] as readonly number[])[c] as number;
    correct += tp;
    total += support;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1, support };
  });
  const macroF1 = perClass.reduce((a, c) => a + c.f1, 0) / Math.max(n, 1);
  return { perClass, macroF1, accuracy: total === 0 ? NaN : correct / total };
}

/** Cohen's kappa of two labellings given as a confusion table (rows: first labeller, columns: second). */
export function cohenKappa(table: readonly (readonly number[])[]): number {
  const n = table.length;
  let total = 0;
  let agree = 0;
  const rows = new Array<number>(n).fill(0);
  const cols = new Array<number>(n).fill(0);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const v = (table[r] as readonly number[])[c] as number;
      total += v;
      rows[r] = (rows[r] as number) + v;
      cols[c] = (cols[c] as number) + v;
      if (r === c) agree += v;
    }
  }
  if (total === 0) return NaN;
  const po = agree / total;
  let pe = 0;
  for (let k = 0; k < n; k++) pe += ((rows[k] as number) / total) * ((cols[k] as number) / total);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

/**
 * The best macro-F1 (risk / neutral / opportunity) any pair of thresholds reaches, with the thresholds chosen on
 * these very rows: a passage is risk when `risk[i] ≥ a` (and its margin over `a` is at least its opportunity margin
 * over `b`), opportunity when `opportunity[i] ≥ b`, neutral otherwise. Thresholds are tried at `steps` quantiles of
 * each score. Optimistic by construction (no held-out threshold): an upper bound on what a calibration could give.
 */
export function bestMacroF1(
  labels: readonly ('risk' | 'neutral' | 'opportunity')[],
  risk: readonly number[],
  opportunity: readonly number[],
  steps = 60,
): { macroF1: number; riskThreshold: number; opportunityThreshold: number } {
  const cuts = (xs: readonly number[]): number[] => {
    const sorted = [...xs].sort((a, b) => a - b);
    return [...new Set(Array.from({ length: steps }, (_, i) => sorted[Math.floor((i / steps) * sorted.length)] as number)), Infinity];
  };
  const classes = ['risk', 'neutral', 'opportunity'] as const;
  let best = { macroF1: -1, riskThreshold: Infinity, opportunityThreshold: Infinity };
  for (const a of cuts(risk)) {
    for (const b of cuts(opportunity)) {
      const predicted = labels.map((_, i) => {
        const r = (risk[i] as number) - a;
        const o = (opportunity[i] as number) - b;
        return r >= 0 && r >= o ? 'risk' : o >= 0 ? 'opportunity' : 'neutral';
      });
      const { macroF1 } = f1Scores(confusion(classes, labels, predicted));
      if (macroF1 > best.macroF1) best = { macroF1, riskThreshold: a, opportunityThreshold: b };
    }
  }
  return best;
}
