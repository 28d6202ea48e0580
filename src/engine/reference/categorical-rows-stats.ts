// assembly/categorical-rows-stats.ts in plain TypeScript: a table's row statistics added up
// row by row into the stats block, each term in the same order as the wasm kernels.
import { detLog } from "../../math/fdlibm.js";
import {
  STAT_ACCURACY, STAT_SOLVED, STAT_UNSOLVED, STAT_ENTROPY, STAT_GINI, MIN_NORMAL,
} from "../constants/categorical-rows.js";

function entropyTerm(p: number): number {
  return p >= MIN_NORMAL ? -p * detLog(p) : 0;
}

/** Sets the row sums (accuracy, solved, unsolved, entropy, Gini) to 0 before a pass over the rows. */
export function clearRowStats(stats: Float64Array): void {
  for (const index of [STAT_ACCURACY, STAT_SOLVED, STAT_UNSOLVED, STAT_ENTROPY, STAT_GINI]) stats[index] = 0;
}

/**
 * Adds the row starting at table[row] to the row sums. Its entropy and sum of squares are each
 * summed in two interleaved partial sums (even and odd entries) added at the end, then an odd
 * last entry: the order of the wasm kernels' SIMD lanes.
 */
export function addRowStats(stats: Float64Array, table: Float64Array, row: number, cols: number, solvedAt: number): void {
  let e0 = 0, e1 = 0, q0 = 0, q1 = 0;
  let j = 0;
  for (; j + 2 <= cols; j += 2) {
    const p0 = table[row + j], p1 = table[row + j + 1];
    e0 += entropyTerm(p0);
    e1 += entropyTerm(p1);
    q0 += p0 * p0;
    q1 += p1 * p1;
  }
  let entropy = e0 + e1, squares = q0 + q1;
  if (j < cols) {
    const p = table[row + j];
    entropy += entropyTerm(p);
    squares += p * p;
  }
  const p0 = table[row];
  stats[STAT_ACCURACY] += p0;
  if (p0 >= solvedAt) stats[STAT_SOLVED] += 1;
  if (p0 === 0) stats[STAT_UNSOLVED] += 1;
  stats[STAT_ENTROPY] += entropy;
  stats[STAT_GINI] += 1.0 - squares;
}

/** Turns the row sums into means over `rows` rows. */
export function averageRowStats(stats: Float64Array, rows: number): void {
  for (const index of [STAT_ACCURACY, STAT_SOLVED, STAT_UNSOLVED, STAT_ENTROPY, STAT_GINI]) stats[index] /= rows;
}

export function categoricalRowStats(table: Float64Array, rows: number, cols: number, epsilon: number, stats: Float64Array): void {
  clearRowStats(stats);
  const solvedAt = 1.0 - epsilon;
  for (let x = 0; x < rows; x++) addRowStats(stats, table, x * cols, cols, solvedAt);
  averageRowStats(stats, rows);
}
