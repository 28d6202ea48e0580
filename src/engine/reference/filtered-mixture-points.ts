// assembly/filtered-mixture-points.ts's filteredMixtureGram and filteredMixtureRows in plain
// TypeScript: the same draws from the stream in the same order, the same projections summed in
// the same order (so the same selections and keep decisions), and the kept points either
// summed into their Gram matrix a block of rows at a time or stored. Only the Gram sums' order
// differs from the wasm kernel's.
import { nextUniform } from "./rng.js";
import { fillNormal } from "./samplers.js";
import { gramAccumulate } from "./linalg.js";
import { dotInOrder } from "./ordered-dot.js";
import { labelNeedsDraw, acceptanceNeedsDraw, plusProbability, selectCandidate, type PointRule } from "./filtered-mixture-rule.js";
import { LABEL_FLIP, LABEL_SAMPLED, CHECK_NONE, CHECK_DIRECTION } from "../constants/filtered-mixture.js";

/** The kernels' arguments that say how points are drawn, labelled and selected. */
interface Rules extends PointRule {
  d: number;
  nFiltered: number;
  nClean: number;
  shift: number;
  labelDir: Float64Array;
  sharpness: number;
  checkDir: Float64Array;
}

/**
 * Draws the points (assembly/filtered-mixture-points.ts's drawFilteredMixture documents the
 * stream order), handing each kept one to `keep` as (its index among the kept, the array and
 * offset its coordinates were drawn into, its label); `place(n)` says where the n-th kept
 * point is drawn. counts = [kept, kept with label s, candidates with label s].
 */
function drawFilteredMixture(
  state: Uint32Array, rules: Rules, uniforms: Float64Array, counts: Float64Array,
  place: (n: number) => [Float64Array, number], keep: (n: number, label: number) => void,
): void {
  const { d, candidates, labelRule, checkRule } = rules;
  const labelUniforms = uniforms.subarray(0, candidates), acceptUniforms = uniforms.subarray(candidates, 2 * candidates);
  const drawLabels = labelNeedsDraw(labelRule);
  const drawAcceptance = acceptanceNeedsDraw(rules.keepIfAgree, rules.keepIfDisagree);
  const labelOnly = labelRule === LABEL_FLIP && checkRule === CHECK_NONE;
  const drawn = (array: Float64Array) => {
    for (let c = 0; c < candidates; c++) array[c] = nextUniform(state);
  };
  let stored = 0, kept = 0, keptAgree = 0, candidatesAgree = 0;
  const total = rules.nFiltered + rules.nClean;
  for (let i = 0; i < total; i++) {
    const [point, offset] = place(stored);
    const s = nextUniform(state) < 0.5 ? 1 : -1;
    let label = s;
    if (i < rules.nFiltered) {
      if (drawLabels) drawn(labelUniforms);
      if (drawAcceptance) drawn(acceptUniforms);
      const accept = drawAcceptance ? acceptUniforms : null;
      let selection = labelOnly ? selectCandidate(rules, s, 0, 0, 0, labelUniforms, accept) : null;
      if (selection !== null && !selection.kept) {
        candidatesAgree += selection.correct;
        continue;
      }
      fillNormal(state, point.subarray(offset, offset + d), d);
      point[offset] += s * rules.shift;
      if (selection === null) {
        const labelScore = labelRule !== LABEL_FLIP ? dotInOrder(rules.labelDir, 0, point, offset, d) : 0;
        const checkScore = checkRule === CHECK_DIRECTION ? dotInOrder(rules.checkDir, 0, point, offset, d) : 0;
        const plus = labelRule === LABEL_SAMPLED ? plusProbability(rules.sharpness, labelScore) : 0;
        selection = selectCandidate(rules, s, plus, labelScore, checkScore, labelUniforms, accept);
      }
      candidatesAgree += selection.correct;
      if (!selection.kept) continue;
      label = selection.label;
      kept++;
      if (label === s) keptAgree++;
    } else {
      fillNormal(state, point.subarray(offset, offset + d), d);
      point[offset] += s * rules.shift;
    }
    keep(stored++, label);
  }
  counts[0] = kept;
  counts[1] = keptAgree;
  counts[2] = candidatesAgree;
}

/** Scratch for blocks of blockRows points (their rows, blockRows x d, then their labels) and the candidates' uniforms. */
export function filteredMixtureGramWorkLength(d: number, blockRows: number, candidates: number): number {
  return blockRows * (d + 1) + 2 * candidates;
}

/** G (upper triangle) += sum x x^T and b += sum label * x over the kept points; counts = [kept, kept with label s, candidates with label s]. */
export function filteredMixtureGram(
  state: Uint32Array, d: number, nFiltered: number, nClean: number, shift: number,
  labelRule: number, flipProb: number, labelDir: Float64Array, sharpness: number, candidates: number,
  keepIfAgree: number, keepIfDisagree: number, checkRule: number, checkDir: Float64Array, margin: number,
  work: Float64Array, blockRows: number, g: Float64Array, b: Float64Array, counts: Float64Array,
): void {
  const rows = work.subarray(0, blockRows * d);
  const labels = work.subarray(blockRows * d, blockRows * (d + 1));
  const uniforms = work.subarray(blockRows * (d + 1));
  const rules = { d, nFiltered, nClean, shift, labelRule, flipProb, labelDir, sharpness, candidates, keepIfAgree, keepIfDisagree, checkRule, checkDir, margin };
  let filled = 0;
  drawFilteredMixture(state, rules, uniforms, counts, () => [rows, filled * d], (_, label) => {
    labels[filled] = label;
    if (++filled === blockRows) {
      gramAccumulate(rows, labels, filled, d, g, b);
      filled = 0;
    }
  });
  if (filled > 0) gramAccumulate(rows, labels, filled, d, g, b);
}

export function filteredMixtureRowsWorkLength(candidates: number): number {
  return 2 * candidates;
}

/** The kept points of filteredMixtureGram's draws, stored: the n-th in rows[n d ..], its label in labels[n]. */
export function filteredMixtureRows(
  state: Uint32Array, d: number, nFiltered: number, nClean: number, shift: number,
  labelRule: number, flipProb: number, labelDir: Float64Array, sharpness: number, candidates: number,
  keepIfAgree: number, keepIfDisagree: number, checkRule: number, checkDir: Float64Array, margin: number,
  work: Float64Array, rows: Float64Array, labels: Float64Array, counts: Float64Array,
): void {
  const rules = { d, nFiltered, nClean, shift, labelRule, flipProb, labelDir, sharpness, candidates, keepIfAgree, keepIfDisagree, checkRule, checkDir, margin };
  drawFilteredMixture(state, rules, work, counts, (n) => [rows, n * d], (n, label) => {
    labels[n] = label;
  });
}
