// assembly/verified-mixture.ts's filteredMixtureGram in plain TypeScript: the same draws from
// the stream in the same order, the same projections summed in the same order (so the same
// keep decisions), and the kept points' Gram matrix accumulated a block of rows at a time.
// Only the Gram sums' order differs from the wasm kernel's.
import { nextUniform } from "./rng.js";
import { fillNormal } from "./samplers.js";
import { gramAccumulate } from "./linalg.js";
import { dotInOrder } from "./ordered-dot.js";
import { CHECK_NONE, labelSign, acceptanceNeedsDraw, accepted, passesCheck } from "./label-keep.js";

export interface FilteredMixtureArgs {
  d: number;
  nFiltered: number;
  nClean: number;
  shift: number;
  flipProb: number;
  /** null: labels by flipping s; else sign(labelDir . x). */
  labelDir: Float64Array | null;
  keepIfAgree: number;
  keepIfDisagree: number;
  checkRule: number;
  checkDir: Float64Array | null;
  margin: number;
  blockRows: number;
}

/** G (upper triangle) += sum x x^T and b += sum label * x over the kept points; returns the counts. */
export function filteredMixtureGram(
  state: Uint32Array, args: FilteredMixtureArgs, g: Float64Array, b: Float64Array,
): { kept: number; keptAgree: number } {
  const { d, nFiltered, nClean, shift, flipProb, labelDir, keepIfAgree, keepIfDisagree, checkRule, checkDir, margin, blockRows } = args;
  const rows = new Float64Array(blockRows * d);
  const labels = new Float64Array(blockRows);
  const drawAcceptance = acceptanceNeedsDraw(keepIfAgree, keepIfDisagree);
  const labelOnly = labelDir === null && checkRule === CHECK_NONE;
  let filled = 0, kept = 0, keptAgree = 0;
  const total = nFiltered + nClean;
  for (let i = 0; i < total; i++) {
    const s = nextUniform(state) < 0.5 ? 1 : -1;
    let label = s;
    const point = rows.subarray(filled * d, (filled + 1) * d);
    if (i < nFiltered) {
      if (labelDir === null && nextUniform(state) < flipProb) label = -s;
      const u = drawAcceptance ? nextUniform(state) : 0;
      if (labelOnly && !accepted(label === s, u, keepIfAgree, keepIfDisagree)) continue;
      fillNormal(state, point, d);
      point[0] += s * shift;
      if (!labelOnly) {
        const labelScore = labelDir !== null ? dotInOrder(labelDir, 0, point, 0, d) : 0;
        if (labelDir !== null) label = labelSign(labelScore);
        const checkScore = checkDir !== null ? dotInOrder(checkDir, 0, point, 0, d) : 0;
        const keep = accepted(label === s, u, keepIfAgree, keepIfDisagree) && passesCheck(checkRule, label, labelScore, checkScore, margin);
        if (!keep) continue;
      }
      kept++;
      if (label === s) keptAgree++;
    } else {
      fillNormal(state, point, d);
      point[0] += s * shift;
    }
    labels[filled] = label;
    if (++filled === blockRows) {
      gramAccumulate(rows, labels, filled, d, g, b);
      filled = 0;
    }
  }
  if (filled > 0) gramAccumulate(rows, labels, filled, d, g, b);
  return { kept, keptAgree };
}
