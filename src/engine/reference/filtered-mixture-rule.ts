// The per-point rule of assembly/filtered-mixture-rule.ts in TypeScript: a point's candidate
// labels, the selected one and whether it is kept, from its class sign s, its uniform draws and
// its projections, never the point itself.
import { LABEL_FLIP, LABEL_SAMPLED, CHECK_DIRECTION, CHECK_LABEL_MARGIN } from "../constants/filtered-mixture.js";
import { detExp } from "../../math/fdlibm.js";

/** sign with sign(0) = +1. */
export function labelSign(score: number): number {
  return score >= 0 ? 1 : -1;
}

/** Whether a candidate's label consumes a uniform: flipped and sampled labels do. */
export function labelNeedsDraw(labelRule: number): boolean {
  return labelRule === LABEL_FLIP || labelRule === LABEL_SAMPLED;
}

/** Whether acceptance consumes a uniform: only for a probability strictly inside (0, 1). */
export function acceptanceNeedsDraw(keepIfAgree: number, keepIfDisagree: number): boolean {
  return (keepIfAgree > 0 && keepIfAgree < 1) || (keepIfDisagree > 0 && keepIfDisagree < 1);
}

/** sigma(sharpness * score): the probability that a sampled label is +1. */
export function plusProbability(sharpness: number, score: number): number {
  return 1.0 / (1.0 + detExp(-(sharpness * score)));
}

export function accepted(agree: boolean, u: number, keepIfAgree: number, keepIfDisagree: number): boolean {
  return u < (agree ? keepIfAgree : keepIfDisagree);
}

export function passesCheck(rule: number, label: number, labelScore: number, checkScore: number, margin: number): boolean {
  if (rule === CHECK_DIRECTION) return labelSign(checkScore) === label && Math.abs(checkScore) >= margin;
  if (rule === CHECK_LABEL_MARGIN) return Math.abs(labelScore) >= margin;
  return true;
}

function candidateLabel(labelRule: number, s: number, u: number, flipProb: number, plus: number, labelScore: number): number {
  if (labelRule === LABEL_FLIP) return u < flipProb ? -s : s;
  if (labelRule === LABEL_SAMPLED) return u < plus ? 1 : -1;
  return labelSign(labelScore);
}

/** A point's selection among its candidates (see selectCandidate). */
export interface Selection {
  /** The selected candidate's label, +1 or -1. */
  label: number;
  kept: boolean;
  /** Candidates whose label is s. */
  correct: number;
}

/** The rule's inputs for one point besides its uniforms (see assembly/filtered-mixture-rule.ts). */
export interface PointRule {
  candidates: number;
  labelRule: number;
  flipProb: number;
  keepIfAgree: number;
  keepIfDisagree: number;
  checkRule: number;
  margin: number;
}

/**
 * The first candidate of the highest rank (2 if it passes the acceptance draw and the check,
 * plus 1 for a self check if its label is sign(labelScore)); labelUniforms[offset + c] and
 * acceptUniforms[offset + c] (null: no acceptance draw) are candidate c's draws.
 */
export function selectCandidate(
  rule: PointRule, s: number, plus: number, labelScore: number, checkScore: number,
  labelUniforms: Float64Array, acceptUniforms: Float64Array | null, offset = 0,
): Selection {
  const own = labelSign(labelScore);
  let best = -1, label = 0, kept = false, correct = 0;
  for (let c = 0; c < rule.candidates; c++) {
    const candidate = candidateLabel(rule.labelRule, s, labelUniforms[offset + c], rule.flipProb, plus, labelScore);
    const u = acceptUniforms === null ? 0 : acceptUniforms[offset + c];
    const passes = accepted(candidate === s, u, rule.keepIfAgree, rule.keepIfDisagree) && passesCheck(rule.checkRule, candidate, labelScore, checkScore, rule.margin);
    const rank = (passes ? 2 : 0) + (rule.checkRule === CHECK_LABEL_MARGIN && candidate === own ? 1 : 0);
    if (rank > best) {
      best = rank;
      label = candidate;
      kept = passes;
    }
    if (candidate === s) correct++;
  }
  return { label, kept, correct };
}
