// Wishart_p(dof, I) draws: the distribution of Z^T Z for Z a dof x p matrix of i.i.d. N(0, 1),
// drawn in O(p^3) whatever dof is. For dof > p - 1 by the Bartlett decomposition (W = L L^T,
// L lower triangular, L_ii^2 ~ chi-square(dof - i), L_ij ~ N(0, 1) below the diagonal); for
// an integer dof <= p - 1 (a singular Wishart) as H^T H with H's dof rows drawn. Every sum
// runs in a fixed order, the SIMD lanes included, so all builds and the TypeScript reference
// (src/engine/reference/wishart.ts) give the same bits.
import { fillNormal } from "./samplers";
import { drawBartlettRows } from "./triangular";
import { at } from "./address";
import { dotInOrder } from "./ordered-dot";

/** Copies the lower triangle of the p x p matrix at out (row stride ld) into its upper triangle. */
function mirrorLower(out: usize, p: i32, ld: i32): void {
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) store<f64>(at(out, i * ld + j), load<f64>(at(out, j * ld + i)));
  }
}

/**
 * Bartlett: row i of L is drawn as its i below-diagonal normals, then L_ii = sqrt(chi-square(dof - i)).
 * L L^T then overwrites L in place, rows from the last to the first and each row from its
 * diagonal leftwards: W_ij = L_i[0..j] . L_j[0..j] needs only rows <= i and columns <= j,
 * which are still L when it is written.
 */
function bartlett(state: usize, out: usize, p: i32, dof: f64, ld: i32): void {
  drawBartlettRows(state, out, p, dof, ld);
  for (let i = p - 1; i >= 0; i--) {
    const row = at(out, i * ld);
    for (let j = i; j >= 0; j--) store<f64>(at(row, j), dotInOrder(row, at(out, j * ld), j + 1));
  }
  mirrorLower(out, p, ld);
}

/**
 * H^T H for `rows` Gaussian rows of p entries, drawn in order (row-major), four at a time
 * into work: each entry of the lower triangle adds the four rows' products in row order.
 */
function gaussianRows(state: usize, out: usize, p: i32, rows: i32, ld: i32, work: usize): void {
  for (let i = 0; i < p; i++) memory.fill(at(out, i * ld), 0, <usize>(i + 1) << 3);
  for (let t = 0; t < rows; t += 4) {
    const r = min(4, rows - t);
    fillNormal(state, work, r * p);
    for (let i = 0; i < p; i++) {
      const row = at(out, i * ld);
      let j = 0;
      if (ASC_FEATURE_SIMD) {
        for (; j + 2 <= i + 1; j += 2) {
          let acc = v128.load(at(row, j));
          for (let h = 0; h < r; h++) {
            const hr = at(work, h * p);
            acc = f64x2.add(acc, f64x2.mul(v128.load64_splat(at(hr, i)), v128.load(at(hr, j))));
          }
          v128.store(at(row, j), acc);
        }
      }
      for (; j <= i; j++) {
        let acc = load<f64>(at(row, j));
        for (let h = 0; h < r; h++) {
          const hr = at(work, h * p);
          acc += load<f64>(at(hr, i)) * load<f64>(at(hr, j));
        }
        store<f64>(at(row, j), acc);
      }
    }
  }
  mirrorLower(out, p, ld);
}

/** f64 entries of scratch that fillWishart needs for dimension p. */
export function wishartWorkLength(p: i32): i32 {
  return 4 * p;
}

/**
 * Writes one Wishart_p(dof, I) draw into the p x p matrix at out (row i at out + i * ld
 * entries), both triangles. dof > p - 1: Bartlett (p normals and chi-squares in row order,
 * see bartlett); otherwise dof must be an integer in [0, p - 1] and the draw is H^T H for
 * dof rows of p normals (W = 0 for dof = 0). work: wishartWorkLength(p) f64.
 */
export function fillWishart(state: usize, out: usize, p: i32, dof: f64, ld: i32, work: usize): void {
  if (dof > <f64>(p - 1)) bartlett(state, out, p, dof, ld);
  else gaussianRows(state, out, p, <i32>dof, ld, work);
}
