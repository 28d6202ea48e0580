// The problem that Engine.filteredMixtureGram solves, its checks and its block size, shared by
// the wasm engine and the TypeScript reference. See assembly/verified-mixture.ts for the
// numbers it computes and the order in which it consumes the random stream.
import type { F64Block } from "./block.js";
import { checkMixtureRules } from "./mixture-rules.js";

/** How a drawn point gets its label: its class sign s flipped with a probability, or sign(direction . x). */
export type MixtureLabelling =
  | { kind: "flip"; probability: number }
  | { kind: "direction"; direction: F64Block };

/**
 * The geometric part of the keep rule: none; sign(direction . x) must equal the label with
 * |direction . x| >= margin; or |labelling direction . x| >= margin (needs a direction labelling).
 */
export type MixtureCheck =
  | { kind: "none" }
  | { kind: "direction"; direction: F64Block; margin: number }
  | { kind: "labelMargin"; margin: number };

export interface FilteredMixtureProblem {
  /** Dimension of the points. */
  d: number;
  /** Points labelled and filtered by the rules below. */
  nFiltered: number;
  /** Points drawn after them, labelled by their class sign and always kept. */
  nClean: number;
  /** x = z + s * shift * e_0, s = +-1 with equal probability, z ~ N(0, I_d). */
  shift: number;
  labelling: MixtureLabelling;
  /** Probability of keeping a filtered point whose label equals s. */
  keepIfAgree: number;
  /** Probability of keeping a filtered point whose label differs from s. */
  keepIfDisagree: number;
  check: MixtureCheck;
}

/** Among the nFiltered points: how many were kept, and how many of those have label == s. */
export interface FilteredMixtureCounts {
  kept: number;
  keptAgree: number;
}

/** The kernels' numbering of MixtureCheck kinds (assembly/label-keep.ts). */
export const CHECK_CODE = { none: 0, direction: 1, labelMargin: 2 } as const;

/** nFiltered + nClean must fit the kernels' 32-bit counters. */
export const MAX_MIXTURE_POINTS = 2 ** 31 - 1;

/** Target size of one block of points: small enough to stay in a core's L2 cache. */
const BLOCK_BYTES = 128 * 1024;

/** Points per block for dimension d: even, at least 8, at most 512. */
export function filteredMixtureBlockRows(d: number): number {
  const rows = Math.floor(BLOCK_BYTES / (8 * (d + 1)));
  return Math.min(512, Math.max(8, rows - (rows % 2)));
}

/** Rejects a problem the kernels cannot run, before any random number is drawn. */
export function checkFilteredMixtureProblem(problem: FilteredMixtureProblem, g: F64Block, b: F64Block): void {
  const { d, labelling, check } = problem;
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`filteredMixtureGram: d must be a positive integer, got ${d}`);
  checkMixtureRules("filteredMixtureGram", problem, MAX_MIXTURE_POINTS);
  if (labelling.kind === "direction" && labelling.direction.length < d) throw new RangeError(`filteredMixtureGram: the labelling direction needs ${d} entries`);
  if (check.kind === "direction" && check.direction.length < d) throw new RangeError(`filteredMixtureGram: the check direction needs ${d} entries`);
  if (g.length < d * d) throw new RangeError(`filteredMixtureGram: G needs ${d * d} entries, the block holds ${g.length}`);
  if (b.length < d) throw new RangeError(`filteredMixtureGram: b needs ${d} entries, the block holds ${b.length}`);
}
