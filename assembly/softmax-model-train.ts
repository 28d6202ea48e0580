// The softmax model's strong learner: full-batch gradient descent on the mean cross-entropy of
// the round's curated pairs plus a ridge penalty,
//   L(W) = (1/N) sum_x [ n_x lse(W x) ] - (1/N) sum_j W_j . C_j + (ridge / 2) |W|^2,
// with n_x the pairs of prompt x, N their total, C the targets (softmax-model-curate.ts) and
// lse the log-sum-exp: -log p_W(y|x) summed over the pairs (x, y), written through the counts. Its gradient is
//   dL/dW = (G - C) / N + ridge W,   G = sum_x n_x p_W(.|x) x^T.
// src/engine/reference/softmax-model-train.ts adds the same terms in the same order, one prompt
// at a time: each entry of G adds the prompts' terms in prompt order, GRADIENT_BLOCK of them per
// load and store here. No random numbers.
import { at } from "./address";
import { axpy, axpy4 } from "./linalg";
import { transposeWeights, logits, exponentiate } from "./softmax-model-logits";
import { GRADIENT_BLOCK } from "../src/engine/constants/softmax-model";

/** Scratch entries of softmaxModelGradient and trainSoftmaxModel: W^T, the gradient, a block of residuals. */
export function softmaxModelWorkLength(cols: i32, d: i32): i32 {
  return 2 * cols * d + GRADIENT_BLOCK * cols;
}

/** g[j] += r[j] x over the d features of each row j < cols of g (cols x d): one prompt's term. */
function addTerm(g: usize, r: usize, x: usize, cols: i32, d: i32): void {
  for (let j = 0; j < cols; j++) axpy(load<f64>(at(r, j)), x, g + ((<usize>j * <usize>d) << 3), d);
}

/** addTerm for GRADIENT_BLOCK prompts in order, each entry of g loaded and stored once. */
function addBlock(g: usize, r: usize, x0: usize, x1: usize, x2: usize, x3: usize, cols: i32, d: i32): void {
  const r1 = at(r, cols), r2 = at(r, 2 * cols), r3 = at(r, 3 * cols);
  for (let j = 0; j < cols; j++) {
    axpy4(load<f64>(at(r, j)), x0, load<f64>(at(r1, j)), x1, load<f64>(at(r2, j)), x2, load<f64>(at(r3, j)), x3, g + ((<usize>j * <usize>d) << 3), d);
  }
}

/**
 * gradient (cols x d) = dL/dW at weights, wt = W^T already in place; returns N. With no
 * curated pair (N = 0) the data term is 0 and the gradient is ridge W.
 */
function gradientAt(
  weights: usize, wt: usize, features: usize, curated: usize, targets: usize,
  rows: i32, cols: i32, d: i32, ridge: f64, gradient: usize, residuals: usize,
): f64 {
  const entries = cols * d;
  memory.fill(gradient, 0, <usize>entries << 3);
  const rowBytes = <usize>d << 3;
  let total: f64 = 0;
  // The prompts of the block being filled (their residuals n_x p_W(.|x) at residuals + b cols).
  let b = 0;
  let x0: usize = 0, x1: usize = 0, x2: usize = 0;
  for (let x = 0; x < rows; x++) {
    const n = load<f64>(at(curated, x));
    if (n == 0) continue;
    total += n;
    const xs = features + <usize>x * rowBytes;
    const r = at(residuals, b * cols);
    logits(wt, xs, r, cols, d);
    const scale = n / exponentiate(r, cols);
    for (let j = 0; j < cols; j++) store<f64>(at(r, j), load<f64>(at(r, j)) * scale);
    if (b == 0) x0 = xs;
    else if (b == 1) x1 = xs;
    else if (b == 2) x2 = xs;
    else {
      addBlock(gradient, residuals, x0, x1, x2, xs, cols, d);
      b = 0;
      continue;
    }
    b++;
  }
  // The last prompts of an incomplete block, one at a time.
  if (b > 0) addTerm(gradient, residuals, x0, cols, d);
  if (b > 1) addTerm(gradient, at(residuals, cols), x1, cols, d);
  if (b > 2) addTerm(gradient, at(residuals, 2 * cols), x2, cols, d);
  for (let i = 0; i < entries; i++) {
    const g = at(gradient, i);
    const data = total > 0 ? (load<f64>(g) - load<f64>(at(targets, i))) / total : 0.0;
    store<f64>(g, data + ridge * load<f64>(at(weights, i)));
  }
  return total;
}

/** gradient = dL/dW at weights (with no curated pair, ridge W). work: softmaxModelWorkLength entries. */
export function softmaxModelGradient(
  weights: usize, features: usize, curated: usize, targets: usize, rows: i32, cols: i32, d: i32, ridge: f64,
  gradient: usize, work: usize,
): void {
  const wt = work;
  transposeWeights(weights, wt, cols, d);
  gradientAt(weights, wt, features, curated, targets, rows, cols, d, ridge, gradient, at(work, 2 * cols * d));
}

/**
 * `steps` full-batch gradient steps W <- W - learningRate dL/dW from the current weights; with
 * no curated pair, the weights stay as they are. work: softmaxModelWorkLength entries.
 */
export function trainSoftmaxModel(
  weights: usize, features: usize, curated: usize, targets: usize, rows: i32, cols: i32, d: i32,
  steps: i32, learningRate: f64, ridge: f64, work: usize,
): void {
  const entries = cols * d;
  const wt = work, gradient = at(work, entries), residuals = at(work, 2 * entries);
  for (let s = 0; s < steps; s++) {
    transposeWeights(weights, wt, cols, d);
    if (gradientAt(weights, wt, features, curated, targets, rows, cols, d, ridge, gradient, residuals) == 0) return;
    for (let i = 0; i < entries; i++) {
      const w = at(weights, i);
      store<f64>(w, load<f64>(w) - learningRate * load<f64>(at(gradient, i)));
    }
  }
}
