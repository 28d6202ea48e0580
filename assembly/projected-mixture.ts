// The O(m k) pass of the exact-statistics method (issue 6). The points, labels and keep rule
// are those of filteredMixtureGram, but each point is drawn only through its k <= 3
// coordinates in an orthonormal frame whose first vector is the shift direction e_0 and
// which contains the labelling and check directions: labels and keep decisions see nothing
// else, and the point's other d - k coordinates are i.i.d. N(0, 1) whatever is kept, so the
// caller completes X^T X and X^T y exactly from the moments returned here. No per-point
// storage: memory is O(block) whatever the number of points, and counts are f64 (exact to
// 2^53). src/engine/reference/projected-mixture.ts is the same computation in TypeScript,
// with the same stream use and the same sums in the same order (bit-identical results).
import { fillUniform, fillNormal } from "./samplers";
import { CHECK_NONE, labelSign, acceptanceNeedsDraw, accepted, passesCheck } from "./label-keep";

/** Points per block: the stream is consumed one block at a time (see projectedMixtureMoments). */
// @ts-ignore: decorator
@inline const BLOCK: i32 = 256;
/** Moments kept per block and in total: the upper triangle of a 4 x 4 matrix, row by row. */
// @ts-ignore: decorator
@inline const MOMENTS: i32 = 10;

// @ts-ignore: decorator
@inline function at(ptr: usize, i: i32): usize {
  return ptr + (<usize>i << 3);
}

/**
 * out[0..9] = the upper triangle of sum_r row_r row_r^T over `count` rows of 4 entries
 * (p0, p1, p2, label). Each entry is a sequential sum over the rows, the SIMD lanes included,
 * so every build and the reference give the same bits.
 */
function blockMoments(rows: usize, count: i32, out: usize): void {
  if (ASC_FEATURE_SIMD) {
    // a0 = (00, 01), a1 = (02, 03), a2 = (-, 11), a3 = (12, 13), a4 = (22, 23), a5 = (-, 33).
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0);
    let a3 = f64x2.splat(0), a4 = f64x2.splat(0), a5 = f64x2.splat(0);
    for (let r = 0; r < count; r++) {
      const row = rows + (<usize>r << 5);
      const v01 = v128.load(row), v23 = v128.load(row, 16);
      const p0 = v128.load64_splat(row), p1 = v128.load64_splat(row, 8);
      const p2 = v128.load64_splat(row, 16), y = v128.load64_splat(row, 24);
      a0 = f64x2.add(a0, f64x2.mul(v01, p0));
      a1 = f64x2.add(a1, f64x2.mul(v23, p0));
      a2 = f64x2.add(a2, f64x2.mul(v01, p1));
      a3 = f64x2.add(a3, f64x2.mul(v23, p1));
      a4 = f64x2.add(a4, f64x2.mul(v23, p2));
      a5 = f64x2.add(a5, f64x2.mul(v23, y));
    }
    v128.store(out, a0);
    v128.store(out, a1, 16);
    store<f64>(out, f64x2.extract_lane(a2, 1), 32);
    v128.store(out, a3, 40);
    v128.store(out, a4, 56);
    store<f64>(out, f64x2.extract_lane(a5, 1), 72);
    return;
  }
  let s00: f64 = 0, s01: f64 = 0, s02: f64 = 0, s03: f64 = 0, s11: f64 = 0;
  let s12: f64 = 0, s13: f64 = 0, s22: f64 = 0, s23: f64 = 0, s33: f64 = 0;
  for (let r = 0; r < count; r++) {
    const row = rows + (<usize>r << 5);
    const p0 = load<f64>(row), p1 = load<f64>(row, 8), p2 = load<f64>(row, 16), y = load<f64>(row, 24);
    s00 += p0 * p0;
    s01 += p0 * p1;
    s02 += p0 * p2;
    s03 += p0 * y;
    s11 += p1 * p1;
    s12 += p1 * p2;
    s13 += p1 * y;
    s22 += p2 * p2;
    s23 += p2 * y;
    s33 += y * y;
  }
  store<f64>(out, s00);
  store<f64>(out, s01, 8);
  store<f64>(out, s02, 16);
  store<f64>(out, s03, 24);
  store<f64>(out, s11, 32);
  store<f64>(out, s12, 40);
  store<f64>(out, s13, 48);
  store<f64>(out, s22, 56);
  store<f64>(out, s23, 64);
  store<f64>(out, s33, 72);
}

/**
 * totals += the block's moments with Neumaier's compensation (kept in comps): with up to
 * 2^53 points the totals stay at rounding level, not at (number of blocks) x rounding.
 */
function addCompensated(block: usize, totals: usize, comps: usize): void {
  for (let e = 0; e < MOMENTS; e++) {
    const t = load<f64>(at(totals, e)), x = load<f64>(at(block, e));
    const s = t + x;
    const c = Math.abs(t) >= Math.abs(x) ? (t - s) + x : (x - s) + t;
    store<f64>(at(totals, e), s);
    store<f64>(at(comps, e), load<f64>(at(comps, e)) + c);
  }
}

/** Writes a kept point's padded row (p0, p1, p2, label) at `row`. */
// @ts-ignore: decorator
@inline function writeRow(row: usize, p0: f64, p1: f64, p2: f64, label: f64): void {
  store<f64>(row, p0);
  store<f64>(row, p1, 8);
  store<f64>(row, p2, 16);
  store<f64>(row, label, 24);
}

/** f64 entries of scratch that projectedMixtureMoments needs. */
export function projectedMixtureWorkLength(): i32 {
  return 11 * BLOCK + 3 * MOMENTS;
}

/**
 * Sets moments ((k+1) x (k+1), row-major, symmetric) to M^T M over the kept points, M's rows
 * being (p_0, .., p_{k-1}, label) with p = the point's frame coordinates: p_0 = z_0 + s * shift,
 * p_j = z_j, z ~ N(0, I_k), s = +-1 the class sign. counts[0] = kept among the nFiltered points,
 * counts[1] = those kept with label == s. nFiltered and nClean are integers below 2^53 passed as f64.
 *
 * The nFiltered points go in blocks of BLOCK (the last one shorter); a block of b points uses
 * the stream in this order:
 *   1. b uniforms: class signs, s = +1 if u < 1/2, else -1;
 *   2. when labelRule == 0 (flip), b uniforms: the label is -s if it is < flipProb, else s;
 *   3. when keepIfAgree or keepIfDisagree lies strictly in (0, 1), b acceptance uniforms;
 *   4. k normals per point, point after point. When labels are flips and checkRule ==
 *      CHECK_NONE, only the accepted points get normals (nothing else depends on them).
 * With labelRule == 1 the label is sign(c . p) (sign(0) = +1, c = (c0, c1, c2) padded with
 * zeros beyond k, the sum ((c0 p0 + c1 p1) + c2 p2)). A point is kept when the acceptance
 * draw passes and the check passes (label-keep.ts) with checkScore = (v0 p0 + v1 p1) + v2 p2
 * and labelScore = c . p. Then the nClean points in blocks: b sign uniforms, then k normals
 * per point; label s, always kept.
 *
 * work: projectedMixtureWorkLength() f64. counts: 2 f64.
 */
export function projectedMixtureMoments(
  state: usize, k: i32, nFiltered: f64, nClean: f64, shift: f64,
  labelRule: i32, flipProb: f64, c0: f64, c1: f64, c2: f64,
  keepIfAgree: f64, keepIfDisagree: f64,
  checkRule: i32, v0: f64, v1: f64, v2: f64, margin: f64,
  work: usize, moments: usize, counts: usize,
): void {
  const signs = work;
  const flips = at(signs, BLOCK);
  const acceptances = at(flips, BLOCK);
  const normals = at(acceptances, BLOCK);
  const rows = at(normals, 3 * BLOCK);
  const keptSigns = at(rows, 4 * BLOCK);
  const block = at(keptSigns, BLOCK);
  const totals = at(block, MOMENTS);
  const comps = at(totals, MOMENTS);
  memory.fill(totals, 0, <usize>(2 * MOMENTS) << 3);

  const byDirection = labelRule == 1;
  const drawAcceptance = acceptanceNeedsDraw(keepIfAgree, keepIfDisagree);
  const labelOnly = !byDirection && checkRule == CHECK_NONE;
  let kept: f64 = 0, keptAgree: f64 = 0;

  let remaining = <i64>nFiltered;
  while (remaining > 0) {
    const b = <i32>min<i64>(remaining, <i64>BLOCK);
    remaining -= b;
    fillUniform(state, signs, b);
    if (!byDirection) fillUniform(state, flips, b);
    if (drawAcceptance) fillUniform(state, acceptances, b);
    // Decisions are random: every point is written at the next free slot, and keeping it
    // advances the slot, so the loops have no branch on a random outcome.
    let count = 0, agree = 0;
    if (labelOnly) {
      // Decide from the uniforms alone, then draw coordinates for the kept points only.
      for (let i = 0; i < b; i++) {
        const s: f64 = load<f64>(at(signs, i)) < 0.5 ? 1.0 : -1.0;
        const label = load<f64>(at(flips, i)) < flipProb ? -s : s;
        const u = drawAcceptance ? load<f64>(at(acceptances, i)) : 0.0;
        const keep = accepted(label == s, u, keepIfAgree, keepIfDisagree);
        store<f64>(at(keptSigns, count), s);
        store<f64>(at(rows, 4 * count + 3), label);
        count += <i32>keep;
        agree += <i32>(keep & (label == s));
      }
      fillNormal(state, normals, count * k);
      for (let j = 0; j < count; j++) {
        const z = at(normals, j * k);
        const row = at(rows, 4 * j);
        const p0 = load<f64>(z) + load<f64>(at(keptSigns, j)) * shift;
        const p1 = k > 1 ? load<f64>(z, 8) : 0.0;
        const p2 = k > 2 ? load<f64>(z, 16) : 0.0;
        writeRow(row, p0, p1, p2, load<f64>(row, 24));
      }
    } else {
      fillNormal(state, normals, b * k);
      for (let i = 0; i < b; i++) {
        const s: f64 = load<f64>(at(signs, i)) < 0.5 ? 1.0 : -1.0;
        const z = at(normals, i * k);
        const p0 = load<f64>(z) + s * shift;
        const p1 = k > 1 ? load<f64>(z, 8) : 0.0;
        const p2 = k > 2 ? load<f64>(z, 16) : 0.0;
        const labelScore = (c0 * p0 + c1 * p1) + c2 * p2;
        const label = byDirection ? labelSign(labelScore) : load<f64>(at(flips, i)) < flipProb ? -s : s;
        const u = drawAcceptance ? load<f64>(at(acceptances, i)) : 0.0;
        const checkScore = (v0 * p0 + v1 * p1) + v2 * p2;
        const keep = accepted(label == s, u, keepIfAgree, keepIfDisagree) & passesCheck(checkRule, label, labelScore, checkScore, margin);
        writeRow(at(rows, 4 * count), p0, p1, p2, label);
        count += <i32>keep;
        agree += <i32>(keep & (label == s));
      }
    }
    kept += <f64>count;
    keptAgree += <f64>agree;
    blockMoments(rows, count, block);
    addCompensated(block, totals, comps);
  }

  remaining = <i64>nClean;
  while (remaining > 0) {
    const b = <i32>min<i64>(remaining, <i64>BLOCK);
    remaining -= b;
    fillUniform(state, signs, b);
    fillNormal(state, normals, b * k);
    for (let i = 0; i < b; i++) {
      const s: f64 = load<f64>(at(signs, i)) < 0.5 ? 1.0 : -1.0;
      const z = at(normals, i * k);
      const p1 = k > 1 ? load<f64>(z, 8) : 0.0;
      const p2 = k > 2 ? load<f64>(z, 16) : 0.0;
      writeRow(at(rows, 4 * i), load<f64>(z) + s * shift, p1, p2, s);
    }
    blockMoments(rows, b, block);
    addCompensated(block, totals, comps);
  }

  // Entry (i, j) of the (k+1) x (k+1) output: frame coordinates i, j < k, the label at k
  // (padded position 3).
  const size = k + 1;
  for (let i = 0; i < size; i++) {
    const pi = i < k ? i : 3;
    for (let j = 0; j < size; j++) {
      const pj = j < k ? j : 3;
      const lo = min(pi, pj), hi = max(pi, pj);
      const e = lo * 4 - (lo * (lo - 1)) / 2 + (hi - lo);
      store<f64>(at(moments, i * size + j), load<f64>(at(totals, e)) + load<f64>(at(comps, e)));
    }
  }
  store<f64>(counts, kept);
  store<f64>(counts, keptAgree, 8);
}
