// Lower-triangular matrices (row-major, d x d, entries above the diagonal zero or ignored): the
// Bartlett factor of a Wishart matrix, products, inverses, solves and the Cholesky factor. Every
// sum runs in one fixed order in every build, dot products through dotInOrder and row updates as
// element-wise axpy steps (whose SIMD lanes are independent entries), so all builds and the
// TypeScript reference (src/engine/reference/triangular.ts) give the same bits.
import { fillNormal } from "./samplers";
import { nextGamma } from "./gamma";
import { at } from "./address";
import { dotInOrder } from "./ordered-dot";
import { axpy } from "./linalg";

/**
 * Draws the lower triangle of a Bartlett factor: row i (i = 0, 1, ...) takes its i normals below
 * the diagonal, then A_ii = sqrt(chi-square(dof - i)) (2 Gamma((dof - i) / 2)). Entries above the
 * diagonal are left as they are. fillWishart draws its Bartlett case through this.
 */
export function drawBartlettRows(state: usize, out: usize, p: i32, dof: f64, ld: i32): void {
  for (let i = 0; i < p; i++) {
    const row = at(out, i * ld);
    fillNormal(state, row, i);
    store<f64>(at(row, i), Math.sqrt(2.0 * nextGamma(state, 0.5 * (dof - <f64>i))));
  }
}

/**
 * A Bartlett factor of Wishart_p(dof, I), dof > p - 1: the lower-triangular A with A A^T ~
 * Wishart_p(dof, I), drawn row by row as drawBartlettRows (row i: i normals, then the
 * chi-square of dof - i degrees of freedom); the upper triangle is zeroed. Row i at out + i ld.
 */
export function fillBartlett(state: usize, out: usize, p: i32, dof: f64, ld: i32): void {
  drawBartlettRows(state, out, p, dof, ld);
  for (let i = 0; i < p; i++) memory.fill(at(out, i * ld + i + 1), 0, <usize>(p - i - 1) << 3);
}

/** out = L L^T (both triangles), entry (i, j <= i) as dotInOrder of rows i and j over their first j + 1 entries. */
export function lowerGram(l: usize, d: i32, out: usize): void {
  for (let i = 0; i < d; i++) {
    const row = at(l, i * d);
    for (let j = 0; j <= i; j++) {
      const v = dotInOrder(row, at(l, j * d), j + 1);
      store<f64>(at(out, i * d + j), v);
      store<f64>(at(out, j * d + i), v);
    }
  }
}

/**
 * L <- L A in place, both lower triangular: row i becomes sum over k <= i of L_ik times row k of A
 * (its first k + 1 entries), added in order of k into work (d entries), then copied back.
 */
export function lowerProduct(l: usize, a: usize, d: i32, work: usize): void {
  for (let i = 0; i < d; i++) {
    const row = at(l, i * d);
    memory.fill(work, 0, <usize>(i + 1) << 3);
    for (let k = 0; k <= i; k++) axpy(load<f64>(at(row, k)), at(a, k * d), work, k + 1);
    memory.copy(row, work, <usize>(i + 1) << 3);
  }
}

/**
 * L <- L^-1 in place (lower triangle): row i of the inverse is -(1 / L_ii) times the sum over
 * k < i of L_ik times row k of the inverse, added in order of k into work (d entries); its
 * diagonal is 1 / L_ii.
 */
export function lowerInverse(l: usize, d: i32, work: usize): void {
  for (let i = 0; i < d; i++) {
    const row = at(l, i * d);
    memory.fill(work, 0, <usize>i << 3);
    for (let k = 0; k < i; k++) axpy(load<f64>(at(row, k)), at(l, k * d), work, k + 1);
    const inv = 1.0 / load<f64>(at(row, i));
    for (let j = 0; j < i; j++) store<f64>(at(row, j), -load<f64>(at(work, j)) * inv);
    store<f64>(at(row, i), inv);
  }
}

/**
 * Solves L x = b (transposed = false) or L^T x = b (true) in place, L lower triangular. Forward:
 * x_i = (b_i - dotInOrder(L_i, x, i)) / L_ii. Backward, by rows: for i from d - 1 down, x_i =
 * b_i / L_ii, then b[0..i) -= x_i L_i[0..i) element by element.
 */
export function lowerSolve(l: usize, d: i32, b: usize, transposed: bool): void {
  if (!transposed) {
    for (let i = 0; i < d; i++) {
      const row = at(l, i * d);
      store<f64>(at(b, i), (load<f64>(at(b, i)) - dotInOrder(row, b, i)) / load<f64>(at(row, i)));
    }
    return;
  }
  for (let i = d - 1; i >= 0; i--) {
    const row = at(l, i * d);
    const xi = load<f64>(at(b, i)) / load<f64>(at(row, i));
    store<f64>(at(b, i), xi);
    axpy(-xi, row, b, i);
  }
}

/**
 * In-place Cholesky factorisation of A + ridge I (d x d, symmetric, lower triangle read), left
 * looking, with every dot product through dotInOrder: the lower triangle becomes L. Returns 0,
 * or 1 + the index of the first pivot that is not positive.
 */
export function choleskyInOrder(a: usize, d: i32, ridge: f64): i32 {
  for (let j = 0; j < d; j++) {
    const rj = at(a, j * d);
    const pivot = load<f64>(at(rj, j)) + ridge - dotInOrder(rj, rj, j);
    if (!(pivot > 0)) return j + 1;
    const ljj = Math.sqrt(pivot);
    store<f64>(at(rj, j), ljj);
    const inv = 1.0 / ljj;
    for (let i = j + 1; i < d; i++) {
      const ri = at(a, i * d);
      store<f64>(at(ri, j), (load<f64>(at(ri, j)) - dotInOrder(ri, rj, j)) * inv);
    }
  }
  return 0;
}

/**
 * x <- L x (transposed = false) or x <- L^T x (true) in place, L lower triangular (d x d). L x
 * from the last entry up, x_i = dotInOrder(L_i, x, i + 1); L^T x from the first entry down, by
 * rows: for i = 0, 1, ..., x_i <- L_ii x_i, then x[0..i) += x_i L_i[0..i) element by element
 * (x_i read before its update).
 */
export function lowerTimes(l: usize, d: i32, x: usize, transposed: bool): void {
  if (!transposed) {
    for (let i = d - 1; i >= 0; i--) store<f64>(at(x, i), dotInOrder(at(l, i * d), x, i + 1));
    return;
  }
  for (let i = 0; i < d; i++) {
    const row = at(l, i * d);
    const xi = load<f64>(at(x, i));
    store<f64>(at(x, i), load<f64>(at(row, i)) * xi);
    axpy(xi, row, x, i);
  }
}
