// Dense matrices (row-major) whose every sum runs in one fixed order in every build: the matrix
// product (row updates, SIMD lanes on independent entries) and the eigenvalues of a symmetric
// matrix (Householder tridiagonalisation, then the implicit QL method, with sqrt as the only
// function besides + - * /). src/engine/reference/dense.ts gives the same bits.
import { at } from "./address";
import { dotInOrder } from "./ordered-dot";
import { axpy, axpy4 } from "./linalg";

/**
 * C = A B (accumulate: C += A B), A m x k, B k x n, C m x n. Row i of C adds a_ik times row k
 * of B for k = 0, 1, ..., entry by entry, so each entry sums its k products in order of k.
 */
export function matrixProduct(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, accumulate: bool): void {
  for (let i = 0; i < m; i++) {
    const ci = at(c, i * n);
    if (!accumulate) memory.fill(ci, 0, <usize>n << 3);
    const ai = at(a, i * k);
    for (let h = 0; h < k; h++) {
      axpy(load<f64>(at(ai, h)), at(b, h * n), ci, n);
    }
  }
}

/** sqrt(a^2 + b^2) without overflow or destructive underflow. */
// @ts-ignore: decorator
@inline function pythag(a: f64, b: f64): f64 {
  const absa = Math.abs(a), absb = Math.abs(b);
  if (absa > absb) {
    const r = absb / absa;
    return absa * Math.sqrt(1.0 + r * r);
  }
  if (absb == 0.0) return 0.0;
  const r = absa / absb;
  return absb * Math.sqrt(1.0 + r * r);
}

/**
 * Householder reduction of the symmetric d x d matrix a (destroyed; its lower triangle is read)
 * to tridiagonal form: diagonal into values, sub-diagonal into work[0..d-1) (work[d-1] = 0).
 */
function tridiagonalize(a: usize, d: i32, values: usize, work: usize): void {
  for (let i = d - 1; i > 0; i--) {
    const l = i - 1;
    const ai = at(a, i * d);
    let h = 0.0;
    if (l > 0) {
      let scale = 0.0;
      for (let k = 0; k <= l; k++) scale += Math.abs(load<f64>(at(ai, k)));
      if (scale == 0.0) {
        store<f64>(at(work, i), load<f64>(at(ai, l)));
      } else {
        for (let k = 0; k <= l; k++) {
          const v = load<f64>(at(ai, k)) / scale;
          store<f64>(at(ai, k), v);
          h += v * v;
        }
        let f = load<f64>(at(ai, l));
        let g = f >= 0.0 ? -Math.sqrt(h) : Math.sqrt(h);
        store<f64>(at(work, i), scale * g);
        h -= f * g;
        store<f64>(at(ai, l), f - g);
        f = 0.0;
        for (let j = 0; j <= l; j++) {
          g = 0.0;
          for (let k = 0; k <= j; k++) g += load<f64>(at(a, j * d + k)) * load<f64>(at(ai, k));
          for (let k = j + 1; k <= l; k++) g += load<f64>(at(a, k * d + j)) * load<f64>(at(ai, k));
          const ej = g / h;
          store<f64>(at(work, j), ej);
          f += ej * load<f64>(at(ai, j));
        }
        const hh = f / (h + h);
        for (let j = 0; j <= l; j++) {
          f = load<f64>(at(ai, j));
          g = load<f64>(at(work, j)) - hh * f;
          store<f64>(at(work, j), g);
          const aj = at(a, j * d);
          for (let k = 0; k <= j; k++) {
            store<f64>(at(aj, k), load<f64>(at(aj, k)) - (f * load<f64>(at(work, k)) + g * load<f64>(at(ai, k))));
          }
        }
      }
    } else {
      store<f64>(at(work, i), load<f64>(at(ai, l)));
    }
  }
  for (let i = 0; i < d; i++) store<f64>(at(values, i), load<f64>(at(a, i * d + i)));
  // The sub-diagonal: e[i] couples rows i and i + 1.
  for (let i = 1; i < d; i++) store<f64>(at(work, i - 1), load<f64>(at(work, i)));
  if (d > 0) store<f64>(at(work, d - 1), 0.0);
}

/**
 * The eigenvalues of the symmetric d x d matrix a (its lower triangle read; a is destroyed),
 * unsorted, into values; work holds d entries. Householder tridiagonalisation, then the QL
 * method with implicit shifts. Returns 0, or 1 when an eigenvalue took more than 60 iterations.
 */
export function symmetricEigenvalues(a: usize, d: i32, values: usize, work: usize): i32 {
  tridiagonalize(a, d, values, work);
  for (let l = 0; l < d; l++) {
    let iterations = 0;
    let m = l;
    do {
      for (m = l; m < d - 1; m++) {
        const dd = Math.abs(load<f64>(at(values, m))) + Math.abs(load<f64>(at(values, m + 1)));
        if (Math.abs(load<f64>(at(work, m))) <= 2.220446049250313e-16 * dd) break;
      }
      if (m != l) {
        if (iterations++ == 60) return 1;
        const dl = load<f64>(at(values, l)), el = load<f64>(at(work, l));
        let g = (load<f64>(at(values, l + 1)) - dl) / (2.0 * el);
        let r = pythag(g, 1.0);
        g = load<f64>(at(values, m)) - dl + el / (g + (g >= 0.0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1.0, c = 1.0, p = 0.0;
        let i = m - 1;
        let underflow = false;
        for (; i >= l; i--) {
          const ei = load<f64>(at(work, i));
          const f = s * ei, b = c * ei;
          r = pythag(f, g);
          store<f64>(at(work, i + 1), r);
          if (r == 0.0) {
            store<f64>(at(values, i + 1), load<f64>(at(values, i + 1)) - p);
            store<f64>(at(work, m), 0.0);
            underflow = true;
            break;
          }
          s = f / r;
          c = g / r;
          g = load<f64>(at(values, i + 1)) - p;
          r = (load<f64>(at(values, i)) - g) * s + 2.0 * c * b;
          p = s * r;
          store<f64>(at(values, i + 1), g + p);
          g = c * r - b;
        }
        if (underflow) continue;
        store<f64>(at(values, l), load<f64>(at(values, l)) - p);
        store<f64>(at(work, l), g);
        store<f64>(at(work, m), 0.0);
      }
    } while (m != l);
  }
  return 0;
}

/**
 * C = A^T B (accumulate: C += A^T B), A rows x m with rows lda entries apart, B rows x n with
 * rows ldb apart, C m x n. Row r of A and B adds a_ri times row r of B to row i of C, entry by
 * entry, so each entry sums its products in order of r (the Gram X^T X and the cross products
 * X^T y of a table of labelled rows, with the labels a column of the table or a vector). With
 * upper (m = n, a symmetric product such as a Gram), only the entries j >= i are summed and the
 * lower triangle is copied from them.
 */
export function transposeProduct(a: usize, b: usize, c: usize, rows: i32, m: i32, n: i32, lda: i32, ldb: i32, accumulate: bool, upper: bool): void {
  if (!accumulate) memory.fill(c, 0, <usize>(m * n) << 3);
  let r = 0;
  // Four rows at a time: each entry of C is loaded once and takes their four products in row
  // order, the same sums as one row at a time, with a quarter of the traffic through C.
  for (; r + 4 <= rows; r += 4) {
    const a0 = at(a, r * lda), a1 = at(a0, lda), a2 = at(a1, lda), a3 = at(a2, lda);
    const b0 = at(b, r * ldb), b1 = at(b0, ldb), b2 = at(b1, ldb), b3 = at(b2, ldb);
    for (let i = 0; i < m; i++) {
      const j = upper ? i : 0;
      axpy4(load<f64>(at(a0, i)), at(b0, j), load<f64>(at(a1, i)), at(b1, j), load<f64>(at(a2, i)), at(b2, j), load<f64>(at(a3, i)), at(b3, j), at(c, i * n + j), n - j);
    }
  }
  for (; r < rows; r++) {
    const ar = at(a, r * lda), br = at(b, r * ldb);
    for (let i = 0; i < m; i++) {
      const j = upper ? i : 0;
      axpy(load<f64>(at(ar, i)), at(br, j), at(c, i * n + j), n - j);
    }
  }
  if (upper) {
    for (let i = 1; i < m; i++) {
      for (let j = 0; j < i; j++) store<f64>(at(c, i * n + j), load<f64>(at(c, j * n + i)));
    }
  }
}

/** out = A A^T (rows x rows, both triangles) for A rows x d with rows lda apart; entry (i, j) is dotInOrder of rows i and j. */
export function rowGram(a: usize, rows: i32, d: i32, lda: i32, out: usize): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j <= i; j++) {
      const v = dotInOrder(at(a, i * lda), at(a, j * lda), d);
      store<f64>(at(out, i * rows + j), v);
      store<f64>(at(out, j * rows + i), v);
    }
  }
}
