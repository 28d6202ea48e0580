// The filtered mixture: points of a two-class Gaussian mixture, labelled and kept or dropped by
// rules, whose kept points three kernels hand on: filteredMixtureGram (X^T X and X^T y in d
// dimensions), filteredMixtureRows (the kept points themselves) and filteredMixtureMoments (the
// moments of the points' coordinates in a frame of k <= 3 vectors). Here: the problems as the
// engine API takes them, their checks (the same for every engine, before any random number is
// drawn) and the kernels' arguments.
// assembly/filtered-mixture-*.ts documents what the kernels compute and the order in which
// they consume the random stream.
import type { F64Block } from "./block.js";
import {
  LABEL_FLIP, LABEL_DIRECTION, LABEL_SAMPLED, CHECK_NONE, CHECK_DIRECTION, CHECK_LABEL_MARGIN, MAX_FRAME_DIMENSION, MAX_CANDIDATES,
} from "./constants/filtered-mixture.js";

export { MAX_FRAME_DIMENSION, MAX_CANDIDATES };

/**
 * How a drawn point's candidate labels are made: its class sign s flipped with a probability;
 * sign(direction . x); or drawn, +1 with probability sigma(sharpness * direction . x) (sigma the
 * logistic function). D is how a direction is given (a block of d entries, or k frame coordinates).
 */
export type Labelling<D> =
  | { kind: "flip"; probability: number }
  | { kind: "direction"; direction: D }
  | { kind: "sampled"; direction: D; sharpness: number };

/**
 * The geometric part of the keep rule: none; sign(direction . x) must equal the label with
 * |direction . x| >= margin; or |labelling direction . x| >= margin (needs a labelling with a
 * direction), which among several candidates prefers the labelling direction's own sign.
 */
export type Check<D> =
  | { kind: "none" }
  | { kind: "direction"; direction: D; margin: number }
  | { kind: "labelMargin"; margin: number };

/** The rules both kernels share: which points are drawn, how they are labelled and which are kept. */
export interface MixtureRules<D> {
  /** Points labelled and filtered by the rules. */
  nFiltered: number;
  /** Points drawn after them, labelled by their class sign and always kept. */
  nClean: number;
  /** x = z + s * shift * e_0, s = +-1 with equal probability, z ~ N(0, I). */
  shift: number;
  labelling: Labelling<D>;
  /**
   * Candidate labels offered per filtered point (default 1, plain filtering): the first one
   * the verifier keeps is taken (assembly/filtered-mixture-rule.ts), up to MAX_CANDIDATES.
   */
  candidates?: number;
  /** Probability of keeping a filtered point whose label equals s. */
  keepIfAgree: number;
  /** Probability of keeping a filtered point whose label differs from s. */
  keepIfDisagree: number;
  check: Check<D>;
}

export type MixtureLabelling = Labelling<F64Block>;
export type MixtureCheck = Check<F64Block>;

/** filteredMixtureGram's problem: points in d dimensions, directions as blocks of d entries. */
export interface FilteredMixtureProblem extends MixtureRules<F64Block> {
  d: number;
}

export type FrameLabelling = Labelling<readonly number[]>;
export type FrameCheck = Check<readonly number[]>;

/**
 * filteredMixtureMoments's problem: the points of a FilteredMixtureProblem seen through an
 * orthonormal frame of k vectors whose first is the shift direction e_0 and whose span holds
 * the labelling and check directions: p = (z_0 + s * shift, z_1, .., z_{k-1}), z ~ N(0, I_k),
 * directions given by their k coordinates. The labels and keep decisions are those of
 * filteredMixtureGram in d dimensions; the other d - k coordinates of the points are i.i.d.
 * N(0, 1), independent of p, s and of what is kept.
 */
export interface FilteredMixtureMomentsProblem extends MixtureRules<readonly number[]> {
  /** Frame dimension, 1 to MAX_FRAME_DIMENSION. */
  k: number;
}

/**
 * Among the nFiltered points: how many were kept, how many of those have label == s, and how
 * many of their candidate labels (candidates per point) equal s, kept or not.
 */
export interface FilteredMixtureCounts {
  kept: number;
  keptAgree: number;
  candidatesAgree: number;
}

/** Entries of the kernels' counts block: FilteredMixtureCounts in order. */
export const COUNTS = 3;

/** The counts a kernel wrote into its counts block. */
export function countsOf(counts: F64Block): FilteredMixtureCounts {
  const [kept, keptAgree, candidatesAgree] = counts.view;
  return { kept, keptAgree, candidatesAgree };
}

/** The kernels' codes for the rules. */
export const LABEL_CODE = { flip: LABEL_FLIP, direction: LABEL_DIRECTION, sampled: LABEL_SAMPLED } as const;
export const CHECK_CODE = { none: CHECK_NONE, direction: CHECK_DIRECTION, labelMargin: CHECK_LABEL_MARGIN } as const;

/** filteredMixtureGram counts points in 32-bit integers. */
export const MAX_GRAM_POINTS = 2 ** 31 - 1;
/** filteredMixtureMoments counts in f64: integers up to 2^53 are exact. */
export const MAX_MOMENTS_POINTS = Number.MAX_SAFE_INTEGER;

/** Target size of one block of points: small enough to stay in a core's L2 cache. */
const BLOCK_BYTES = 128 * 1024;

/** Points per block of filteredMixtureGram for dimension d: even, at least 8, at most 512. */
export function gramBlockRows(d: number): number {
  const rows = Math.floor(BLOCK_BYTES / (8 * (d + 1)));
  return Math.min(512, Math.max(8, rows - (rows % 2)));
}

/** Rejects rules the kernel named `kernel` cannot run; directions are the caller's to check. */
function checkRules<D>(kernel: string, rules: MixtureRules<D>, maxPoints: number): void {
  const { nFiltered, nClean, shift, labelling, check } = rules;
  const fail = (message: string) => {
    throw new RangeError(`${kernel}: ${message}`);
  };
  const probability = (name: string, p: number) => {
    if (!(p >= 0 && p <= 1)) fail(`${name} must be in [0, 1], got ${p}`);
  };
  for (const [name, n] of [["nFiltered", nFiltered], ["nClean", nClean]] as const) {
    if (!Number.isInteger(n) || n < 0) fail(`${name} must be a non-negative integer, got ${n}`);
  }
  if (nFiltered + nClean > maxPoints) fail(`nFiltered + nClean must be at most ${maxPoints}, got ${nFiltered + nClean}`);
  if (!Number.isFinite(shift)) fail(`shift must be finite, got ${shift}`);
  probability("keepIfAgree", rules.keepIfAgree);
  probability("keepIfDisagree", rules.keepIfDisagree);
  if (labelling.kind === "flip") probability("flip probability", labelling.probability);
  if (labelling.kind === "sampled" && !(labelling.sharpness >= 0 && labelling.sharpness < Infinity)) {
    fail(`sharpness must be finite and >= 0, got ${labelling.sharpness}`);
  }
  const candidates = rules.candidates ?? 1;
  if (!Number.isInteger(candidates) || candidates < 1 || candidates > MAX_CANDIDATES) {
    fail(`candidates must be an integer in [1, ${MAX_CANDIDATES}], got ${candidates}`);
  }
  if (check.kind !== "none" && !(check.margin >= 0)) fail(`margin must be >= 0, got ${check.margin}`);
  if (check.kind === "labelMargin" && labelling.kind === "flip") fail("a labelMargin check needs a labelling with a direction");
}

/** The labelling's kernel arguments: its code, flip probability and sharpness (0 where unused). */
export function labellingArguments<D>(labelling: Labelling<D>): { code: number; flipProb: number; sharpness: number } {
  return {
    code: LABEL_CODE[labelling.kind],
    flipProb: labelling.kind === "flip" ? labelling.probability : 0,
    sharpness: labelling.kind === "sampled" ? labelling.sharpness : 0,
  };
}

/** Rejects a problem in d dimensions (filteredMixtureGram, filteredMixtureRows) its kernel cannot run. */
function checkPointsProblem(kernel: string, problem: FilteredMixtureProblem): void {
  const { d, labelling, check } = problem;
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`${kernel}: d must be a positive integer, got ${d}`);
  checkRules(kernel, problem, MAX_GRAM_POINTS);
  if (labelling.kind !== "flip" && labelling.direction.length < d) throw new RangeError(`${kernel}: the labelling direction needs ${d} entries`);
  if (check.kind === "direction" && check.direction.length < d) throw new RangeError(`${kernel}: the check direction needs ${d} entries`);
}

/** A block of at least `length` entries, or a RangeError naming the kernel and the buffer. */
function checkCapacity(kernel: string, name: string, block: F64Block, length: number): void {
  if (block.length < length) throw new RangeError(`${kernel}: ${name} needs ${length} entries, the block holds ${block.length}`);
}

export function checkGramProblem(problem: FilteredMixtureProblem, g: F64Block, b: F64Block): void {
  const kernel = "filteredMixtureGram", { d } = problem;
  checkPointsProblem(kernel, problem);
  checkCapacity(kernel, "G", g, d * d);
  checkCapacity(kernel, "b", b, d);
}

export function checkRowsProblem(problem: FilteredMixtureProblem, rows: F64Block, labels: F64Block): void {
  const kernel = "filteredMixtureRows", { d, nFiltered, nClean } = problem;
  checkPointsProblem(kernel, problem);
  checkCapacity(kernel, "rows", rows, (nFiltered + nClean) * d);
  checkCapacity(kernel, "labels", labels, nFiltered + nClean);
}

export function checkMomentsProblem(problem: FilteredMixtureMomentsProblem, moments: F64Block): void {
  const { k, labelling, check } = problem;
  const kernel = "filteredMixtureMoments";
  if (!Number.isInteger(k) || k < 1 || k > MAX_FRAME_DIMENSION) {
    throw new RangeError(`${kernel}: k must be an integer in [1, ${MAX_FRAME_DIMENSION}], got ${k}`);
  }
  checkRules(kernel, problem, MAX_MOMENTS_POINTS);
  const coordinates = (name: string, direction: readonly number[]) => {
    if (direction.length !== k || !direction.every(Number.isFinite)) {
      throw new RangeError(`${kernel}: the ${name} direction needs ${k} finite coordinates, got [${direction.join(", ")}]`);
    }
  };
  if (labelling.kind !== "flip") coordinates("labelling", labelling.direction);
  if (check.kind === "direction") coordinates("check", check.direction);
  checkCapacity(kernel, "moments", moments, (k + 1) ** 2);
}

/** A direction's k frame coordinates padded with zeros to MAX_FRAME_DIMENSION (the kernels' fixed layout). */
export function paddedCoordinates(direction: readonly number[] | null): [number, number, number] {
  return [direction?.[0] ?? 0, direction?.[1] ?? 0, direction?.[2] ?? 0];
}
