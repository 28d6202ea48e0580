// The per-point rule of the filtered mixture: a point's assigned label and whether it is kept,
// from its class sign s, its uniform draws and its projections on at most two directions.
// Nothing else of the point enters, so a kernel that draws only those projections
// (filteredMixtureMoments) applies the rule unchanged. The check codes are in
// src/engine/constants/filtered-mixture.ts; src/engine/reference/filtered-mixture-rule.ts is
// the same rule in TypeScript.
import { CHECK_DIRECTION, CHECK_LABEL_MARGIN } from "../src/engine/constants/filtered-mixture";

/**
 * sign with sign(0) = +1, so a zero direction labels every point +1. In integer arithmetic:
 * V8 compiles an f64 select to a branch, which mispredicts on random scores.
 */
// @ts-ignore: decorator
@inline export function labelSign(score: f64): f64 {
  return <f64>((<i32>(score >= 0) << 1) - 1);
}

/**
 * Whether the acceptance step consumes a uniform: only when a probability lies strictly
 * between 0 and 1. Otherwise `accepted` is called with u = 0, which gives the same answer.
 */
// @ts-ignore: decorator
@inline export function acceptanceNeedsDraw(keepIfAgree: f64, keepIfDisagree: f64): bool {
  return (keepIfAgree > 0 && keepIfAgree < 1) || (keepIfDisagree > 0 && keepIfDisagree < 1);
}

/** The random part of keeping: probability keepIfAgree when label == s, else keepIfDisagree. */
// @ts-ignore: decorator
@inline export function accepted(agree: bool, u: f64, keepIfAgree: f64, keepIfDisagree: f64): bool {
  // Both comparisons, combined by bits: no branch on the random `agree`.
  return (agree & (u < keepIfAgree)) | (!agree & (u < keepIfDisagree));
}

/** The geometric part of keeping (see the CHECK_ codes). */
// @ts-ignore: decorator
@inline export function passesCheck(rule: i32, label: f64, labelScore: f64, checkScore: f64, margin: f64): bool {
  // & rather than &&: both sides are cheap, and no branch on a random outcome.
  if (rule == CHECK_DIRECTION) return (labelSign(checkScore) == label) & (Math.abs(checkScore) >= margin);
  if (rule == CHECK_LABEL_MARGIN) return Math.abs(labelScore) >= margin;
  return true;
}
