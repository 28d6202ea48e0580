// The filtered mixture's moments in a frame: the O(m k) pass of an exact-statistics method. The
// points, labels and keep rule are those of filteredMixtureGram, but each point is drawn only through its k <= 3
// coordinates in an orthonormal frame whose first vector is the shift direction e_0 and
// which contains the labelling and check directions: labels and keep decisions see nothing
// else, and the point's other d - k coordinates are i.i.d. N(0, 1) whatever is kept, so the
// caller completes X^T X and X^T y exactly from the moments returned here. With label-only
// rules (flip labels, no geometric check) no point is drawn at all: the groups' sizes are one
// multinomial draw, and each group's sums are drawn whole (labelOnlyMoments). No
// per-point storage: memory is O(block) whatever the number of points, and counts are f64
// (exact to 2^53). src/engine/reference/filtered-mixture-moments.ts is the same computation in
// TypeScript, with the same stream use and the same sums in the same order (bit-identical).
import { fillUniform, fillNormal } from "./samplers";
import {
  labelNeedsDraw, acceptanceNeedsDraw, plusProbability, selectCandidate, selectionKept, selectionCorrect,
} from "./filtered-mixture-rule";
import { fillWishart } from "./wishart";
import { multinomialCounts } from "./count-samplers";
import { nextBinomial } from "./binomial";
import { at } from "./address";
import {
  LABEL_FLIP, LABEL_SAMPLED, CHECK_NONE, MOMENTS_BLOCK as BLOCK, MOMENTS_ENTRIES as MOMENTS,
} from "../src/engine/constants/filtered-mixture";

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

/** +1 if u < 1/2, else -1: a class sign, in integer arithmetic (see labelSign). */
// @ts-ignore: decorator
@inline function classSign(u: f64): f64 {
  return <f64>((<i32>(u < 0.5) << 1) - 1);
}

/** Writes a kept point's padded row (p0, p1, p2, label) at `row`. */
// @ts-ignore: decorator
@inline function writeRow(row: usize, p0: f64, p1: f64, p2: f64, label: f64): void {
  store<f64>(row, p0);
  store<f64>(row, p1, 8);
  store<f64>(row, p2, 16);
  store<f64>(row, label, 24);
}

/** f64 entries of scratch that filteredMixtureMoments needs. */
export function filteredMixtureMomentsWorkLength(): i32 {
  return 10 * BLOCK + 3 * MOMENTS;
}

/** Entry (i, j), i <= j, of the padded moments' upper triangle (see blockMoments). */
// @ts-ignore: decorator
@inline function entry(i: i32, j: i32): i32 {
  return i * 4 - (i * (i - 1)) / 2 + (j - i);
}

/**
 * Adds to the padded moments n points of class sign s and label y whose noise z (k entries)
 * sums to v with sum z z^T = zz (k x k): p = a + z with a = (s * shift, 0, 0), so
 * sum p p^T = n a a^T + a v^T + v a^T + zz, sum p y = y (n a + v), sum y^2 = n.
 */
function addGroup(totals: usize, k: i32, n: f64, s: f64, y: f64, shift: f64, v: usize, zz: usize): void {
  const a0 = s * shift;
  for (let i = 0; i < k; i++) {
    const ai = i == 0 ? a0 : 0.0, vi = load<f64>(at(v, i));
    for (let j = i; j < k; j++) {
      const aj = j == 0 ? a0 : 0.0, vj = load<f64>(at(v, j));
      const e = at(totals, entry(i, j));
      store<f64>(e, load<f64>(e) + ((((n * ai) * aj + ai * vj) + vi * aj) + load<f64>(at(zz, i * k + j))));
    }
    const e = at(totals, entry(i, 3));
    store<f64>(e, load<f64>(e) + y * (n * ai + vi));
  }
  const e = at(totals, entry(3, 3));
  store<f64>(e, load<f64>(e) + n);
}

/** The categories of a label-only point (see labelOnlyMoments). */
// @ts-ignore: decorator
@inline const CATEGORIES = 6;

/**
 * Label-only rules (flip labels, no geometric check, one candidate): whether a point is kept
 * and its label depend on its draws alone, not on p. So M^T M depends on the points only through
 * the number in each (class sign, label) group and, within a group, the sum v of the noise
 * vectors z and their scatter: v = sqrt(n) N, sum z z^T = N N^T + Wishart_k(n - 1), independent
 * (Cochran). The group counts are one multinomial draw (conditional binomials) and the clean
 * points' signs one binomial, so a round costs O(k^3) draws whatever the number of points.
 */
function labelOnlyMoments(
  state: usize, k: i32, nFiltered: f64, nClean: f64, shift: f64,
  flipProb: f64, keepIfAgree: f64, keepIfDisagree: f64,
  work: usize, totals: usize, counts: usize,
): void {
  // Categories: kept with s = +1 and label s; kept with s = +1, label -s; kept with s = -1,
  // label s; kept with s = -1, label -s; dropped with label s (either sign); dropped with label -s.
  const weights = work;
  const agree = 0.5 * (1.0 - flipProb) * keepIfAgree, disagree = 0.5 * flipProb * keepIfDisagree;
  store<f64>(weights, agree);
  store<f64>(weights, disagree, 8);
  store<f64>(weights, agree, 16);
  store<f64>(weights, disagree, 24);
  store<f64>(weights, (1.0 - flipProb) * (1.0 - keepIfAgree), 32);
  store<f64>(weights, flipProb * (1.0 - keepIfDisagree), 40);
  const category = at(weights, CATEGORIES);
  multinomialCounts(state, weights, CATEGORIES, nFiltered, category);
  // Clean points: their sign only.
  const cleanPlus = nextBinomial(state, nClean, 0.5), cleanMinus = nClean - cleanPlus;
  const c0 = load<f64>(category), c1 = load<f64>(category, 8), c2 = load<f64>(category, 16), c3 = load<f64>(category, 24);
  const droppedAgree = load<f64>(category, 32);
  // Groups (s, label): (+1, +1), (+1, -1), (-1, -1), (-1, +1).
  const groupN = at(category, CATEGORIES);
  store<f64>(groupN, c0 + cleanPlus);
  store<f64>(groupN, c1, 8);
  store<f64>(groupN, c2 + cleanMinus, 16);
  store<f64>(groupN, c3, 24);
  const v = at(groupN, 4), zz = at(v, 4), wishartWork = at(zz, 9);
  for (let g = 0; g < 4; g++) {
    const n = load<f64>(at(groupN, g));
    if (n == 0) continue;
    const s: f64 = g < 2 ? 1.0 : -1.0;
    const y: f64 = g == 0 || g == 3 ? 1.0 : -1.0;
    fillNormal(state, v, k);
    fillWishart(state, zz, k, n - 1.0, k, wishartWork);
    const root = Math.sqrt(n);
    for (let i = 0; i < k; i++) {
      const ni = load<f64>(at(v, i));
      for (let j = 0; j < k; j++) {
        const e = at(zz, i * k + j);
        store<f64>(e, load<f64>(e) + ni * load<f64>(at(v, j)));
      }
    }
    for (let i = 0; i < k; i++) store<f64>(at(v, i), root * load<f64>(at(v, i)));
    addGroup(totals, k, n, s, y, shift, v, zz);
  }
  const keptAgree = c0 + c2;
  store<f64>(counts, ((c0 + c1) + c2) + c3);
  store<f64>(counts, keptAgree, 8);
  store<f64>(counts, keptAgree + droppedAgree, 16);
}

/**
 * The other rules (labels by a direction or drawn, a geometric check, or several candidates):
 * each point's k coordinates are drawn, its candidates labelled and one selected, and the kept
 * rows' moments summed block by block.
 */
function pointwiseMoments(
  state: usize, k: i32, nFiltered: f64, nClean: f64, shift: f64,
  labelRule: i32, flipProb: f64, c0: f64, c1: f64, c2: f64, sharpness: f64, candidates: i32,
  keepIfAgree: f64, keepIfDisagree: f64,
  checkRule: i32, v0: f64, v1: f64, v2: f64, margin: f64,
  work: usize, totals: usize, comps: usize, counts: usize,
): void {
  const signs = work;
  const labelUniforms = at(signs, BLOCK);
  const acceptances = at(labelUniforms, BLOCK);
  const normals = at(acceptances, BLOCK);
  const rows = at(normals, 3 * BLOCK);
  const block = at(rows, 4 * BLOCK);
  const drawLabels = labelNeedsDraw(labelRule);
  const drawAcceptance = acceptanceNeedsDraw(keepIfAgree, keepIfDisagree);
  // A block's candidates' draws fill at most BLOCK entries.
  const pointsPerBlock = <i64>(BLOCK / candidates);
  let kept: f64 = 0, keptAgree: f64 = 0, candidatesAgree: f64 = 0;

  let remaining = <i64>nFiltered;
  while (remaining > 0) {
    const b = <i32>min<i64>(remaining, pointsPerBlock);
    remaining -= b;
    fillUniform(state, signs, b);
    if (drawLabels) fillUniform(state, labelUniforms, b * candidates);
    if (drawAcceptance) fillUniform(state, acceptances, b * candidates);
    fillNormal(state, normals, b * k);
    // Decisions are random: every point is written at the next free slot, and keeping it
    // advances the slot, so the loop has no branch on a random outcome.
    let count = 0, agree = 0, correct = 0;
    for (let i = 0; i < b; i++) {
      const s = classSign(load<f64>(at(signs, i)));
      const z = at(normals, i * k);
      const p0 = load<f64>(z) + s * shift;
      const p1 = k > 1 ? load<f64>(z, 8) : 0.0;
      const p2 = k > 2 ? load<f64>(z, 16) : 0.0;
      const labelScore = (c0 * p0 + c1 * p1) + c2 * p2;
      const checkScore = (v0 * p0 + v1 * p1) + v2 * p2;
      const plus = labelRule == LABEL_SAMPLED ? plusProbability(sharpness, labelScore) : 0.0;
      const label = selectCandidate(
        candidates, s, labelRule, flipProb, plus, labelScore,
        at(labelUniforms, i * candidates), at(acceptances, i * candidates), drawAcceptance,
        keepIfAgree, keepIfDisagree, checkRule, checkScore, margin,
      );
      const keep = selectionKept;
      writeRow(at(rows, 4 * count), p0, p1, p2, label);
      count += <i32>keep;
      agree += <i32>(keep & (label == s));
      correct += selectionCorrect;
    }
    kept += <f64>count;
    keptAgree += <f64>agree;
    candidatesAgree += <f64>correct;
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
      const s = classSign(load<f64>(at(signs, i)));
      const z = at(normals, i * k);
      const p1 = k > 1 ? load<f64>(z, 8) : 0.0;
      const p2 = k > 2 ? load<f64>(z, 16) : 0.0;
      writeRow(at(rows, 4 * i), load<f64>(z) + s * shift, p1, p2, s);
    }
    blockMoments(rows, b, block);
    addCompensated(block, totals, comps);
  }
  store<f64>(counts, kept);
  store<f64>(counts, keptAgree, 8);
  store<f64>(counts, candidatesAgree, 16);
}

/**
 * Sets moments ((k+1) x (k+1), row-major, symmetric) to M^T M over the kept points, M's rows
 * being (p_0, .., p_{k-1}, label) with p = the point's frame coordinates: p_0 = z_0 + s * shift,
 * p_j = z_j, z ~ N(0, I_k), s = +-1 the class sign. counts (3 f64) = [kept among the nFiltered
 * points, those kept with label == s, candidates with label == s]. nFiltered and nClean are
 * integers below 2^53 passed as f64.
 *
 * Label-only rules (LABEL_FLIP, CHECK_NONE, one candidate; see labelOnlyMoments) use the
 * stream in this order: one multinomialCounts draw (count-samplers.ts) of the nFiltered points
 * over six categories, (s = +1, label s), (s = +1, label -s), (s = -1, label s), (s = -1,
 * label -s), each kept, then dropped with label s, dropped with label -s, of weights
 * 1/2 (1 - flipProb) keepIfAgree and 1/2 flipProb keepIfDisagree (for s = +1, then again for s = -1),
 * (1 - flipProb)(1 - keepIfAgree) and flipProb (1 - keepIfDisagree); one Binomial(nClean, 1/2)
 * draw, the clean points with s = +1; then for each group (s, label) = (+1, +1), (+1, -1),
 * (-1, -1), (-1, +1) holding n >= 1 kept points, k normals and a Wishart_k(n - 1) draw
 * (wishart.ts).
 *
 * Other rules go point by point, the nFiltered points in blocks of BLOCK / candidates (the last
 * one shorter); a block of b points uses the stream in this order:
 *   1. b uniforms: class signs, s = +1 if u < 1/2, else -1;
 *   2. when labelRule is LABEL_FLIP or LABEL_SAMPLED, b * candidates uniforms, point after point;
 *   3. when keepIfAgree or keepIfDisagree lies strictly in (0, 1), b * candidates acceptance uniforms;
 *   4. b * k normals, k per point, point after point.
 * The label score is c . p = ((c0 p0 + c1 p1) + c2 p2) (c padded with zeros beyond k), the check
 * score (v0 p0 + v1 p1) + v2 p2, the sampled rule's probability of +1 sigma(sharpness * c . p),
 * and the candidates are selected and the point kept or not by selectCandidate
 * (filtered-mixture-rule.ts). Then the nClean points in blocks of BLOCK: b sign uniforms, then
 * b * k normals; label s, always kept.
 *
 * work: filteredMixtureMomentsWorkLength() f64. candidates: 1 to BLOCK.
 */
export function filteredMixtureMoments(
  state: usize, k: i32, nFiltered: f64, nClean: f64, shift: f64,
  labelRule: i32, flipProb: f64, c0: f64, c1: f64, c2: f64, sharpness: f64, candidates: i32,
  keepIfAgree: f64, keepIfDisagree: f64,
  checkRule: i32, v0: f64, v1: f64, v2: f64, margin: f64,
  work: usize, moments: usize, counts: usize,
): void {
  // work: 10 BLOCK entries of per-block scratch, the block's moments, then totals and compensations.
  const totals = at(work, 10 * BLOCK + MOMENTS);
  const comps = at(totals, MOMENTS);
  memory.fill(totals, 0, <usize>(2 * MOMENTS) << 3);
  if (labelRule == LABEL_FLIP && checkRule == CHECK_NONE && candidates == 1) {
    labelOnlyMoments(state, k, nFiltered, nClean, shift, flipProb, keepIfAgree, keepIfDisagree, work, totals, counts);
  } else {
    pointwiseMoments(
      state, k, nFiltered, nClean, shift, labelRule, flipProb, c0, c1, c2, sharpness, candidates,
      keepIfAgree, keepIfDisagree, checkRule, v0, v1, v2, margin, work, totals, comps, counts,
    );
  }
  // Entry (i, j) of the (k+1) x (k+1) output: frame coordinates i, j < k, the label at k
  // (padded position 3).
  const size = k + 1;
  for (let i = 0; i < size; i++) {
    const pi = i < k ? i : 3;
    for (let j = 0; j < size; j++) {
      const pj = j < k ? j : 3;
      const e = entry(min(pi, pj), max(pi, pj));
      store<f64>(at(moments, i * size + j), load<f64>(at(totals, e)) + load<f64>(at(comps, e)));
    }
  }
}
