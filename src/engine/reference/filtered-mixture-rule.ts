// The per-point label and keep rule of assembly/filtered-mixture-rule.ts in TypeScript: from a
// point's class sign s, its uniform draws and its projections, never the point itself.
import { CHECK_DIRECTION, CHECK_LABEL_MARGIN } from "../constants/filtered-mixture.js";

/** sign with sign(0) = +1. */
export function labelSign(score: number): number {
  return score >= 0 ? 1 : -1;
}

/** Whether acceptance consumes a uniform: only for a probability strictly inside (0, 1). */
export function acceptanceNeedsDraw(keepIfAgree: number, keepIfDisagree: number): boolean {
  return (keepIfAgree > 0 && keepIfAgree < 1) || (keepIfDisagree > 0 && keepIfDisagree < 1);
}

export function accepted(agree: boolean, u: number, keepIfAgree: number, keepIfDisagree: number): boolean {
  return u < (agree ? keepIfAgree : keepIfDisagree);
}

export function passesCheck(rule: number, label: number, labelScore: number, checkScore: number, margin: number): boolean {
  if (rule === CHECK_DIRECTION) return labelSign(checkScore) === label && Math.abs(checkScore) >= margin;
  if (rule === CHECK_LABEL_MARGIN) return Math.abs(labelScore) >= margin;
  return true;
}
