// A factor R (rank x size) with R^T R = S for a small symmetric positive semidefinite S, by
// Cholesky with diagonal pivoting stopped after `rank` steps: what the exact-statistics method
// needs of the kept points' moment matrix M^T M, whose rank (min(rows of M, columns of M)) is
// known in advance, full or not.

/**
 * R, row-major rank x size, with R^T R = S up to rounding when S has rank <= `rank`. Row t is
 * the t-th pivoted Cholesky step (largest remaining diagonal first), so R is upper triangular
 * up to a column permutation. A pivot that rounding made non-positive gives a zero row.
 *
 * @example
 * psdFactor(Float64Array.of(4, 2, 2, 2), 2, 2) // rows [2, 1], [0, 1]: R^T R = [[4, 2], [2, 2]]
 */
export function psdFactor(s: ArrayLike<number>, size: number, rank: number): Float64Array {
  const residual = Float64Array.from(s);
  const r = new Float64Array(rank * size);
  const done = new Uint8Array(size);
  for (let t = 0; t < rank; t++) {
    let pivot = -1;
    for (let j = 0; j < size; j++) {
      if (!done[j] && (pivot < 0 || residual[j * size + j] > residual[pivot * size + pivot])) pivot = j;
    }
    if (pivot < 0) break;
    done[pivot] = 1;
    const top = residual[pivot * size + pivot];
    if (!(top > 0)) continue;
    const root = Math.sqrt(top);
    const row = r.subarray(t * size, (t + 1) * size);
    for (let j = 0; j < size; j++) row[j] = done[j] && j !== pivot ? 0 : residual[pivot * size + j] / root;
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) residual[i * size + j] -= row[i] * row[j];
    }
  }
  return r;
}
