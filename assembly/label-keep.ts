// The per-point rule of a filtered, labelled two-class mixture: a point's assigned label and
// whether it is kept, from its class sign s, its uniform draws and its projections on at most
// two directions. Nothing else of the point enters, so a sampler that draws only those
// projections (exact sufficient statistics) can reuse the rule unchanged.
// src/engine/reference/label-keep.ts is the same rule in TypeScript.

/** No geometric check: the acceptance draw alone decides. */
// @ts-ignore: decorator
@inline export const CHECK_NONE: i32 = 0;
/** Kept iff sign(check score) equals the label and |check score| >= margin. */
// @ts-ignore: decorator
@inline export const CHECK_DIRECTION: i32 = 1;
/** Kept iff |label score| >= margin (the labelling direction's own margin). */
// @ts-ignore: decorator
@inline export const CHECK_LABEL_MARGIN: i32 = 2;

/** sign with sign(0) = +1, so a zero direction labels every point +1. */
// @ts-ignore: decorator
@inline export function labelSign(score: f64): f64 {
  return score >= 0 ? 1.0 : -1.0;
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
  const p = agree ? keepIfAgree : keepIfDisagree;
  return u < p;
}

/** The geometric part of keeping (see the CHECK_ constants). */
// @ts-ignore: decorator
@inline export function passesCheck(rule: i32, label: f64, labelScore: f64, checkScore: f64, margin: f64): bool {
  if (rule == CHECK_DIRECTION) return labelSign(checkScore) == label && Math.abs(checkScore) >= margin;
  if (rule == CHECK_LABEL_MARGIN) return Math.abs(labelScore) >= margin;
  return true;
}
