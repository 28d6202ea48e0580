// The filtered mixture's points in d dimensions: draw points of a two-class Gaussian mixture,
// offer each its candidate labels, select one and keep the point or not
// (filtered-mixture-rule.ts), and hand the kept points on, either summed into X^T X and X^T y
// one cache-sized block at a time (filteredMixtureGram: memory O(B d + d^2) whatever the number
// of points) or stored row by row (filteredMixtureRows: for a learner that needs every point).
// src/engine/reference/filtered-mixture-points.ts is the same computation in TypeScript and
// consumes the random stream in the same order.
import { nextUniform } from "./rng";
import { fillNormal } from "./samplers";
import { at } from "./address";
import { dotInOrder } from "./ordered-dot";
import { gramAccumulateColumns } from "./column-gram";
import {
  labelNeedsDraw, acceptanceNeedsDraw, plusProbability, selectCandidate, selectionKept, selectionCorrect,
} from "./filtered-mixture-rule";
import { LABEL_FLIP, LABEL_SAMPLED, CHECK_NONE, CHECK_DIRECTION } from "../src/engine/constants/filtered-mixture";

/** Draws `count` uniforms into out, one nextUniform each (so in the stream's order). */
// @ts-ignore: decorator
@inline function drawUniforms(state: usize, out: usize, count: i32): void {
  for (let c = 0; c < count; c++) store<f64>(at(out, c), nextUniform(state));
}

/**
 * Draws the points and hands each kept one on: into blocks of blockRows points stored by
 * columns in work (x's d coordinates, then the labels) that are added to G and b as they fill;
 * or, toRows, as the next row of rows (d entries) and entry of labels.
 * counts: [kept, kept with label s, candidates with label s] among the nFiltered points.
 *
 * Each of the first nFiltered points consumes the stream in this order:
 *   1. one uniform u: class sign s = +1 if u < 1/2, else -1;
 *   2. when labelRule is LABEL_FLIP or LABEL_SAMPLED, `candidates` uniforms, one per candidate label;
 *   3. when keepIfAgree or keepIfDisagree lies strictly in (0, 1), `candidates` acceptance uniforms;
 *   4. d standard normals z, then x = z + s * shift * e_0. Step 4 is skipped when the point is
 *      already dropped and nothing depends on x (LABEL_FLIP and CHECK_NONE).
 * With k = 1 candidate this is one uniform for a flip and one for acceptance, as a plain filter.
 * The label score is labelDir . x, the check score checkDir . x (dotInOrder, so every build
 * takes the same decisions); the sampled rule's probability of +1 is sigma(sharpness * label
 * score). Then nClean points: steps 1 and 4, label s, always kept.
 */
function drawFilteredMixture(
  state: usize, d: i32, nFiltered: i32, nClean: i32, shift: f64,
  labelRule: i32, flipProb: f64, labelDir: usize, sharpness: f64, candidates: i32,
  keepIfAgree: f64, keepIfDisagree: f64, checkRule: i32, checkDir: usize, margin: f64,
  work: usize, blockRows: i32, g: usize, b: usize, toRows: bool, rows: usize, labels: usize, counts: usize,
): void {
  const stride = <usize>blockRows << 3;
  const blockLabels = work + <usize>d * stride;
  // Gram: the point is drawn into a row of scratch; rows: straight into the next free row.
  const scratchPoint = work + <usize>(d + 1) * stride;
  const labelUniforms = toRows ? work : scratchPoint + (<usize>d << 3);
  const acceptUniforms = at(labelUniforms, candidates);
  const drawLabels = labelNeedsDraw(labelRule);
  const drawAcceptance = acceptanceNeedsDraw(keepIfAgree, keepIfDisagree);
  const labelOnly = labelRule == LABEL_FLIP && checkRule == CHECK_NONE;
  let filled = 0, stored = 0;
  let kept = 0, keptAgree = 0, candidatesAgree = 0;
  const total = nFiltered + nClean;
  for (let i = 0; i < total; i++) {
    const point = toRows ? rows + (<usize>stored * <usize>d << 3) : scratchPoint;
    const s: f64 = nextUniform(state) < 0.5 ? 1.0 : -1.0;
    let label = s;
    if (i < nFiltered) {
      if (drawLabels) drawUniforms(state, labelUniforms, candidates);
      if (drawAcceptance) drawUniforms(state, acceptUniforms, candidates);
      if (labelOnly) {
        label = selectCandidate(
          candidates, s, labelRule, flipProb, 0.0, 0.0, labelUniforms, acceptUniforms, drawAcceptance,
          keepIfAgree, keepIfDisagree, checkRule, 0.0, margin,
        );
        if (!selectionKept) {
          candidatesAgree += selectionCorrect;
          continue;
        }
      }
      fillNormal(state, point, d);
      store<f64>(point, load<f64>(point) + s * shift);
      if (!labelOnly) {
        const labelScore = labelRule != LABEL_FLIP ? dotInOrder(labelDir, point, d) : 0.0;
        const checkScore = checkRule == CHECK_DIRECTION ? dotInOrder(checkDir, point, d) : 0.0;
        const plus = labelRule == LABEL_SAMPLED ? plusProbability(sharpness, labelScore) : 0.0;
        label = selectCandidate(
          candidates, s, labelRule, flipProb, plus, labelScore, labelUniforms, acceptUniforms, drawAcceptance,
          keepIfAgree, keepIfDisagree, checkRule, checkScore, margin,
        );
      }
      candidatesAgree += selectionCorrect;
      if (!selectionKept) continue;
      kept++;
      if (label == s) keptAgree++;
    } else {
      fillNormal(state, point, d);
      store<f64>(point, load<f64>(point) + s * shift);
    }
    if (toRows) {
      store<f64>(at(labels, stored++), label);
      continue;
    }
    const slot = <usize>filled << 3;
    for (let k = 0; k < d; k++) store<f64>(work + <usize>k * stride + slot, load<f64>(at(point, k)));
    store<f64>(blockLabels + slot, label);
    if (++filled == blockRows) {
      gramAccumulateColumns(work, stride, blockRows, d, g, b);
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
    gramAccumulateColumns(work, stride, filled, d, g, b);
  }
  store<f64>(counts, <f64>kept);
  store<f64>(counts, <f64>keptAgree, 8);
  store<f64>(counts, <f64>candidatesAgree, 16);
}

/** f64 entries of scratch that filteredMixtureGram needs for blocks of blockRows points. */
export function filteredMixtureGramWorkLength(d: i32, blockRows: i32, candidates: i32): i32 {
  return blockRows * (d + 1) + d + 2 * candidates;
}

/**
 * Draws points of a two-class Gaussian mixture, labels, selects and filters them, and
 * accumulates the kept ones: G (d x d, row-major, upper triangle) += sum x x^T and
 * b += sum label * x, without normalising. counts (3 f64): [kept, kept with label s,
 * candidates with label s] among the first nFiltered points. Rules and stream order: see
 * drawFilteredMixture.
 *
 * labelDir, checkDir: d f64 each, read only when the rules use them. work:
 * filteredMixtureGramWorkLength(d, blockRows, candidates) f64, laid out as d + 1 columns of
 * blockRows entries (x's coordinates, then the labels), one row of d for the point being
 * drawn, and the candidates' uniforms. blockRows: a positive even number; a block of
 * blockRows * (d + 1) f64 that fits in cache is fastest.
 */
export function filteredMixtureGram(
  state: usize, d: i32, nFiltered: i32, nClean: i32, shift: f64,
  labelRule: i32, flipProb: f64, labelDir: usize, sharpness: f64, candidates: i32,
  keepIfAgree: f64, keepIfDisagree: f64, checkRule: i32, checkDir: usize, margin: f64,
  work: usize, blockRows: i32, g: usize, b: usize, counts: usize,
): void {
  drawFilteredMixture(
    state, d, nFiltered, nClean, shift, labelRule, flipProb, labelDir, sharpness, candidates,
    keepIfAgree, keepIfDisagree, checkRule, checkDir, margin, work, blockRows, g, b, false, 0, 0, counts,
  );
}

/** f64 entries of scratch that filteredMixtureRows needs: the candidates' uniforms. */
export function filteredMixtureRowsWorkLength(candidates: i32): i32 {
  return 2 * candidates;
}

/**
 * The same points, rules and stream use as filteredMixtureGram, the kept points stored instead
 * of summed: the n-th kept point (the nClean points included, after the filtered ones) in
 * rows[n * d .. n * d + d - 1] and its label in labels[n]. rows needs room for
 * (nFiltered + nClean) d entries, labels for nFiltered + nClean; counts as filteredMixtureGram's.
 * work: filteredMixtureRowsWorkLength(candidates) f64.
 */
export function filteredMixtureRows(
  state: usize, d: i32, nFiltered: i32, nClean: i32, shift: f64,
  labelRule: i32, flipProb: f64, labelDir: usize, sharpness: f64, candidates: i32,
  keepIfAgree: f64, keepIfDisagree: f64, checkRule: i32, checkDir: usize, margin: f64,
  work: usize, rows: usize, labels: usize, counts: usize,
): void {
  drawFilteredMixture(
    state, d, nFiltered, nClean, shift, labelRule, flipProb, labelDir, sharpness, candidates,
    keepIfAgree, keepIfDisagree, checkRule, checkDir, margin, work, 2, 0, 0, true, rows, labels, counts,
  );
}
