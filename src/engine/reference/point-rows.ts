// assembly/point-rows.ts in plain TypeScript: the same draws in the same order and every sum in
// the same order, so the same bits as every wasm build.
import { fillNormal } from "./samplers.js";
import { nextUniform } from "./rng.js";
import { dotInOrder } from "./ordered-dot.js";

export function fillGaussianRows(
  state: Uint32Array, out: Float64Array, rows: number, d: number, mean: Float64Array, factor: Float64Array, scale: number,
): void {
  fillNormal(state, out, rows * d);
  for (let r = 0; r < rows; r++) {
    for (let i = d - 1; i >= 0; i--) out[r * d + i] = mean[i] + scale * dotInOrder(factor, i * d, out, r * d, i + 1);
  }
}

export function rowMoments(x: Float64Array, rows: number, d: number, mean: Float64Array, scatter: Float64Array, work: Float64Array): void {
  mean.fill(0, 0, d);
  scatter.fill(0, 0, d * d);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < d; j++) mean[j] += x[r * d + j];
  }
  for (let j = 0; j < d; j++) mean[j] /= rows;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < d; j++) work[j] = x[r * d + j] - mean[j];
    for (let i = 0; i < d; i++) {
      const ci = work[i];
      for (let j = i; j < d; j++) scatter[i * d + j] += ci * work[j];
    }
  }
  for (let i = 1; i < d; i++) {
    for (let j = 0; j < i; j++) scatter[i * d + j] = scatter[j * d + i];
  }
}

export function subsampleRows(state: Uint32Array, table: Float64Array, count: number, width: number, k: number): void {
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(nextUniform(state) * (count - i));
    if (j === i) continue;
    for (let e = 0; e < width; e++) {
      const v = table[i * width + e];
      table[i * width + e] = table[j * width + e];
      table[j * width + e] = v;
    }
  }
}

export function fillLinearLabels(
  state: Uint32Array, x: Float64Array, rows: number, d: number, w: Float64Array, noise: number, y: Float64Array,
): void {
  fillNormal(state, y, rows);
  for (let r = 0; r < rows; r++) y[r] = dotInOrder(x, r * d, w, 0, d) + noise * y[r];
}
