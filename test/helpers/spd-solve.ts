// A dense symmetric positive definite solve for the tests' independent computations (their own
// Monte Carlo, their own Newton solver): plain Cholesky, nothing shared with the engine.

/** Solves A x = b for a symmetric positive definite A (d x d) by its Cholesky factor. */
export function solveSpd(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let pivot = a[j * d + j];
    for (let k = 0; k < j; k++) pivot -= l[j * d + k] * l[j * d + k];
    l[j * d + j] = Math.sqrt(pivot);
    for (let i = j + 1; i < d; i++) {
      let v = a[i * d + j];
      for (let k = 0; k < j; k++) v -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = v / l[j * d + j];
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < i; k++) x[i] -= l[i * d + k] * x[k];
    x[i] /= l[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    for (let k = i + 1; k < d; k++) x[i] -= l[k * d + i] * x[k];
    x[i] /= l[i * d + i];
  }
  return x;
}
