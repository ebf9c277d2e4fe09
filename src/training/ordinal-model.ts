import type { FeatureRow } from './features';

/**
 * A regularised ordinal logistic regression (proportional odds) with symmetric cut points, fitted by proximal
 * gradient descent (FISTA) with an elastic-net penalty. Classes are ordered risk (−1) < neutral (0) <
 * opportunity (+1); with z = Σ w_j x_j / sqrt(words):
 *
 *   P(risk) = σ(−θ − z),  P(opportunity) = σ(z − θ),  P(neutral) = the rest.
 *
 * One signed weight per pattern and a band around 0 for "no side" is exactly the shape of the runtime slice
 * score (a signed sum normalised by the slice's length, with Mixed around 0), so the weights carry over as
 * lexicon weights. The L1 part makes most weights exactly 0 (a compact, explainable lexicon); the L2 part
 * keeps correlated patterns from fighting. Deterministic: no random initialisation, no shuffling.
 */

export interface TrainingRow extends FeatureRow {
  /** −1 risk, 0 neutral, +1 opportunity. */
  y: -1 | 0 | 1;
  /** Sample weight (class balance, off-topic passages counted as neutral at a discount). */
  weight: number;
}

export interface OrdinalOptions {
  l1: number;
  l2: number;
  iterations: number;
  /** Stop early when the objective improves by less than this (relative) over 20 iterations. */
  tolerance: number;
}

export const DEFAULT_ORDINAL: OrdinalOptions = { l1: 0.0001, l2: 0.0001, iterations: 600, tolerance: 1e-5 };

export interface OrdinalModel {
  weights: Float64Array;
  theta: number;
  iterations: number;
  objective: number;
}

const MIN_THETA = 0.05;

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Scale of a passage's sum: sqrt of its words, as the runtime normalises a slice. */
export function lengthScale(words: number): number {
  return Math.sqrt(Math.max(words, 20));
}

export function linearScore(row: FeatureRow, weights: Float64Array): number {
  let z = 0;
  for (let k = 0; k < row.index.length; k++) z += (weights[row.index[k] as number] as number) * (row.value[k] as number);
  return z / lengthScale(row.words);
}

/** A training row with its values already divided by lengthScale (the fit's inner loop). */
interface ScaledRow {
  index: Int32Array;
  scaled: Float64Array;
  y: -1 | 0 | 1;
  /** Sample weight over the total, so the loss is a weighted mean. */
  share: number;
}

function scaledRows(rows: readonly TrainingRow[]): ScaledRow[] {
  let total = 0;
  for (const row of rows) total += row.weight;
  return rows.map((row) => {
    const scale = lengthScale(row.words);
    return { index: row.index, scaled: row.value.map((v) => v / scale), y: row.y, share: row.weight / total };
  });
}

/** Weighted negative log-likelihood (a weighted mean) and its gradient in w (added into gradW) and θ. */
function lossAndGradients(rows: readonly ScaledRow[], weights: Float64Array, theta: number, gradW: Float64Array | null): { loss: number; gradTheta: number } {
  let loss = 0;
  let gradTheta = 0;
  for (const row of rows) {
    const { index, scaled } = row;
    let z = 0;
    for (let k = 0; k < index.length; k++) z += (weights[index[k] as number] as number) * (scaled[k] as number);
    let dz: number;
    let dt: number;
    let p: number;
    if (row.y === -1) {
      p = sigmoid(-theta - z);
      dz = 1 - p;
      dt = 1 - p;
    } else if (row.y === 1) {
      p = sigmoid(z - theta);
      dz = -(1 - p);
      dt = 1 - p;
    } else {
      const a = sigmoid(theta - z);
      const b = sigmoid(-theta - z);
      p = Math.max(a - b, 1e-12);
      dz = (a * (1 - a) - b * (1 - b)) / p;
      dt = -(a * (1 - a) + b * (1 - b)) / p;
    }
    loss -= Math.log(Math.max(p, 1e-12)) * row.share;
    gradTheta += dt * row.share;
    if (gradW) {
      const g = dz * row.share;
      for (let k = 0; k < index.length; k++) gradW[index[k] as number] = (gradW[index[k] as number] as number) + g * (scaled[k] as number);
    }
  }
  return { loss, gradTheta };
}

function penalty(weights: Float64Array, options: OrdinalOptions): number {
  let l1 = 0;
  let l2 = 0;
  for (const w of weights) {
    l1 += Math.abs(w);
    l2 += w * w;
  }
  return options.l1 * l1 + (options.l2 / 2) * l2;
}

/** Proximal step of the elastic net: soft-threshold, then shrink. */
function prox(value: number, step: number, options: OrdinalOptions): number {
  const t = step * options.l1;
  const soft = value > t ? value - t : value < -t ? value + t : 0;
  return soft / (1 + step * options.l2);
}

/**
 * FISTA with backtracking on the smooth part; θ takes plain gradient steps (it is not penalised).
 * `initial` warm-starts (e.g. a refit after pruning).
 */
export function fitOrdinal(trainingRows: readonly TrainingRow[], dimension: number, options: OrdinalOptions = DEFAULT_ORDINAL, initial?: { weights: Float64Array; theta: number }): OrdinalModel {
  const rows = scaledRows(trainingRows);
  let w: Float64Array = initial ? Float64Array.from(initial.weights) : new Float64Array(dimension);
  let theta = initial?.theta ?? 1;
  let y: Float64Array = Float64Array.from(w);
  let yTheta = theta;
  let t = 1;
  let step = 8;
  const grad = new Float64Array(dimension);
  const objectives: number[] = [];
  let iteration = 0;
  for (; iteration < options.iterations; iteration++) {
    grad.fill(0);
    const { loss: fy, gradTheta } = lossAndGradients(rows, y, yTheta, grad);
    let next: Float64Array = w;
    let nextTheta: number;
    // Backtracking: shrink the step until the quadratic upper bound holds.
    for (;;) {
      next = new Float64Array(dimension);
      for (let j = 0; j < dimension; j++) next[j] = prox((y[j] as number) - step * (grad[j] as number), step, options);
      nextTheta = Math.max(MIN_THETA, yTheta - step * gradTheta);
      const { loss: fNext } = lossAndGradients(rows, next, nextTheta, null);
      let linear = (nextTheta - yTheta) * gradTheta;
      let quadratic = (nextTheta - yTheta) ** 2;
      for (let j = 0; j < dimension; j++) {
        const d = (next[j] as number) - (y[j] as number);
        if (d !== 0) {
          linear += d * (grad[j] as number);
          quadratic += d * d;
        }
      }
      if (fNext <= fy + linear + quadratic / (2 * step) + 1e-12 || step < 1e-8) break;
      step *= 0.5;
    }
    step *= 1.1; // let the step grow back after a cautious stretch
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = (t - 1) / tNext;
    const yNext = new Float64Array(dimension);
    for (let j = 0; j < dimension; j++) yNext[j] = (next[j] as number) + momentum * ((next[j] as number) - (w[j] as number));
    yTheta = Math.max(MIN_THETA, nextTheta + momentum * (nextTheta - theta));
    w = next;
    theta = nextTheta;
    y = yNext;
    t = tNext;
    if (iteration % 10 === 0) {
      const objective = lossAndGradients(rows, w, theta, null).loss + penalty(w, options);
      objectives.push(objective);
      const before = objectives[objectives.length - 3];
      if (before !== undefined && Math.abs(before - objective) < options.tolerance * Math.abs(before)) break;
      // Restart momentum when the objective goes up (monotone FISTA variant).
      if (objectives.length >= 2 && objective > (objectives[objectives.length - 2] as number)) {
        t = 1;
        y = Float64Array.from(w);
        yTheta = theta;
      }
    }
  }
  const objective = lossAndGradients(rows, w, theta, null).loss + penalty(w, options);
  return { weights: w, theta, iterations: iteration, objective };
}

/** The class the model predicts for a row (−1, 0, +1). */
export function predictOrdinal(row: FeatureRow, model: Pick<OrdinalModel, 'weights' | 'theta'>): -1 | 0 | 1 {
  const z = linearScore(row, model.weights);
  return z <= -model.theta ? -1 : z >= model.theta ? 1 : 0;
}
