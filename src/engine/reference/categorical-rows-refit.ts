// assembly/categorical-rows-refit.ts in plain TypeScript: a round of the categorical rows
// (draw, allocate labels or extra samples, refit every row), consuming the random stream in
// the same order.
import { clearRowStats, addRowStats, averageRowStats } from "./categorical-rows-stats.js";
import { drawAndFilter, expectedRejections } from "./categorical-rows-draw.js";
import { allocateLabels } from "./categorical-rows-labels.js";
import { countCurated } from "./categorical-rows-curate.js";
import { STAT_ACCEPTED, STAT_LABELS, STAT_EXTRA_SAMPLES, ALLOCATE_RESAMPLE } from "../constants/categorical-rows.js";

function refitSampled(
  state: Uint32Array, table: Float64Array, rejected: Float64Array, labels: Float64Array, kept: Int32Array, counts: Float64Array,
  rows: number, cols: number, samples: number, gamma: number, rho: number, beta: number, resample: boolean,
  alpha: number, solvedAt: number, stats: Float64Array,
): void {
  const stay = 1.0 - alpha;
  counts.fill(0, 0, cols);
  for (let x = 0; x < rows; x++) {
    const row = x * cols;
    const n = countCurated(state, table, row, x, rejected, labels, kept, counts, cols, samples, gamma, rho, beta, resample);
    if (n > 0) {
      const weight = alpha / n;
      for (let j = 0; j < cols; j++) {
        table[row + j] = stay * table[row + j] + weight * counts[j];
        counts[j] = 0;
      }
    }
    addRowStats(stats, table, row, cols, solvedAt);
  }
}

function refitExpected(
  table: Float64Array, labels: Float64Array, rows: number, cols: number, samples: number,
  gamma: number, rho: number, beta: number, resample: boolean, alpha: number, solvedAt: number, stats: Float64Array,
): void {
  const stay = 1.0 - alpha;
  const wrongLabel = (1.0 - beta) / (cols - 1);
  for (let x = 0; x < rows; x++) {
    const row = x * cols;
    const a = table[row];
    const e = Math.max(0.0, 1.0 - a);
    const drawn = samples + (resample ? labels[x] : 0.0);
    const given = resample ? 0.0 : labels[x];
    const keptCorrect = drawn * a * (1.0 - rho);
    const total = keptCorrect + drawn * gamma * e + given;
    if (total > 0) {
      const weight = alpha / total;
      const scale = stay + weight * drawn * gamma;
      const shift = weight * given * wrongLabel;
      for (let j = 1; j < cols; j++) table[row + j] = scale * table[row + j] + shift;
      table[row] = stay * a + weight * (keptCorrect + given * beta);
    }
    addRowStats(stats, table, row, cols, solvedAt);
  }
}

export function sumRows(values: Float64Array, rows: number): number {
  let sum = 0;
  for (let x = 0; x < rows; x++) sum += values[x];
  return sum;
}

export function storeSpending(stats: Float64Array, keptTotal: number, allocated: number, resample: boolean, rows: number, samples: number): void {
  stats[STAT_ACCEPTED] = keptTotal / (rows * samples);
  stats[STAT_LABELS] = resample ? 0.0 : allocated / rows;
  stats[STAT_EXTRA_SAMPLES] = resample ? allocated / rows : 0.0;
}

export function refitCategoricalRows(
  state: Uint32Array, table: Float64Array, streak: Int32Array, rejected: Float64Array, labels: Float64Array,
  kept: Int32Array, workspace: Float64Array, rows: number, cols: number, samples: number, gamma: number, rho: number,
  beta: number, allocation: number, budget: number, alpha: number, expected: boolean, epsilon: number, stats: Float64Array,
): void {
  const keptTotal = expected
    ? expectedRejections(table, rejected, rows, cols, samples, gamma, rho)
    : drawAndFilter(state, table, streak, rejected, kept, workspace, rows, cols, samples, gamma, rho);
  allocateLabels(state, rejected, streak, labels, workspace, rows, samples, allocation, budget, expected);
  clearRowStats(stats);
  const solvedAt = 1.0 - epsilon;
  const resample = allocation === ALLOCATE_RESAMPLE;
  if (expected) refitExpected(table, labels, rows, cols, samples, gamma, rho, beta, resample, alpha, solvedAt, stats);
  else refitSampled(state, table, rejected, labels, kept, workspace, rows, cols, samples, gamma, rho, beta, resample, alpha, solvedAt, stats);
  averageRowStats(stats, rows);
  storeSpending(stats, keptTotal, sumRows(labels, rows), resample, rows, samples);
}
