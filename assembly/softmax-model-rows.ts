// The softmax model's probabilities as a table of categorical rows: for each prompt the row
// p(.|x) = softmax(W x) with its correct response first (the layout every categorical-rows
// kernel reads: entry 0 the correct outcome), and the rows' statistics. The draws of a round
// read the training prompts' table; the held-out prompts' table gives the held-out metrics.
// src/engine/reference/softmax-model-rows.ts is the same computation in TypeScript. No random
// numbers.
import { at, atI32 } from "./address";
import { clearRowStats, addRowStats, averageRowStats } from "./categorical-rows-stats";
import { transposeWeights, logits, exponentiate } from "./softmax-model-logits";
import { STAT_TOP1 } from "../src/engine/constants/softmax-model";

/**
 * Writes row x of table (rows x cols) for every prompt (features rows x d, correct its
 * responses), then stats: the categorical rows' STAT_* of the table (categoricalRowStats, a row
 * counting as solved only at p = 1) and STAT_TOP1, the share of rows whose entry 0 exceeds every
 * other. work: d x cols + cols entries.
 */
export function softmaxModelRows(
  weights: usize, features: usize, correct: usize, rows: i32, cols: i32, d: i32, table: usize, work: usize, stats: usize,
): void {
  const wt = work;
  const p = at(work, d * cols);
  transposeWeights(weights, wt, cols, d);
  clearRowStats(stats);
  let top: f64 = 0;
  for (let x = 0; x < rows; x++) {
    logits(wt, features + ((<usize>x * <usize>d) << 3), p, cols, d);
    const scale = 1.0 / exponentiate(p, cols);
    for (let j = 0; j < cols; j++) store<f64>(at(p, j), load<f64>(at(p, j)) * scale);
    // Correct first, then the wrong responses in order.
    const c = load<i32>(atI32(correct, x));
    const row = table + ((<usize>x * <usize>cols) << 3);
    const head = load<f64>(at(p, c));
    store<f64>(row, head);
    memory.copy(row + 8, p, <usize>c << 3);
    memory.copy(at(row, c + 1), at(p, c + 1), <usize>(cols - 1 - c) << 3);
    let best: f64 = 0;
    for (let j = 1; j < cols; j++) best = max<f64>(best, load<f64>(at(row, j)));
    if (head > best) top += 1.0;
    addRowStats(stats, row, cols, 1.0);
  }
  averageRowStats(stats, rows);
  store<f64>(at(stats, STAT_TOP1), top / <f64>rows);
}
