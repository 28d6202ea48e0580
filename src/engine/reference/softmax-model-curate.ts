// assembly/softmax-model-curate.ts in plain TypeScript: a round's curated pairs of the softmax
// model (draw, allocate, count as the categorical rows do), summed per prompt and into the
// targets, consuming the random stream in the same order.
import { drawAndFilter } from "./categorical-rows-draw.js";
import { allocateLabels } from "./categorical-rows-labels.js";
import { countCurated } from "./categorical-rows-curate.js";
import { storeSpending, sumRows } from "./categorical-rows-refit.js";
import { responseOfColumn } from "./softmax-model-logits.js";
import { ALLOCATE_RESAMPLE } from "../constants/categorical-rows.js";

export function curateSoftmaxModel(
  state: Uint32Array, table: Float64Array, streak: Int32Array, rejected: Float64Array, labels: Float64Array, kept: Int32Array,
  workspace: Float64Array, features: Float64Array, correct: Int32Array, rows: number, cols: number, d: number, samples: number,
  gamma: number, rho: number, beta: number, allocation: number, budget: number,
  curated: Float64Array, targets: Float64Array, stats: Float64Array,
): void {
  const keptTotal = drawAndFilter(state, table, streak, rejected, kept, workspace, rows, cols, samples, gamma, rho);
  allocateLabels(state, rejected, streak, labels, workspace, rows, samples, allocation, budget, false);
  const resample = allocation === ALLOCATE_RESAMPLE;
  const counts = workspace;
  counts.fill(0, 0, cols);
  targets.fill(0, 0, cols * d);
  for (let x = 0; x < rows; x++) {
    const n = countCurated(state, table, x * cols, x, rejected, labels, kept, counts, cols, samples, gamma, rho, beta, resample);
    curated[x] = n;
    if (n === 0) continue;
    const c = correct[x];
    for (let m = 0; m < cols; m++) {
      const count = counts[m];
      if (count === 0) continue;
      const target = responseOfColumn(m, c) * d;
      for (let l = 0; l < d; l++) targets[target + l] += count * features[x * d + l];
      counts[m] = 0;
    }
  }
  storeSpending(stats, keptTotal, sumRows(labels, rows), resample, rows, samples);
}
