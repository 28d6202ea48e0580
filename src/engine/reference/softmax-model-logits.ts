// assembly/softmax-model-logits.ts in plain TypeScript: one prompt's logits and their
// exponentials, each sum in the kernels' order (a logit's d products in order from 0; the
// exponentials in two interleaved partial sums).
import { detExp } from "../../math/fdlibm.js";

/** wt (d x cols) = W^T. */
export function transposeWeights(weights: Float64Array, wt: Float64Array, cols: number, d: number): void {
  for (let j = 0; j < cols; j++) {
    for (let l = 0; l < d; l++) wt[l * cols + j] = weights[j * d + l];
  }
}

/** z[zAt + j] = sum over l of x[xAt + l] W[j][l], from wt = W^T. */
export function logits(wt: Float64Array, x: Float64Array, xAt: number, z: Float64Array, zAt: number, cols: number, d: number): void {
  for (let j = 0; j < cols; j++) {
    let a = 0;
    for (let l = 0; l < d; l++) a += x[xAt + l] * wt[l * cols + j];
    z[zAt + j] = a;
  }
}

/** z[zAt + j] <- detExp(z[zAt + j] - max z) for j < cols; returns their sum. */
export function exponentiate(z: Float64Array, zAt: number, cols: number): number {
  let top = z[zAt];
  for (let j = 1; j < cols; j++) top = Math.max(top, z[zAt + j]);
  let s0 = 0, s1 = 0;
  let j = 0;
  for (; j + 2 <= cols; j += 2) {
    z[zAt + j] = detExp(z[zAt + j] - top);
    z[zAt + j + 1] = detExp(z[zAt + j + 1] - top);
    s0 += z[zAt + j];
    s1 += z[zAt + j + 1];
  }
  let sum = s0 + s1;
  if (j < cols) {
    z[zAt + j] = detExp(z[zAt + j] - top);
    sum += z[zAt + j];
  }
  return sum;
}

/** The response column m of a prompt's categorical row stands for (correct response c first). */
export function responseOfColumn(m: number, c: number): number {
  return m === 0 ? c : m <= c ? m - 1 : m;
}
