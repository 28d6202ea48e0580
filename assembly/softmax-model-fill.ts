// The softmax model's world and starting weights: prompts x ~ N(0, I_d), a teacher W* (cols x d,
// iid N(0, 1)) whose largest logit names each prompt's correct response, c(x) = argmax_j (W* x)_j
// (the first on a tie), and W_0 = initialScale (a W* + sqrt(1 - a^2) G) / sqrt(d), G iid N(0, 1),
// a = initialAlignment. src/engine/reference/softmax-model-fill.ts is the same computation in
// TypeScript and consumes the random stream in the same order.
//
// The random stream, in order (all standard normals, fillNormal): the teacher row by row, G
// row by row, the training prompts' features prompt by prompt, then the held-out prompts'.
import { at, atI32 } from "./address";
import { fillNormal } from "./samplers";
import { transposeWeights, logits } from "./softmax-model-logits";

/** correct[x] = argmax_j (teacher x)_j over rows prompts, wt = teacher^T; z: cols entries of scratch. */
function correctResponses(wt: usize, features: usize, correct: usize, rows: i32, cols: i32, d: i32, z: usize): void {
  for (let x = 0; x < rows; x++) {
    logits(wt, features + ((<usize>x * <usize>d) << 3), z, cols, d);
    let best = 0;
    for (let j = 1; j < cols; j++) if (load<f64>(at(z, j)) > load<f64>(at(z, best))) best = j;
    store<i32>(atI32(correct, x), best);
  }
}

/**
 * Draws the teacher, the training prompts (features rows x d) and the held-out ones
 * (testFeatures testRows x d), sets their correct responses and the starting weights
 * (weights, cols x d: W_0 = s a / sqrt(d) W* + s sqrt(1 - a^2) / sqrt(d) G, entry by entry).
 * work: d x cols + cols entries.
 */
export function fillSoftmaxModel(
  rng: usize, features: usize, correct: usize, testFeatures: usize, testCorrect: usize, teacher: usize, weights: usize,
  rows: i32, testRows: i32, cols: i32, d: i32, initialScale: f64, initialAlignment: f64, work: usize,
): void {
  const entries = cols * d;
  fillNormal(rng, teacher, entries);
  fillNormal(rng, weights, entries);
  fillNormal(rng, features, rows * d);
  fillNormal(rng, testFeatures, testRows * d);
  const root = Math.sqrt(<f64>d);
  const toTeacher = initialScale * initialAlignment / root;
  const toNoise = initialScale * Math.sqrt(1.0 - initialAlignment * initialAlignment) / root;
  for (let i = 0; i < entries; i++) {
    store<f64>(at(weights, i), toTeacher * load<f64>(at(teacher, i)) + toNoise * load<f64>(at(weights, i)));
  }
  const wt = work, z = at(work, entries);
  transposeWeights(teacher, wt, cols, d);
  correctResponses(wt, features, correct, rows, cols, d, z);
  correctResponses(wt, testFeatures, testCorrect, testRows, cols, d, z);
}
