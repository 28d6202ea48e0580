// Dense linear algebra on f64 in plain TypeScript, row-major, the reference for assembly/linalg.ts.
// Sums follow the scalar wasm build's order; the SIMD build's may differ in the last bits.
import { dotInOrder } from "./ordered-dot.js";

/** x . y over n entries, in the scalar wasm build's order (see ordered-dot.ts). */
export function dot(x: Float64Array, y: Float64Array, n: number): number {
  return dotInOrder(x, 0, y, 0, n);
}

export function axpy(a: number, x: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) y[i] += a * x[i];
}

export function quotient(x: Float64Array, n: number, divisor: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = x[i] / divisor;
}

export function scale(a: number, x: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) x[i] *= a;
}

/** y = A x for A of rows x cols. */
export function gemv(a: Float64Array, x: Float64Array, y: Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) y[r] = dot(a.subarray(r * cols, (r + 1) * cols), x, cols);
}

/** Upper triangle of G += X^T X and b += X^T y over `rows` rows of X (rows x d); see gramSymmetrize. */
export function gramAccumulate(
  x: Float64Array, y: Float64Array, rows: number, d: number, g: Float64Array, b: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    const row = r * d;
    for (let i = 0; i < d; i++) {
      const xi = x[row + i];
      const gi = i * d;
      for (let j = i; j < d; j++) g[gi + j] += xi * x[row + j];
    }
    const yr = y[r];
    for (let j = 0; j < d; j++) b[j] += yr * x[row + j];
  }
}

/** Copies G's upper triangle into its lower triangle. */
export function gramSymmetrize(g: Float64Array, d: number): void {
  for (let i = 1; i < d; i++) {
    for (let j = 0; j < i; j++) g[i * d + j] = g[j * d + i];
  }
}

/**
 * In-place Cholesky factorisation of A + ridge I: the lower triangle becomes L. Returns 0, or
 * 1 + the index of the first pivot that is not positive.
 */
export function cholesky(a: Float64Array, d: number, ridge: number): number {
  for (let j = 0; j < d; j++) {
    const rj = a.subarray(j * d, (j + 1) * d);
    const pivot = rj[j] + ridge - dot(rj, rj, j);
    if (!(pivot > 0)) return j + 1;
    const ljj = Math.sqrt(pivot);
    rj[j] = ljj;
    const inv = 1.0 / ljj;
    for (let i = j + 1; i < d; i++) {
      const ri = a.subarray(i * d, (i + 1) * d);
      ri[j] = (ri[j] - dot(ri, rj, j)) * inv;
    }
  }
  return 0;
}

/** Solves L L^T x = b in place, L the lower triangle left by cholesky. */
export function choleskySolve(l: Float64Array, d: number, b: Float64Array): void {
  for (let i = 0; i < d; i++) {
    b[i] = (b[i] - dot(l.subarray(i * d, (i + 1) * d), b, i)) / l[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < d; k++) sum -= l[k * d + i] * b[k];
    b[i] = sum / l[i * d + i];
  }
}
