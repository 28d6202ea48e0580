// assembly/softmax-model-rows.ts in plain TypeScript: the softmax model's probabilities as
// categorical rows (correct response first) and their statistics, in the kernel's order.
import { clearRowStats, addRowStats, averageRowStats } from "./categorical-rows-stats.js";
import { transposeWeights, logits, exponentiate } from "./softmax-model-logits.js";
import { STAT_TOP1 } from "../constants/softmax-model.js";

export function softmaxModelRows(
  weights: Float64Array, features: Float64Array, correct: Int32Array, rows: number, cols: number, d: number,
  table: Float64Array, work: Float64Array, stats: Float64Array,
): void {
  const p = d * cols;
  transposeWeights(weights, work, cols, d);
  clearRowStats(stats);
  let top = 0;
  for (let x = 0; x < rows; x++) {
    logits(work, features, x * d, work, p, cols, d);
    const scale = 1.0 / exponentiate(work, p, cols);
    for (let j = 0; j < cols; j++) work[p + j] *= scale;
    const c = correct[x];
    const row = x * cols;
    const head = work[p + c];
    table[row] = head;
    table.set(work.subarray(p, p + c), row + 1);
    table.set(work.subarray(p + c + 1, p + cols), row + c + 1);
    let best = 0;
    for (let j = 1; j < cols; j++) best = Math.max(best, table[row + j]);
    if (head > best) top += 1;
    addRowStats(stats, table, row, cols, 1.0);
  }
  averageRowStats(stats, rows);
  stats[STAT_TOP1] = top / rows;
}
