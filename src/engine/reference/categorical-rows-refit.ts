// assembly/categorical-rows-refit.ts in plain TypeScript: a round of the categorical rows
// (draw, allocate labels, refit every row), consuming the random stream in the same order.
import { nextUniform } from "./rng.js";
import { clearRowStats, addRowStats, averageRowStats } from "./categorical-rows-stats.js";
import { drawAndFilter, expectedRejections } from "./categorical-rows-draw.js";
import { allocateLabels } from "./categorical-rows-labels.js";
import { STAT_ACCEPTED, STAT_LABELS } from "../constants/categorical-rows.js";

function refitSampled(
  state: Uint32Array, table: Float64Array, rejected: Float64Array, labels: Float64Array, kept: Int32Array, counts: Float64Array,
  rows: number, cols: number, samples: number, beta: number, alpha: number, solvedAt: number, stats: Float64Array,
): number {
  const stay = 1.0 - alpha;
  const wrongSpan = cols - 1;
  let labelsGiven = 0;
  counts.fill(0, 0, cols);
  for (let x = 0; x < rows; x++) {
    const row = x * cols;
    const n = samples - rejected[x];
    const given = labels[x];
    labelsGiven += given;
    if (n + given > 0) {
      const slots = x * samples;
      for (let s = 0; s < n; s++) counts[kept[slots + s]] += 1;
      for (let l = 0; l < given; l++) {
        const u = nextUniform(state);
        const outcome = u < beta ? 0 : Math.min(cols - 1, 1 + Math.trunc(((u - beta) / (1.0 - beta)) * wrongSpan));
        counts[outcome] += 1;
      }
      const weight = alpha / (n + given);
      for (let j = 0; j < cols; j++) {
        table[row + j] = stay * table[row + j] + weight * counts[j];
        counts[j] = 0;
      }
    }
    addRowStats(stats, table, row, cols, solvedAt);
  }
  return labelsGiven;
}

function refitExpected(
  table: Float64Array, labels: Float64Array, rows: number, cols: number, samples: number,
  gamma: number, rho: number, beta: number, alpha: number, solvedAt: number, stats: Float64Array,
): number {
  const k = samples;
  const stay = 1.0 - alpha;
  const wrongLabel = (1.0 - beta) / (cols - 1);
  let labelsGiven = 0;
  for (let x = 0; x < rows; x++) {
    const row = x * cols;
    const a = table[row];
    const e = Math.max(0.0, 1.0 - a);
    const given = labels[x];
    labelsGiven += given;
    const keptCorrect = k * a * (1.0 - rho);
    const total = keptCorrect + k * gamma * e + given;
    if (total > 0) {
      const weight = alpha / total;
      const scale = stay + weight * k * gamma;
      const shift = weight * given * wrongLabel;
      for (let j = 1; j < cols; j++) table[row + j] = scale * table[row + j] + shift;
      table[row] = stay * a + weight * (keptCorrect + given * beta);
    }
    addRowStats(stats, table, row, cols, solvedAt);
  }
  return labelsGiven;
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
  const labelsGiven = expected
    ? refitExpected(table, labels, rows, cols, samples, gamma, rho, beta, alpha, solvedAt, stats)
    : refitSampled(state, table, rejected, labels, kept, workspace, rows, cols, samples, beta, alpha, solvedAt, stats);
  averageRowStats(stats, rows);
  stats[STAT_ACCEPTED] = keptTotal / (rows * samples);
  stats[STAT_LABELS] = labelsGiven / rows;
}
