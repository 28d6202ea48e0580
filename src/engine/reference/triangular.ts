// assembly/triangular.ts in plain TypeScript: the same draws in the same order and every sum in
// the same order (dotInOrder, element-wise row updates), so the same bits as every wasm build.
import { fillNormal } from "./samplers.js";
import { nextGamma } from "./gamma.js";
import { dotInOrder } from "./ordered-dot.js";

/** y[yOffset..+n) += a x[xOffset..+n), entry by entry. */
function axpyInOrder(a: number, x: Float64Array, xOffset: number, y: Float64Array, yOffset: number, n: number): void {
  for (let i = 0; i < n; i++) y[yOffset + i] += a * x[xOffset + i];
}

/** Row i: its i normals below the diagonal, then sqrt(chi-square(dof - i)) on it. */
export function drawBartlettRows(state: Uint32Array, out: Float64Array, p: number, dof: number, ld: number): void {
  for (let i = 0; i < p; i++) {
    fillNormal(state, out.subarray(i * ld, i * ld + i), i);
    out[i * ld + i] = Math.sqrt(2.0 * nextGamma(state, 0.5 * (dof - i)));
  }
}

export function fillBartlett(state: Uint32Array, out: Float64Array, p: number, dof: number, ld: number): void {
  drawBartlettRows(state, out, p, dof, ld);
  for (let i = 0; i < p; i++) out.fill(0, i * ld + i + 1, i * ld + p);
}

export function lowerGram(l: Float64Array, d: number, out: Float64Array): void {
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      const v = dotInOrder(l, i * d, l, j * d, j + 1);
      out[i * d + j] = v;
      out[j * d + i] = v;
    }
  }
}

export function lowerProduct(l: Float64Array, a: Float64Array, d: number, work: Float64Array): void {
  for (let i = 0; i < d; i++) {
    work.fill(0, 0, i + 1);
    for (let k = 0; k <= i; k++) axpyInOrder(l[i * d + k], a, k * d, work, 0, k + 1);
    l.set(work.subarray(0, i + 1), i * d);
  }
}

export function lowerInverse(l: Float64Array, d: number, work: Float64Array): void {
  for (let i = 0; i < d; i++) {
    work.fill(0, 0, i);
    for (let k = 0; k < i; k++) axpyInOrder(l[i * d + k], l, k * d, work, 0, k + 1);
    const inv = 1.0 / l[i * d + i];
    for (let j = 0; j < i; j++) l[i * d + j] = -work[j] * inv;
    l[i * d + i] = inv;
  }
}

export function lowerSolve(l: Float64Array, d: number, b: Float64Array, transposed: boolean): void {
  if (!transposed) {
    for (let i = 0; i < d; i++) b[i] = (b[i] - dotInOrder(l, i * d, b, 0, i)) / l[i * d + i];
    return;
  }
  for (let i = d - 1; i >= 0; i--) {
    const xi = b[i] / l[i * d + i];
    b[i] = xi;
    axpyInOrder(-xi, l, i * d, b, 0, i);
  }
}

export function choleskyInOrder(a: Float64Array, d: number, ridge: number): number {
  for (let j = 0; j < d; j++) {
    const pivot = a[j * d + j] + ridge - dotInOrder(a, j * d, a, j * d, j);
    if (!(pivot > 0)) return j + 1;
    const ljj = Math.sqrt(pivot);
    a[j * d + j] = ljj;
    const inv = 1.0 / ljj;
    for (let i = j + 1; i < d; i++) a[i * d + j] = (a[i * d + j] - dotInOrder(a, i * d, a, j * d, j)) * inv;
  }
  return 0;
}

export function lowerTimes(l: Float64Array, d: number, x: Float64Array, transposed: boolean): void {
  if (!transposed) {
    for (let i = d - 1; i >= 0; i--) x[i] = dotInOrder(l, i * d, x, 0, i + 1);
    return;
  }
  for (let i = 0; i < d; i++) {
    const xi = x[i];
    x[i] = l[i * d + i] * xi;
    axpyInOrder(xi, l, i * d, x, 0, i);
  }
}
