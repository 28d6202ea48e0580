// Dense linear algebra on f64, row-major. The SIMD build works on f64x2 lanes; the scalar
// build (and the TypeScript reference) accumulate in the same lane order where that is
// cheap, but sums may differ in the last bits between builds: callers compare with a tolerance.

// @ts-ignore: decorator
@inline function at(ptr: usize, i: i32): usize {
  return ptr + (<usize>i << 3);
}

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
    let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += load<f64>(at(x, i)) * load<f64>(at(y, i));
      s1 += load<f64>(at(x, i), 8) * load<f64>(at(y, i), 8);
      s2 += load<f64>(at(x, i), 16) * load<f64>(at(y, i), 16);
      s3 += load<f64>(at(x, i), 24) * load<f64>(at(y, i), 24);
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
    for (; i + 4 <= n; i += 4) {
      const px = at(x, i), py = at(y, i);
      v128.store(py, f64x2.add(v128.load(py), f64x2.mul(va, v128.load(px))));
      v128.store(py, f64x2.add(v128.load(py, 16), f64x2.mul(va, v128.load(px, 16))), 16);
    }
  }
  for (; i < n; i++) store<f64>(at(y, i), load<f64>(at(y, i)) + a * load<f64>(at(x, i)));
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
  }
  for (; i < n; i++) store<f64>(at(x, i), a * load<f64>(at(x, i)));
}

/** y = A x for A of rows x cols. */
export function gemv(a: usize, x: usize, y: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) store<f64>(at(y, r), dot(a + (<usize>r * <usize>cols << 3), x, cols));
}

/**
 * Upper triangle of G += X^T X and b += X^T y over `rows` rows of X (rows x d). G's lower
 * triangle is left stale; gramSymmetrize copies the upper one down once accumulation ends.
 * Four rows at a time: each G entry is loaded and stored once per four rank-1 updates.
 */
export function gramAccumulate(x: usize, y: usize, rows: i32, d: i32, g: usize, b: usize): void {
  const rowBytes = <usize>d << 3;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const x0 = x + <usize>r * rowBytes, x1 = x0 + rowBytes, x2 = x1 + rowBytes, x3 = x2 + rowBytes;
    for (let i = 0; i < d; i++) {
      const c0 = load<f64>(at(x0, i)), c1 = load<f64>(at(x1, i)), c2 = load<f64>(at(x2, i)), c3 = load<f64>(at(x3, i));
      const gi = g + <usize>i * rowBytes;
      let j = i & ~1;
      if (ASC_FEATURE_SIMD) {
        const v0 = f64x2.splat(c0), v1 = f64x2.splat(c1), v2 = f64x2.splat(c2), v3 = f64x2.splat(c3);
        for (; j + 2 <= d; j += 2) {
          const pg = at(gi, j);
          let acc = v128.load(pg);
          acc = f64x2.add(acc, f64x2.mul(v0, v128.load(at(x0, j))));
          acc = f64x2.add(acc, f64x2.mul(v1, v128.load(at(x1, j))));
          acc = f64x2.add(acc, f64x2.mul(v2, v128.load(at(x2, j))));
          acc = f64x2.add(acc, f64x2.mul(v3, v128.load(at(x3, j))));
          v128.store(pg, acc);
        }
      }
      for (; j < d; j++) {
        const pg = at(gi, j);
        store<f64>(pg, load<f64>(pg) + c0 * load<f64>(at(x0, j)) + c1 * load<f64>(at(x1, j))
          + c2 * load<f64>(at(x2, j)) + c3 * load<f64>(at(x3, j)));
      }
    }
    const y0 = load<f64>(at(y, r)), y1 = load<f64>(at(y, r + 1)), y2 = load<f64>(at(y, r + 2)), y3 = load<f64>(at(y, r + 3));
    for (let j = 0; j < d; j++) {
      const pb = at(b, j);
      store<f64>(pb, load<f64>(pb) + y0 * load<f64>(at(x0, j)) + y1 * load<f64>(at(x1, j))
        + y2 * load<f64>(at(x2, j)) + y3 * load<f64>(at(x3, j)));
    }
  }
  for (; r < rows; r++) {
    const x0 = x + <usize>r * rowBytes;
    for (let i = 0; i < d; i++) {
      const c0 = load<f64>(at(x0, i));
      const gi = g + <usize>i * rowBytes;
      for (let j = i & ~1; j < d; j++) store<f64>(at(gi, j), load<f64>(at(gi, j)) + c0 * load<f64>(at(x0, j)));
    }
    axpy(load<f64>(at(y, r)), x0, b, d);
  }
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
 */
export function cholesky(a: usize, d: i32, ridge: f64): i32 {
  const rowBytes = <usize>d << 3;
  for (let j = 0; j < d; j++) {
    const rj = a + <usize>j * rowBytes;
    const pivot = load<f64>(at(rj, j)) + ridge - dot(rj, rj, j);
    if (!(pivot > 0)) return j + 1;
    const ljj = Math.sqrt(pivot);
    store<f64>(at(rj, j), ljj);
    const inv = 1.0 / ljj;
    for (let i = j + 1; i < d; i++) {
      const ri = a + <usize>i * rowBytes;
      store<f64>(at(ri, j), (load<f64>(at(ri, j)) - dot(ri, rj, j)) * inv);
    }
  }
  return 0;
}

/** Solves L L^T x = b in place (b becomes x), L the lower triangle left by cholesky. */
export function choleskySolve(l: usize, d: i32, b: usize): void {
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < d; i++) {
    const ri = l + <usize>i * rowBytes;
    store<f64>(at(b, i), (load<f64>(at(b, i)) - dot(ri, b, i)) / load<f64>(at(ri, i)));
  }
  for (let i = d - 1; i >= 0; i--) {
    let sum = load<f64>(at(b, i));
    for (let k = i + 1; k < d; k++) sum -= load<f64>(at(l, k * d + i)) * load<f64>(at(b, k));
    store<f64>(at(b, i), sum / load<f64>(at(l, i * d + i)));
  }
}
