// Dense linear algebra on f64, row-major. The SIMD build works on f64x2 lanes; the scalar
// build (and the TypeScript reference) accumulate in the same lane order where that is
// cheap, but sums may differ in the last bits between builds: callers compare with a tolerance.
import { at } from "./address";

/** x . y over n entries. */
export function dot(x: usize, y: usize, n: i32): f64 {
  let i = 0;
  let sum: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
    for (; i + 8 <= n; i += 8) {
      const px = at(x, i), py = at(y, i);
      a0 = f64x2.add(a0, f64x2.mul(v128.load(px), v128.load(py)));
      a1 = f64x2.add(a1, f64x2.mul(v128.load(px, 16), v128.load(py, 16)));
      a2 = f64x2.add(a2, f64x2.mul(v128.load(px, 32), v128.load(py, 32)));
      a3 = f64x2.add(a3, f64x2.mul(v128.load(px, 48), v128.load(py, 48)));
    }
    const a = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
    sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  } else {
    // Four partial sums over i mod 4, in the reference's order. Eight entries per iteration:
    // fewer instructions per cache line keep more lines in flight when x and y stream from DRAM.
    let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
    for (; i + 8 <= n; i += 8) {
      const px = at(x, i), py = at(y, i);
      s0 += load<f64>(px) * load<f64>(py);
      s1 += load<f64>(px, 8) * load<f64>(py, 8);
      s2 += load<f64>(px, 16) * load<f64>(py, 16);
      s3 += load<f64>(px, 24) * load<f64>(py, 24);
      s0 += load<f64>(px, 32) * load<f64>(py, 32);
      s1 += load<f64>(px, 40) * load<f64>(py, 40);
      s2 += load<f64>(px, 48) * load<f64>(py, 48);
      s3 += load<f64>(px, 56) * load<f64>(py, 56);
    }
    if (i + 4 <= n) {
      s0 += load<f64>(at(x, i)) * load<f64>(at(y, i));
      s1 += load<f64>(at(x, i), 8) * load<f64>(at(y, i), 8);
      s2 += load<f64>(at(x, i), 16) * load<f64>(at(y, i), 16);
      s3 += load<f64>(at(x, i), 24) * load<f64>(at(y, i), 24);
      i += 4;
    }
    sum = (s0 + s1) + (s2 + s3);
  }
  for (; i < n; i++) sum += load<f64>(at(x, i)) * load<f64>(at(y, i));
  return sum;
}

/** y += a * x over n entries. */
export function axpy(a: f64, x: usize, y: usize, n: i32): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a);
    // A cache line of each vector per iteration.
    for (; i + 8 <= n; i += 8) {
      const px = at(x, i), py = at(y, i);
      v128.store(py, f64x2.add(v128.load(py), f64x2.mul(va, v128.load(px))));
      v128.store(py, f64x2.add(v128.load(py, 16), f64x2.mul(va, v128.load(px, 16))), 16);
      v128.store(py, f64x2.add(v128.load(py, 32), f64x2.mul(va, v128.load(px, 32))), 32);
      v128.store(py, f64x2.add(v128.load(py, 48), f64x2.mul(va, v128.load(px, 48))), 48);
    }
  } else {
    // Eight entries per iteration: V8's per-iteration overhead (a stack check, the bound test)
    // would otherwise cost as much as the arithmetic, and fewer instructions per cache line
    // keep more lines in flight from DRAM.
    for (; i + 8 <= n; i += 8) {
      const px = at(x, i), py = at(y, i);
      store<f64>(py, load<f64>(py) + a * load<f64>(px));
      store<f64>(py, load<f64>(py, 8) + a * load<f64>(px, 8), 8);
      store<f64>(py, load<f64>(py, 16) + a * load<f64>(px, 16), 16);
      store<f64>(py, load<f64>(py, 24) + a * load<f64>(px, 24), 24);
      store<f64>(py, load<f64>(py, 32) + a * load<f64>(px, 32), 32);
      store<f64>(py, load<f64>(py, 40) + a * load<f64>(px, 40), 40);
      store<f64>(py, load<f64>(py, 48) + a * load<f64>(px, 48), 48);
      store<f64>(py, load<f64>(py, 56) + a * load<f64>(px, 56), 56);
    }
  }
  for (; i < n; i++) store<f64>(at(y, i), load<f64>(at(y, i)) + a * load<f64>(at(x, i)));
}

/**
 * y += a0 x0 + a1 x1 + a2 x2 + a3 x3 over n entries, each entry adding its four products in that
 * order: four rank-one updates in one pass, each entry of y loaded and stored once.
 */
// @ts-ignore: decorator
@inline export function axpy4(a0: f64, x0: usize, a1: f64, x1: usize, a2: f64, x2: usize, a3: f64, x3: usize, y: usize, n: i32): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const v0 = f64x2.splat(a0), v1 = f64x2.splat(a1), v2 = f64x2.splat(a2), v3 = f64x2.splat(a3);
    for (; i + 2 <= n; i += 2) {
      let v = v128.load(at(y, i));
      v = f64x2.add(v, f64x2.mul(v0, v128.load(at(x0, i))));
      v = f64x2.add(v, f64x2.mul(v1, v128.load(at(x1, i))));
      v = f64x2.add(v, f64x2.mul(v2, v128.load(at(x2, i))));
      v = f64x2.add(v, f64x2.mul(v3, v128.load(at(x3, i))));
      v128.store(at(y, i), v);
    }
  }
  for (; i < n; i++) {
    store<f64>(at(y, i), load<f64>(at(y, i)) + a0 * load<f64>(at(x0, i)) + a1 * load<f64>(at(x1, i)) + a2 * load<f64>(at(x2, i)) + a3 * load<f64>(at(x3, i)));
  }
}

/** out = x / divisor over n entries (the division itself: a frequency from its count, exactly as x[i] / divisor). */
export function quotient(x: usize, n: i32, divisor: f64, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vd = f64x2.splat(divisor);
    for (; i + 2 <= n; i += 2) v128.store(at(out, i), f64x2.div(v128.load(at(x, i)), vd));
  }
  for (; i < n; i++) store<f64>(at(out, i), load<f64>(at(x, i)) / divisor);
}

/** x *= a over n entries. */
export function scale(a: f64, x: usize, n: i32): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a);
    for (; i + 4 <= n; i += 4) {
      const px = at(x, i);
      v128.store(px, f64x2.mul(va, v128.load(px)));
      v128.store(px, f64x2.mul(va, v128.load(px, 16)), 16);
    }
  } else {
    for (; i + 4 <= n; i += 4) {
      const px = at(x, i);
      store<f64>(px, a * load<f64>(px));
      store<f64>(px, a * load<f64>(px, 8), 8);
      store<f64>(px, a * load<f64>(px, 16), 16);
      store<f64>(px, a * load<f64>(px, 24), 24);
    }
  }
  for (; i < n; i++) store<f64>(at(x, i), a * load<f64>(at(x, i)));
}

/** y = A x for A of rows x cols. */
export function gemv(a: usize, x: usize, y: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) store<f64>(at(y, r), dot(a + (<usize>r * <usize>cols << 3), x, cols));
}

/**
 * Upper triangle of G += sum_r w_r x_r x_r^T over `rows` rows x_r of X (rows x d), w_r =
 * weights[r], or 1 when weights is 0 (so G += X^T X exactly). Register blocking, 4 rows of X
 * by 2 rows of G: each G entry is loaded and stored once per four rank-1 updates, and each
 * load of X serves two rows of G. Every entry adds its four products in row order, as the
 * reference does one row at a time. With weights, the rows' entries that are broadcast come
 * from scaled copies w_r x_r of the four rows in `scaled` (4 d entries).
 */
// @ts-ignore: decorator
@inline function accumulateGram(x: usize, weights: usize, scaled: usize, rows: i32, d: i32, g: usize): void {
  const rowBytes = <usize>d << 3;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const x0 = x + <usize>r * rowBytes, x1 = x0 + rowBytes, x2 = x1 + rowBytes, x3 = x2 + rowBytes;
    if (weights != 0) {
      for (let k = 0; k < 4; k++) {
        const wk = load<f64>(at(weights, r + k)), from = x0 + <usize>k * rowBytes, to = scaled + <usize>k * rowBytes;
        for (let j = 0; j < d; j++) store<f64>(at(to, j), wk * load<f64>(at(from, j)));
      }
    }
    const s0 = weights != 0 ? scaled : x0, s1 = s0 + rowBytes, s2 = s1 + rowBytes, s3 = s2 + rowBytes;
    let i = 0;
    // Rows i and i + 1 of G from column i on (G[i + 1][i] is below the diagonal: stale).
    for (; i + 2 <= d; i += 2) {
      const gi = g + <usize>i * rowBytes, gk = gi + rowBytes;
      let j = i;
      if (ASC_FEATURE_SIMD) {
        const c0 = v128.load64_splat(at(s0, i)), c1 = v128.load64_splat(at(s1, i));
        const c2 = v128.load64_splat(at(s2, i)), c3 = v128.load64_splat(at(s3, i));
        const e0 = v128.load64_splat(at(s0, i), 8), e1 = v128.load64_splat(at(s1, i), 8);
        const e2 = v128.load64_splat(at(s2, i), 8), e3 = v128.load64_splat(at(s3, i), 8);
        for (; j + 2 <= d; j += 2) {
          const pg = at(gi, j), pk = at(gk, j);
          let acc = v128.load(pg), acck = v128.load(pk);
          let v = v128.load(at(x0, j));
          acc = f64x2.add(acc, f64x2.mul(c0, v));
          acck = f64x2.add(acck, f64x2.mul(e0, v));
          v = v128.load(at(x1, j));
          acc = f64x2.add(acc, f64x2.mul(c1, v));
          acck = f64x2.add(acck, f64x2.mul(e1, v));
          v = v128.load(at(x2, j));
          acc = f64x2.add(acc, f64x2.mul(c2, v));
          acck = f64x2.add(acck, f64x2.mul(e2, v));
          v = v128.load(at(x3, j));
          acc = f64x2.add(acc, f64x2.mul(c3, v));
          acck = f64x2.add(acck, f64x2.mul(e3, v));
          v128.store(pg, acc);
          v128.store(pk, acck);
        }
      }
      if (j < d) {
        // The scalar build's loop; in the SIMD build, the last column when d - i is odd.
        const c0 = load<f64>(at(s0, i)), c1 = load<f64>(at(s1, i)), c2 = load<f64>(at(s2, i)), c3 = load<f64>(at(s3, i));
        const e0 = load<f64>(at(s0, i), 8), e1 = load<f64>(at(s1, i), 8), e2 = load<f64>(at(s2, i), 8), e3 = load<f64>(at(s3, i), 8);
        for (; j < d; j++) {
          const v0 = load<f64>(at(x0, j)), v1 = load<f64>(at(x1, j)), v2 = load<f64>(at(x2, j)), v3 = load<f64>(at(x3, j));
          const pg = at(gi, j), pk = at(gk, j);
          store<f64>(pg, load<f64>(pg) + c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3);
          store<f64>(pk, load<f64>(pk) + e0 * v0 + e1 * v1 + e2 * v2 + e3 * v3);
        }
      }
    }
    if (i < d) {
      // The last row of G when d is odd: its one upper entry, the diagonal.
      const pg = at(g + <usize>i * rowBytes, i);
      const v0 = load<f64>(at(x0, i)), v1 = load<f64>(at(x1, i)), v2 = load<f64>(at(x2, i)), v3 = load<f64>(at(x3, i));
      store<f64>(pg, load<f64>(pg) + load<f64>(at(s0, i)) * v0 + load<f64>(at(s1, i)) * v1 + load<f64>(at(s2, i)) * v2 + load<f64>(at(s3, i)) * v3);
    }
  }
  for (; r < rows; r++) {
    const x0 = x + <usize>r * rowBytes;
    const w0 = weights == 0 ? 1.0 : load<f64>(at(weights, r));
    for (let i = 0; i < d; i++) {
      const c0 = w0 * load<f64>(at(x0, i));
      const gi = g + <usize>i * rowBytes;
      for (let j = i; j < d; j++) store<f64>(at(gi, j), load<f64>(at(gi, j)) + c0 * load<f64>(at(x0, j)));
    }
  }
}

/**
 * Upper triangle of G += X^T X and b += X^T y over `rows` rows of X (rows x d). G's lower
 * triangle is left stale; gramSymmetrize copies the upper one down once accumulation ends.
 * b adds four rows' products at a time, in row order.
 */
export function gramAccumulate(x: usize, y: usize, rows: i32, d: i32, g: usize, b: usize): void {
  accumulateGram(x, 0, 0, rows, d, g);
  const rowBytes = <usize>d << 3;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const x0 = x + <usize>r * rowBytes, x1 = x0 + rowBytes, x2 = x1 + rowBytes, x3 = x2 + rowBytes;
    const y0 = load<f64>(at(y, r)), y1 = load<f64>(at(y, r + 1)), y2 = load<f64>(at(y, r + 2)), y3 = load<f64>(at(y, r + 3));
    for (let j = 0; j < d; j++) {
      const pb = at(b, j);
      store<f64>(pb, load<f64>(pb) + y0 * load<f64>(at(x0, j)) + y1 * load<f64>(at(x1, j))
        + y2 * load<f64>(at(x2, j)) + y3 * load<f64>(at(x3, j)));
    }
  }
  for (; r < rows; r++) axpy(load<f64>(at(y, r)), x + <usize>r * rowBytes, b, d);
}

/**
 * Upper triangle of G += X^T diag(weights) X over `rows` rows of X (rows x d), as gramAccumulate;
 * scaled: scratch of 4 d f64.
 */
export function weightedGramAccumulate(x: usize, weights: usize, rows: i32, d: i32, g: usize, scaled: usize): void {
  accumulateGram(x, weights, scaled, rows, d, g);
}

/** Copies G's upper triangle into its lower triangle. */
export function gramSymmetrize(g: usize, d: i32): void {
  for (let i = 1; i < d; i++) {
    for (let j = 0; j < i; j++) store<f64>(at(g, i * d + j), load<f64>(at(g, j * d + i)));
  }
}

/**
 * In-place Cholesky factorisation of A + ridge I (d x d, symmetric): the lower triangle
 * becomes L with L L^T = A + ridge I. Returns 0, or 1 + the index of the first pivot that is
 * not positive (the matrix is not positive definite).
 *
 * Left-looking, two columns at a time: L[i][j] and L[i][j + 1] need the dot products of row
 * i with rows j and j + 1 over the first j columns, computed for four rows i at once (a 4 x 2
 * register block: each load of rows j and j + 1 serves four rows, each load of row i two
 * columns), which cuts the loads per flop threefold against one dot product per entry.
 */
export function cholesky(a: usize, d: i32, ridge: f64): i32 {
  const rowBytes = <usize>d << 3;
  let j = 0;
  for (; j + 2 <= d; j += 2) {
    const rj = a + <usize>j * rowBytes, rk = rj + rowBytes;
    const pivot = load<f64>(at(rj, j)) + ridge - dot(rj, rj, j);
    if (!(pivot > 0)) return j + 1;
    const ljj = Math.sqrt(pivot);
    store<f64>(at(rj, j), ljj);
    const inv = 1.0 / ljj;
    const lkj = (load<f64>(at(rk, j)) - dot(rk, rj, j)) * inv;
    store<f64>(at(rk, j), lkj);
    const pivotK = load<f64>(at(rk, j + 1)) + ridge - dot(rk, rk, j + 1);
    if (!(pivotK > 0)) {
      // Leave column j complete below the diagonal, as a column-at-a-time factorisation would.
      for (let i = j + 2; i < d; i++) {
        const ri = a + <usize>i * rowBytes;
        store<f64>(at(ri, j), (load<f64>(at(ri, j)) - dot(ri, rj, j)) * inv);
      }
      return j + 2;
    }
    const lkk = Math.sqrt(pivotK);
    store<f64>(at(rk, j + 1), lkk);
    const invK = 1.0 / lkk;
    let i = j + 2;
    for (; i + 4 <= d; i += 4) choleskyBlock(a + <usize>i * rowBytes, rowBytes, rj, rk, j, inv, lkj, invK);
    for (; i < d; i++) {
      const ri = a + <usize>i * rowBytes;
      const lij = (load<f64>(at(ri, j)) - dot(ri, rj, j)) * inv;
      store<f64>(at(ri, j), lij);
      store<f64>(at(ri, j + 1), (load<f64>(at(ri, j + 1)) - dot(ri, rk, j) - lij * lkj) * invK);
    }
  }
  if (j < d) {
    // The last column when d is odd: only its pivot.
    const rj = a + <usize>j * rowBytes;
    const pivot = load<f64>(at(rj, j)) + ridge - dot(rj, rj, j);
    if (!(pivot > 0)) return j + 1;
    store<f64>(at(rj, j), Math.sqrt(pivot));
  }
  return 0;
}

/**
 * L[i][j] and L[i][j + 1] for the four rows i starting at r0, given rows j and j + 1 (rj, rk)
 * of L, 1 / L[j][j], L[j + 1][j] and 1 / L[j + 1][j + 1]; j is even.
 */
// @ts-ignore: decorator
@inline function choleskyBlock(r0: usize, rowBytes: usize, rj: usize, rk: usize, j: i32, inv: f64, lkj: f64, invK: f64): void {
  const r1 = r0 + rowBytes, r2 = r1 + rowBytes, r3 = r2 + rowBytes;
  let s0: f64, s1: f64, s2: f64, s3: f64, t0: f64, t1: f64, t2: f64, t3: f64;
  if (ASC_FEATURE_SIMD) {
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
    let b0 = f64x2.splat(0), b1 = f64x2.splat(0), b2 = f64x2.splat(0), b3 = f64x2.splat(0);
    for (let k = 0; k < j; k += 2) {
      const vj = v128.load(at(rj, k)), vk = v128.load(at(rk, k));
      let v = v128.load(at(r0, k));
      a0 = f64x2.add(a0, f64x2.mul(v, vj));
      b0 = f64x2.add(b0, f64x2.mul(v, vk));
      v = v128.load(at(r1, k));
      a1 = f64x2.add(a1, f64x2.mul(v, vj));
      b1 = f64x2.add(b1, f64x2.mul(v, vk));
      v = v128.load(at(r2, k));
      a2 = f64x2.add(a2, f64x2.mul(v, vj));
      b2 = f64x2.add(b2, f64x2.mul(v, vk));
      v = v128.load(at(r3, k));
      a3 = f64x2.add(a3, f64x2.mul(v, vj));
      b3 = f64x2.add(b3, f64x2.mul(v, vk));
    }
    s0 = f64x2.extract_lane(a0, 0) + f64x2.extract_lane(a0, 1);
    s1 = f64x2.extract_lane(a1, 0) + f64x2.extract_lane(a1, 1);
    s2 = f64x2.extract_lane(a2, 0) + f64x2.extract_lane(a2, 1);
    s3 = f64x2.extract_lane(a3, 0) + f64x2.extract_lane(a3, 1);
    t0 = f64x2.extract_lane(b0, 0) + f64x2.extract_lane(b0, 1);
    t1 = f64x2.extract_lane(b1, 0) + f64x2.extract_lane(b1, 1);
    t2 = f64x2.extract_lane(b2, 0) + f64x2.extract_lane(b2, 1);
    t3 = f64x2.extract_lane(b3, 0) + f64x2.extract_lane(b3, 1);
  } else {
    s0 = 0; s1 = 0; s2 = 0; s3 = 0; t0 = 0; t1 = 0; t2 = 0; t3 = 0;
    for (let k = 0; k < j; k++) {
      const vj = load<f64>(at(rj, k)), vk = load<f64>(at(rk, k));
      let v = load<f64>(at(r0, k));
      s0 += v * vj;
      t0 += v * vk;
      v = load<f64>(at(r1, k));
      s1 += v * vj;
      t1 += v * vk;
      v = load<f64>(at(r2, k));
      s2 += v * vj;
      t2 += v * vk;
      v = load<f64>(at(r3, k));
      s3 += v * vj;
      t3 += v * vk;
    }
  }
  choleskyPair(r0, j, s0, t0, inv, lkj, invK);
  choleskyPair(r1, j, s1, t1, inv, lkj, invK);
  choleskyPair(r2, j, s2, t2, inv, lkj, invK);
  choleskyPair(r3, j, s3, t3, inv, lkj, invK);
}

/** Row ri's L[i][j] and L[i][j + 1] from its dot products s (with row j) and t (with row j + 1). */
// @ts-ignore: decorator
@inline function choleskyPair(ri: usize, j: i32, s: f64, t: f64, inv: f64, lkj: f64, invK: f64): void {
  const lij = (load<f64>(at(ri, j)) - s) * inv;
  store<f64>(at(ri, j), lij);
  store<f64>(at(ri, j + 1), (load<f64>(at(ri, j + 1)) - t - lij * lkj) * invK);
}

/**
 * Solves L L^T x = b in place (b becomes x), L the lower triangle left by cholesky. Both
 * substitutions read L by rows: the backward one (with L^T) as axpy updates, so that a large
 * L streams through the cache instead of being walked down its columns.
 */
export function choleskySolve(l: usize, d: i32, b: usize): void {
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < d; i++) {
    const ri = l + <usize>i * rowBytes;
    store<f64>(at(b, i), (load<f64>(at(b, i)) - dot(ri, b, i)) / load<f64>(at(ri, i)));
  }
  for (let i = d - 1; i >= 0; i--) {
    const ri = l + <usize>i * rowBytes;
    const xi = load<f64>(at(b, i)) / load<f64>(at(ri, i));
    store<f64>(at(b, i), xi);
    // b[k] -= L[i][k] x[i] for k < i: row i's share of every earlier unknown.
    axpy(-xi, ri, b, i);
  }
}
