// The Gram matrix of a block of points stored by columns: X^T X (upper triangle) and X^T y
// added to running sums, each entry a dot product of two contiguous columns. The layout in
// which filteredMixtureGram (filtered-mixture-points.ts) gathers a cache-sized block of points.
import { at } from "./address";

/** x . y over `rows` entries of two columns (rows even). */
function columnDot(x: usize, y: usize, rows: i32): f64 {
  if (ASC_FEATURE_SIMD) {
    let a = f64x2.splat(0), c = f64x2.splat(0);
    let r = 0;
    for (; r + 4 <= rows; r += 4) {
      const px = at(x, r), py = at(y, r);
      a = f64x2.add(a, f64x2.mul(v128.load(px), v128.load(py)));
      c = f64x2.add(c, f64x2.mul(v128.load(px, 16), v128.load(py, 16)));
    }
    if (r < rows) a = f64x2.add(a, f64x2.mul(v128.load(at(x, r)), v128.load(at(y, r))));
    a = f64x2.add(a, c);
    return f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  }
  let s0: f64 = 0, s1: f64 = 0;
  for (let r = 0; r < rows; r += 2) {
    s0 += load<f64>(at(x, r)) * load<f64>(at(y, r));
    s1 += load<f64>(at(x, r), 8) * load<f64>(at(y, r), 8);
  }
  return s0 + s1;
}

/**
 * G (upper triangle) += X^T X and b += X^T y for a block stored by columns: column k of X at
 * cols + k * stride (k < d), y at cols + d * stride, `rows` entries each (even). Every G entry
 * is a dot product of two contiguous columns; tiles of 4 x 2 entries keep eight partial sums
 * in registers, so each loaded pair of column entries feeds four or two products and G is
 * touched once per block, not once per row. Tiles on the diagonal also add to a few entries
 * below it, which gramSymmetrize overwrites.
 */
export function gramAccumulateColumns(cols: usize, stride: usize, rows: i32, d: i32, g: usize, b: usize): void {
  const rowBytes = <usize>d << 3;
  let i = 0;
  for (; i + 4 <= d; i += 4) {
    const c0 = cols + <usize>i * stride, c1 = c0 + stride, c2 = c1 + stride, c3 = c2 + stride;
    const g0 = g + <usize>i * rowBytes, g1 = g0 + rowBytes, g2 = g1 + rowBytes, g3 = g2 + rowBytes;
    let j = i;
    for (; j + 2 <= d; j += 2) {
      const e0 = cols + <usize>j * stride, e1 = e0 + stride;
      if (ASC_FEATURE_SIMD) {
        let a00 = f64x2.splat(0), a01 = f64x2.splat(0), a10 = f64x2.splat(0), a11 = f64x2.splat(0);
        let a20 = f64x2.splat(0), a21 = f64x2.splat(0), a30 = f64x2.splat(0), a31 = f64x2.splat(0);
        for (let r = 0; r < rows; r += 2) {
          const off = <usize>r << 3;
          const y0 = v128.load(e0 + off), y1 = v128.load(e1 + off);
          const x0 = v128.load(c0 + off), x1 = v128.load(c1 + off), x2 = v128.load(c2 + off), x3 = v128.load(c3 + off);
          a00 = f64x2.add(a00, f64x2.mul(x0, y0));
          a01 = f64x2.add(a01, f64x2.mul(x0, y1));
          a10 = f64x2.add(a10, f64x2.mul(x1, y0));
          a11 = f64x2.add(a11, f64x2.mul(x1, y1));
          a20 = f64x2.add(a20, f64x2.mul(x2, y0));
          a21 = f64x2.add(a21, f64x2.mul(x2, y1));
          a30 = f64x2.add(a30, f64x2.mul(x3, y0));
          a31 = f64x2.add(a31, f64x2.mul(x3, y1));
        }
        // Pairwise lane sums: [a_i0 lane 0 + lane 1, a_i1 lane 0 + lane 1] is G[i][j..j+1]'s increment.
        const p0 = at(g0, j), p1 = at(g1, j), p2 = at(g2, j), p3 = at(g3, j);
        v128.store(p0, f64x2.add(v128.load(p0), f64x2.add(f64x2.shuffle(a00, a01, 0, 2), f64x2.shuffle(a00, a01, 1, 3))));
        v128.store(p1, f64x2.add(v128.load(p1), f64x2.add(f64x2.shuffle(a10, a11, 0, 2), f64x2.shuffle(a10, a11, 1, 3))));
        v128.store(p2, f64x2.add(v128.load(p2), f64x2.add(f64x2.shuffle(a20, a21, 0, 2), f64x2.shuffle(a20, a21, 1, 3))));
        v128.store(p3, f64x2.add(v128.load(p3), f64x2.add(f64x2.shuffle(a30, a31, 0, 2), f64x2.shuffle(a30, a31, 1, 3))));
      } else {
        let a00: f64 = 0, a01: f64 = 0, a10: f64 = 0, a11: f64 = 0;
        let a20: f64 = 0, a21: f64 = 0, a30: f64 = 0, a31: f64 = 0;
        for (let r = 0; r < rows; r++) {
          const off = <usize>r << 3;
          const y0 = load<f64>(e0 + off), y1 = load<f64>(e1 + off);
          const x0 = load<f64>(c0 + off), x1 = load<f64>(c1 + off), x2 = load<f64>(c2 + off), x3 = load<f64>(c3 + off);
          a00 += x0 * y0;
          a01 += x0 * y1;
          a10 += x1 * y0;
          a11 += x1 * y1;
          a20 += x2 * y0;
          a21 += x2 * y1;
          a30 += x3 * y0;
          a31 += x3 * y1;
        }
        store<f64>(at(g0, j), load<f64>(at(g0, j)) + a00);
        store<f64>(at(g0, j), load<f64>(at(g0, j), 8) + a01, 8);
        store<f64>(at(g1, j), load<f64>(at(g1, j)) + a10);
        store<f64>(at(g1, j), load<f64>(at(g1, j), 8) + a11, 8);
        store<f64>(at(g2, j), load<f64>(at(g2, j)) + a20);
        store<f64>(at(g2, j), load<f64>(at(g2, j), 8) + a21, 8);
        store<f64>(at(g3, j), load<f64>(at(g3, j)) + a30);
        store<f64>(at(g3, j), load<f64>(at(g3, j), 8) + a31, 8);
      }
    }
    if (j < d) {
      const e0 = cols + <usize>j * stride;
      store<f64>(at(g0, j), load<f64>(at(g0, j)) + columnDot(c0, e0, rows));
      store<f64>(at(g1, j), load<f64>(at(g1, j)) + columnDot(c1, e0, rows));
      store<f64>(at(g2, j), load<f64>(at(g2, j)) + columnDot(c2, e0, rows));
      store<f64>(at(g3, j), load<f64>(at(g3, j)) + columnDot(c3, e0, rows));
    }
  }
  for (; i < d; i++) {
    const ci = cols + <usize>i * stride, gi = g + <usize>i * rowBytes;
    for (let j = i; j < d; j++) store<f64>(at(gi, j), load<f64>(at(gi, j)) + columnDot(ci, cols + <usize>j * stride, rows));
  }
  const labels = cols + <usize>d * stride;
  for (let j = 0; j < d; j++) store<f64>(at(b, j), load<f64>(at(b, j)) + columnDot(labels, cols + <usize>j * stride, rows));
}
