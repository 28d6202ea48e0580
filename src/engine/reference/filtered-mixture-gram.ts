// assembly/filtered-mixture-gram.ts's filteredMixtureGram in plain TypeScript: the same draws
// from the stream in the same order, the same projections summed in the same order (so the same
// keep decisions), and the kept points' Gram matrix accumulated a block of rows at a time.
// Only the Gram sums' order differs from the wasm kernel's.
import { nextUniform } from "./rng.js";
import { fillNormal } from "./samplers.js";
import { gramAccumulate } from "./linalg.js";
import { dotInOrder } from "./ordered-dot.js";
import { acceptanceNeedsDraw, accepted, labelSign, passesCheck } from "./filtered-mixture-rule.js";
import { LABEL_FLIP, CHECK_NONE, CHECK_DIRECTION } from "../constants/filtered-mixture.js";

/** Scratch for blocks of blockRows points: their rows (blockRows x d), then their labels. */
export function filteredMixtureGramWorkLength(d: number, blockRows: number): number {
  return blockRows * (d + 1);
}

/** G (upper triangle) += sum x x^T and b += sum label * x over the kept points; counts = [kept, kept with label s]. */
export function filteredMixtureGram(
  state: Uint32Array, d: number, nFiltered: number, nClean: number, shift: number,
  labelRule: number, flipProb: number, labelDir: Float64Array, keepIfAgree: number, keepIfDisagree: number,
  checkRule: number, checkDir: Float64Array, margin: number,
  work: Float64Array, blockRows: number, g: Float64Array, b: Float64Array, counts: Float64Array,
): void {
  const rows = work.subarray(0, blockRows * d);
  const labels = work.subarray(blockRows * d, blockRows * (d + 1));
  const byDirection = labelRule !== LABEL_FLIP;
  const drawAcceptance = acceptanceNeedsDraw(keepIfAgree, keepIfDisagree);
  const labelOnly = !byDirection && checkRule === CHECK_NONE;
  let filled = 0, kept = 0, keptAgree = 0;
  const total = nFiltered + nClean;
  for (let i = 0; i < total; i++) {
    const s = nextUniform(state) < 0.5 ? 1 : -1;
    let label = s;
    const point = rows.subarray(filled * d, (filled + 1) * d);
    if (i < nFiltered) {
      if (!byDirection && nextUniform(state) < flipProb) label = -s;
      const u = drawAcceptance ? nextUniform(state) : 0;
      if (labelOnly && !accepted(label === s, u, keepIfAgree, keepIfDisagree)) continue;
      fillNormal(state, point, d);
      point[0] += s * shift;
      if (!labelOnly) {
        const labelScore = byDirection ? dotInOrder(labelDir, 0, point, 0, d) : 0;
        if (byDirection) label = labelSign(labelScore);
        const checkScore = checkRule === CHECK_DIRECTION ? dotInOrder(checkDir, 0, point, 0, d) : 0;
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
  counts[0] = kept;
  counts[1] = keptAgree;
}
