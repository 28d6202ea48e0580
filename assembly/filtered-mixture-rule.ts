// The per-point rule of the filtered mixture: a point's candidate labels, which one is selected
// and whether it is kept, from its class sign s, its uniform draws and its projections on at
// most two directions. Nothing else of the point enters, so a kernel that draws only those
// projections (filteredMixtureMoments) applies the rule unchanged. The codes are in
// src/engine/constants/filtered-mixture.ts; src/engine/reference/filtered-mixture-rule.ts is
// the same rule in TypeScript.
import { LABEL_FLIP, LABEL_SAMPLED, CHECK_DIRECTION, CHECK_LABEL_MARGIN } from "../src/engine/constants/filtered-mixture";
import { at } from "./address";
import { detExp } from "./math";

/**
 * sign with sign(0) = +1, so a zero direction labels every point +1. In integer arithmetic:
 * V8 compiles an f64 select to a branch, which mispredicts on random scores.
 */
// @ts-ignore: decorator
@inline export function labelSign(score: f64): f64 {
  return <f64>((<i32>(score >= 0) << 1) - 1);
}

/** Whether a candidate's label consumes a uniform: flipped and sampled labels do, direction labels do not. */
// @ts-ignore: decorator
@inline export function labelNeedsDraw(labelRule: i32): bool {
  return labelRule == LABEL_FLIP || labelRule == LABEL_SAMPLED;
}

/**
 * Whether the acceptance step consumes a uniform: only when a probability lies strictly
 * between 0 and 1. Otherwise `accepted` is called with u = 0, which gives the same answer.
 */
// @ts-ignore: decorator
@inline export function acceptanceNeedsDraw(keepIfAgree: f64, keepIfDisagree: f64): bool {
  return (keepIfAgree > 0 && keepIfAgree < 1) || (keepIfDisagree > 0 && keepIfDisagree < 1);
}

/** The probability that a sampled label is +1: sigma(sharpness * score) = 1 / (1 + e^(-sharpness * score)). */
// @ts-ignore: decorator
@inline export function plusProbability(sharpness: f64, score: f64): f64 {
  return 1.0 / (1.0 + detExp(-(sharpness * score)));
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

/**
 * A candidate's label from its uniform u: LABEL_FLIP: -s if u < flipProb, else s;
 * LABEL_DIRECTION: sign(labelScore), u unused; LABEL_SAMPLED: +1 if u < plus, else -1.
 */
// @ts-ignore: decorator
@inline function candidateLabel(labelRule: i32, s: f64, u: f64, flipProb: f64, plus: f64, labelScore: f64): f64 {
  if (labelRule == LABEL_FLIP) return s * <f64>(1 - (<i32>(u < flipProb) << 1));
  if (labelRule == LABEL_SAMPLED) return <f64>((<i32>(u < plus) << 1) - 1);
  return labelSign(labelScore);
}

// selectCandidate's other two results, read by its caller right after the call. Module globals
// rather than a packed integer: packing and unpacking cost a quarter of the point-by-point
// moments pass (27% against 14% for the globals, measured on a direction labelling and check).
/** Whether the last selectCandidate keeps its point. */
export let selectionKept = false;
/** How many of the last selectCandidate's candidates carry the label s. */
export let selectionCorrect = 0;

/**
 * Offers a point k candidate labels and selects one (best-of-k; k = 1 is plain filtering):
 * candidate c takes its label from labelUniforms[c] (candidateLabel; plus = the sampled
 * rule's probability of +1) and passes when its acceptance draw acceptUniforms[c] (read as 0
 * when drawAcceptance is false) and the check pass. The first candidate of the highest rank
 * is selected, the rank being 2 if it passes, plus 1, for a CHECK_LABEL_MARGIN (self) check
 * only, if its label is the generator's own most likely one, sign(labelScore). So a
 * label-only verifier takes the first candidate it accepts, a direction check the first whose
 * label its direction agrees with, self-selection the first that agrees with the generator,
 * and nothing passing, the point is dropped. Returns the selected label, and sets
 * selectionKept and selectionCorrect (how many candidates have label s). Branch-free over
 * the candidates.
 */
// @ts-ignore: decorator
@inline export function selectCandidate(
  k: i32, s: f64, labelRule: i32, flipProb: f64, plus: f64, labelScore: f64,
  labelUniforms: usize, acceptUniforms: usize, drawAcceptance: bool,
  keepIfAgree: f64, keepIfDisagree: f64, checkRule: i32, checkScore: f64, margin: f64,
): f64 {
  // The first candidate outright (all there is when filtering), then the others against it.
  let label = candidateLabel(labelRule, s, load<f64>(labelUniforms), flipProb, plus, labelScore);
  let kept = accepted(label == s, drawAcceptance ? load<f64>(acceptUniforms) : 0.0, keepIfAgree, keepIfDisagree)
    & passesCheck(checkRule, label, labelScore, checkScore, margin);
  let correct = <i32>(label == s);
  if (k > 1) {
    const own = labelSign(labelScore);
    const prefersOwn = checkRule == CHECK_LABEL_MARGIN;
    let best = (<i32>kept << 1) | <i32>(prefersOwn & (label == own));
    for (let c = 1; c < k; c++) {
      const candidate = candidateLabel(labelRule, s, load<f64>(at(labelUniforms, c)), flipProb, plus, labelScore);
      const u = drawAcceptance ? load<f64>(at(acceptUniforms, c)) : 0.0;
      const passes = accepted(candidate == s, u, keepIfAgree, keepIfDisagree) & passesCheck(checkRule, candidate, labelScore, checkScore, margin);
      const rank = (<i32>passes << 1) | <i32>(prefersOwn & (candidate == own));
      const better = rank > best;
      best = select<i32>(rank, best, better);
      label = select<f64>(candidate, label, better);
      kept = select<bool>(passes, kept, better);
      correct += <i32>(candidate == s);
    }
  }
  selectionKept = kept;
  selectionCorrect = correct;
  return label;
}
