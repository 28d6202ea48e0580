// A round's curated data for the softmax model: the training prompts' table (softmax-model-rows.ts)
// is sampled, filtered and given labels (or extra samples) exactly as the categorical rows are
// (categorical-rows-draw.ts, -labels.ts, -curate.ts), and the curated pairs (x, response) are
// summed into what the loss needs: per prompt the number of pairs n_x, and the targets
// C = sum over pairs of e_response x^T (cols x d). src/engine/reference/softmax-model-curate.ts
// is the same computation in TypeScript and consumes the random stream in the same order.
//
// The random stream, in order: step 1's draws (per prompt in order, `samples` outcome uniforms
// and their filter uniforms), step 2's (the allocation rule's), then per prompt in order its
// labels' uniforms or its extra samples' draws (countCurated).
import { at, atI32 } from "./address";
import { drawAndFilter } from "./categorical-rows-draw";
import { allocateLabels } from "./categorical-rows-labels";
import { countCurated } from "./categorical-rows-curate";
import { storeSpending, sumRows } from "./categorical-rows-refit";
import { axpy } from "./linalg";
import { responseOfColumn } from "./softmax-model-logits";
import { ALLOCATE_RESAMPLE } from "../src/engine/constants/categorical-rows";

/**
 * One round's curation of the training prompts (table, streak, rejected, labels, kept and
 * workspace as in refitCategoricalRows): curated[x] = n_x, targets = C, and stats' accepted,
 * labels and extra samples shares (categorical-rows-refit.ts's storeSpending).
 */
export function curateSoftmaxModel(
  rng: usize, table: usize, streak: usize, rejected: usize, labels: usize, kept: usize, workspace: usize,
  features: usize, correct: usize, rows: i32, cols: i32, d: i32, samples: i32, gamma: f64, rho: f64, beta: f64,
  allocation: i32, budget: f64, curated: usize, targets: usize, stats: usize,
): void {
  const keptTotal = drawAndFilter(rng, table, streak, rejected, kept, workspace, rows, cols, samples, gamma, rho);
  allocateLabels(rng, rejected, streak, labels, workspace, rows, samples, allocation, budget, false);
  const resample = allocation == ALLOCATE_RESAMPLE;
  const counts = workspace;
  memory.fill(counts, 0, <usize>cols << 3);
  memory.fill(targets, 0, (<usize>cols * <usize>d) << 3);
  for (let x = 0; x < rows; x++) {
    const row = table + ((<usize>x * <usize>cols) << 3);
    const n = countCurated(rng, row, x, rejected, labels, kept, counts, cols, samples, gamma, rho, beta, resample);
    store<f64>(at(curated, x), <f64>n);
    if (n == 0) continue;
    const promptFeatures = features + ((<usize>x * <usize>d) << 3);
    const c = load<i32>(atI32(correct, x));
    for (let m = 0; m < cols; m++) {
      const count = load<f64>(at(counts, m));
      if (count == 0) continue;
      axpy(count, promptFeatures, targets + ((<usize>responseOfColumn(m, c) * <usize>d) << 3), d);
      store<f64>(at(counts, m), 0.0);
    }
  }
  storeSpending(stats, keptTotal, sumRows(labels, rows), resample, rows, samples);
}
