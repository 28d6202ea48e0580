// The filtered mixture's Gram matrix: draw points of a two-class Gaussian mixture, label them,
// keep some, and add the kept points' X^T X and X^T y to running sums, one cache-sized block
// at a time. Memory is O(B d + d^2) whatever the number of points.
// src/engine/reference/filtered-mixture-gram.ts is the same computation in TypeScript and
// consumes the random stream in the same order.
import { nextUniform } from "./rng";
import { fillNormal } from "./samplers";
import { at } from "./address";
import { dotInOrder } from "./ordered-dot";
import { labelSign, acceptanceNeedsDraw, accepted, passesCheck } from "./filtered-mixture-rule";
import { LABEL_FLIP, CHECK_NONE, CHECK_DIRECTION } from "../src/engine/constants/filtered-mixture";

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
function accumulateColumns(cols: usize, stride: usize, rows: i32, d: i32, g: usize, b: usize): void {
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

/** f64 entries of scratch that filteredMixtureGram needs for blocks of blockRows points. */
export function filteredMixtureGramWorkLength(d: i32, blockRows: i32): i32 {
  return blockRows * (d + 1) + d;
}

/**
 * Draws points of a two-class Gaussian mixture, labels and filters them, and accumulates the
 * kept ones: G (d x d, row-major, upper triangle) += sum x x^T and b += sum label * x, without
 * normalising. counts[0] is set to the number of the first nFiltered points kept, counts[1]
 * to those kept whose label equals their class sign.
 *
 * Each of the first nFiltered points consumes the stream in this order:
 *   1. one uniform u: class sign s = +1 if u < 1/2, else -1;
 *   2. when labelRule == LABEL_FLIP, one uniform: the label is -s if it is < flipProb, else s;
 *   3. when keepIfAgree or keepIfDisagree lies strictly in (0, 1), one acceptance uniform;
 *   4. d standard normals z, then x = z + s * shift * e_0. Step 4 is skipped when the point is
 *      already rejected and nothing depends on x (labelRule == LABEL_FLIP and checkRule == CHECK_NONE).
 * With labelRule == LABEL_DIRECTION the label is sign(labelDir . x) (sign(0) = +1). The point
 * is kept when the acceptance draw passes (probability keepIfAgree if label == s, else
 * keepIfDisagree) and the check passes (filtered-mixture-rule.ts: CHECK_NONE, CHECK_DIRECTION
 * with checkDir and margin, CHECK_LABEL_MARGIN with margin). Then nClean points: steps 1 and
 * 4, label s, always kept.
 *
 * labelDir, checkDir: d f64 each, read only when the rules use them. work:
 * filteredMixtureGramWorkLength(d, blockRows) f64,
 * laid out as d + 1 columns of blockRows entries (x's coordinates, then the labels) and one
 * row of d for the point being drawn. blockRows: a positive even number; a block of
 * blockRows * (d + 1) f64 that fits in cache is fastest. counts: 2 f64.
 */
export function filteredMixtureGram(
  state: usize, d: i32, nFiltered: i32, nClean: i32, shift: f64,
  labelRule: i32, flipProb: f64, labelDir: usize, keepIfAgree: f64, keepIfDisagree: f64,
  checkRule: i32, checkDir: usize, margin: f64,
  work: usize, blockRows: i32, g: usize, b: usize, counts: usize,
): void {
  const stride = <usize>blockRows << 3;
  const labels = work + <usize>d * stride;
  const point = work + <usize>(d + 1) * stride;
  const drawAcceptance = acceptanceNeedsDraw(keepIfAgree, keepIfDisagree);
  const byDirection = labelRule != LABEL_FLIP;
  const labelOnly = !byDirection && checkRule == CHECK_NONE;
  let filled = 0;
  let kept = 0, keptAgree = 0;
  const total = nFiltered + nClean;
  for (let i = 0; i < total; i++) {
    const s: f64 = nextUniform(state) < 0.5 ? 1.0 : -1.0;
    let label = s;
    if (i < nFiltered) {
      if (!byDirection && nextUniform(state) < flipProb) label = -s;
      const u = drawAcceptance ? nextUniform(state) : 0.0;
      if (labelOnly && !accepted(label == s, u, keepIfAgree, keepIfDisagree)) continue;
      fillNormal(state, point, d);
      store<f64>(point, load<f64>(point) + s * shift);
      if (!labelOnly) {
        const labelScore = byDirection ? dotInOrder(labelDir, point, d) : 0.0;
        if (byDirection) label = labelSign(labelScore);
        const checkScore = checkRule == CHECK_DIRECTION ? dotInOrder(checkDir, point, d) : 0.0;
        if (!accepted(label == s, u, keepIfAgree, keepIfDisagree)) continue;
        if (!passesCheck(checkRule, label, labelScore, checkScore, margin)) continue;
      }
      kept++;
      if (label == s) keptAgree++;
    } else {
      fillNormal(state, point, d);
      store<f64>(point, load<f64>(point) + s * shift);
    }
    const slot = <usize>filled << 3;
    for (let k = 0; k < d; k++) store<f64>(work + <usize>k * stride + slot, load<f64>(at(point, k)));
    store<f64>(labels + slot, label);
    if (++filled == blockRows) {
      accumulateColumns(work, stride, blockRows, d, g, b);
      filled = 0;
    }
  }
  if (filled > 0) {
    // An odd last row is paired with a zero row, which adds nothing.
    if (filled & 1) {
      const slot = <usize>filled << 3;
      for (let k = 0; k <= d; k++) store<f64>(work + <usize>k * stride + slot, 0.0);
      filled++;
    }
    accumulateColumns(work, stride, filled, d, g, b);
  }
  store<f64>(counts, <f64>kept);
  store<f64>(counts, <f64>keptAgree, 8);
}
