// The problem that Engine.projectedMixtureMoments solves and its checks, shared by the wasm
// engine and the TypeScript reference. See assembly/projected-mixture.ts for the numbers it
// computes and the order in which it consumes the random stream.
import type { F64Block } from "./block.js";
import { CHECK_CODE } from "./filtered-mixture.js";
import { checkMixtureRules } from "./mixture-rules.js";

/** Frame coordinates a point is drawn through: the shift direction and at most two more. */
export const MAX_PROJECTED_DIMENSION = 3;

/** Point counts are f64 in the kernels: integers up to 2^53 are exact. */
export const MAX_PROJECTED_POINTS = Number.MAX_SAFE_INTEGER;

/**
 * How a point gets its label: its class sign s flipped with a probability, or sign(direction . p)
 * for a direction given by its k frame coordinates.
 */
export type ProjectedLabelling =
  | { kind: "flip"; probability: number }
  | { kind: "direction"; direction: readonly number[] };

/** The geometric part of the keep rule, as in MixtureCheck, with a direction given by its k frame coordinates. */
export type ProjectedCheck =
  | { kind: "none" }
  | { kind: "direction"; direction: readonly number[]; margin: number }
  | { kind: "labelMargin"; margin: number };

/**
 * The points of a FilteredMixtureProblem seen through an orthonormal frame of k vectors whose
 * first is the shift direction e_0 and whose span holds the labelling and check directions:
 * p = (z_0 + s * shift, z_1, .., z_{k-1}), z ~ N(0, I_k). The labels and keep decisions are
 * those of filteredMixtureGram in d dimensions; the other d - k coordinates of the points are
 * i.i.d. N(0, 1), independent of p, s and of what is kept.
 */
export interface ProjectedMixtureProblem {
  /** Frame dimension, 1 to MAX_PROJECTED_DIMENSION. */
  k: number;
  /** Points labelled and filtered by the rules below. */
  nFiltered: number;
  /** Points drawn after them, labelled by their class sign and always kept. */
  nClean: number;
  shift: number;
  labelling: ProjectedLabelling;
  keepIfAgree: number;
  keepIfDisagree: number;
  check: ProjectedCheck;
}

/** A direction's k coordinates padded with zeros to three (the kernels' fixed layout). */
export function paddedCoordinates(direction: readonly number[] | null): [number, number, number] {
  return [direction?.[0] ?? 0, direction?.[1] ?? 0, direction?.[2] ?? 0];
}

function coordinates(name: string, direction: readonly number[], k: number): void {
  if (direction.length !== k || !direction.every(Number.isFinite)) {
    throw new RangeError(`projectedMixtureMoments: the ${name} direction needs ${k} finite coordinates, got [${direction.join(", ")}]`);
  }
}

/** Rejects a problem the kernels cannot run, before any random number is drawn. */
export function checkProjectedMixtureProblem(problem: ProjectedMixtureProblem, moments: F64Block): void {
  const { k, labelling, check } = problem;
  if (!Number.isInteger(k) || k < 1 || k > MAX_PROJECTED_DIMENSION) {
    throw new RangeError(`projectedMixtureMoments: k must be an integer in [1, ${MAX_PROJECTED_DIMENSION}], got ${k}`);
  }
  checkMixtureRules("projectedMixtureMoments", problem, MAX_PROJECTED_POINTS);
  if (labelling.kind === "direction") coordinates("labelling", labelling.direction, k);
  if (check.kind === "direction") coordinates("check", check.direction, k);
  if (moments.length < (k + 1) ** 2) throw new RangeError(`projectedMixtureMoments: moments needs ${(k + 1) ** 2} entries, the block holds ${moments.length}`);
}

/** The kernels' arguments for a checked problem, in their order after the stream. */
export function projectedMixtureArguments(problem: ProjectedMixtureProblem) {
  const { labelling, check } = problem;
  return {
    k: problem.k, nFiltered: problem.nFiltered, nClean: problem.nClean, shift: problem.shift,
    labelRule: labelling.kind === "direction" ? 1 : 0,
    flipProb: labelling.kind === "flip" ? labelling.probability : 0,
    c: paddedCoordinates(labelling.kind === "direction" ? labelling.direction : null),
    keepIfAgree: problem.keepIfAgree, keepIfDisagree: problem.keepIfDisagree,
    checkRule: CHECK_CODE[check.kind],
    v: paddedCoordinates(check.kind === "direction" ? check.direction : null),
    margin: check.kind === "none" ? 0 : check.margin,
  };
}
