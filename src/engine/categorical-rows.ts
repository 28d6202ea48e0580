// The problem of the filtered categorical refit kernels (the weak-data scenario's loops,
// assembly/weak-data.ts): a table of categorical rows, one round's rules, the resident buffers,
// and the kernels' codes and layouts. Checks and allocation are in categorical-refit.ts.
import type { F64Block, I32Block } from "./block.js";

/** How a round's labels are spread over rows; the numbers are the kernels' codes. */
export const LABEL_ALLOCATION = { none: 0, "replace-rejected": 1, uniform: 2, proportional: 3, hardest: 4 } as const;
export type LabelAllocation = keyof typeof LABEL_ALLOCATION;
export const LABEL_ALLOCATIONS = Object.keys(LABEL_ALLOCATION) as [LabelAllocation, ...LabelAllocation[]];

/** Where each statistic lands in the stats block of categoricalRowStats and refitCategoricalRows. */
export const CATEGORICAL_STATS = {
  accuracy: 0, solvedFraction: 1, unsolved: 2, acceptedFraction: 3, labels: 4, entropy: 5, gini: 6,
} as const;
export const CATEGORICAL_STATS_LENGTH = 7;

/** f64 entries of the refit workspace: two histograms of 16-bit digits; it also holds one row's counts. */
export const CATEGORICAL_REFIT_WORKSPACE = 2 * 65536;
export const MAX_CATEGORICAL_COLS = 65536;
/** Samples per row per round: the workspace counts rows by rejections (0..samples) beside rows by streak. */
export const MAX_CATEGORICAL_SAMPLES = 65536;

/** A table of categorical rows whose entry 0 is Beta(betaA, betaB) (0 in the first zeroRows rows). */
export interface BetaCategoricalRows {
  rows: number;
  cols: number;
  zeroRows: number;
  betaA: number;
  betaB: number;
  /** The rest of a row's mass in Dirichlet(1) shares over entries 1..cols-1, else evenly. */
  dirichletTail: boolean;
}

/** The resident arrays of refitCategoricalRows (layout in assembly/weak-data.ts). */
export interface CategoricalRefitBuffers {
  /** rows x cols, row-major; entry 0 of a row is its correct outcome. */
  table: F64Block;
  /** rows: consecutive rounds with a rejected sample (kept across rounds, start at 0). */
  streak: I32Block;
  /** rows: rejected samples of the last round (expected rejections in expected mode). */
  rejected: F64Block;
  /** rows: labels received in the last round. */
  labels: F64Block;
  /** rows x samples: kept outcomes (unused in expected mode, may be empty). */
  kept: I32Block;
  /** CATEGORICAL_REFIT_WORKSPACE entries of scratch. */
  workspace: F64Block;
}

/** One round of refitCategoricalRows. */
export interface CategoricalRefitRound {
  rows: number;
  cols: number;
  samples: number;
  /** Probability that the filter keeps a wrong sample. */
  gamma: number;
  /** Probability that the filter rejects a correct sample. */
  rho: number;
  /** Probability that a label is the correct outcome (else a uniformly chosen wrong one). */
  beta: number;
  allocation: LabelAllocation;
  /** Labels on offer this round: an integer in sampling mode; Infinity for no limit (not for uniform, proportional); replace-rejected ignores it. */
  budget: number;
  /** Weight of the new data in the refit mixture, in (0, 1]. */
  alpha: number;
  /** The infinite-sample limit: expectations instead of draws. */
  expected: boolean;
  /** A row counts as solved when p0 >= 1 - epsilon. */
  epsilon: number;
}
