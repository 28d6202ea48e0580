// assembly/softmax-model-train.ts in plain TypeScript: the gradient of the curated pairs' mean
// cross-entropy plus the ridge penalty, and full-batch gradient steps, each gradient entry
// adding the prompts' terms in prompt order, one prompt at a time.
import { transposeWeights, logits, exponentiate } from "./softmax-model-logits.js";
import { GRADIENT_BLOCK } from "../constants/softmax-model.js";

export function softmaxModelWorkLength(cols: number, d: number): number {
  return 2 * cols * d + GRADIENT_BLOCK * cols;
}

/** gradient = dL/dW at weights, wt = W^T in place; r: cols entries of scratch. Returns N. */
function gradientAt(
  weights: Float64Array, wt: Float64Array, features: Float64Array, curated: Float64Array, targets: Float64Array,
  rows: number, cols: number, d: number, ridge: number, gradient: Float64Array, r: Float64Array,
): number {
  const entries = cols * d;
  gradient.fill(0, 0, entries);
  let total = 0;
  for (let x = 0; x < rows; x++) {
    const n = curated[x];
    if (n === 0) continue;
    total += n;
    logits(wt, features, x * d, r, 0, cols, d);
    const scale = n / exponentiate(r, 0, cols);
    for (let j = 0; j < cols; j++) {
      const rj = r[j] * scale;
      for (let l = 0; l < d; l++) gradient[j * d + l] += rj * features[x * d + l];
    }
  }
  for (let i = 0; i < entries; i++) {
    const data = total > 0 ? (gradient[i] - targets[i]) / total : 0.0;
    gradient[i] = data + ridge * weights[i];
  }
  return total;
}

export function softmaxModelGradient(
  weights: Float64Array, features: Float64Array, curated: Float64Array, targets: Float64Array, rows: number, cols: number, d: number,
  ridge: number, gradient: Float64Array, work: Float64Array,
): void {
  transposeWeights(weights, work, cols, d);
  gradientAt(weights, work, features, curated, targets, rows, cols, d, ridge, gradient, work.subarray(2 * cols * d));
}

export function trainSoftmaxModel(
  weights: Float64Array, features: Float64Array, curated: Float64Array, targets: Float64Array, rows: number, cols: number, d: number,
  steps: number, learningRate: number, ridge: number, work: Float64Array,
): void {
  const entries = cols * d;
  const gradient = work.subarray(entries, 2 * entries), r = work.subarray(2 * entries);
  for (let s = 0; s < steps; s++) {
    transposeWeights(weights, work, cols, d);
    if (gradientAt(weights, work, features, curated, targets, rows, cols, d, ridge, gradient, r) === 0) return;
    for (let i = 0; i < entries; i++) weights[i] = weights[i] - learningRate * gradient[i];
  }
}
