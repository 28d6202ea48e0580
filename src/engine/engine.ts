// The contract every engine meets: the wasm kernels and the plain-TypeScript reference
// implement the same operations on the same random streams.
import type { FilteredMixtureProblem, FilteredMixtureCounts } from "./filtered-mixture.js";

export type EngineKind = "wasm" | "js";
export type WasmBuild = "release-simd" | "release" | "debug";
export type TypedArray = Float64Array | Int32Array | Uint8Array;

/**
 * Numbers resident in an engine's memory. `view` always reflects the current memory: for the
 * wasm engine it is re-made after memory grows, so a Block made before a growth stays usable.
 * Keep the Block, not a view taken from it, across calls that may allocate.
 */
export interface Block<T extends TypedArray> {
  readonly length: number;
  readonly view: T;
  /** Entries [offset, offset + length) as a Block sharing this one's memory (not separately freed). */
  slice(offset: number, length: number): Block<T>;
  /** Copies `values` into the block starting at `offset`. */
  set(values: ArrayLike<number>, offset?: number): void;
  /** A copy of the values that outlives the block. */
  toArray(): T;
  /** Returns the memory to the engine; the block must not be used afterwards. */
  free(): void;
}

export type F64Block = Block<Float64Array>;
export type I32Block = Block<Int32Array>;
export type U8Block = Block<Uint8Array>;

/** A seeded random stream living in an engine's memory (see assembly/rng-state.ts). */
export interface RandomStream {
  readonly seed: bigint;
  readonly stream: number;
  /** The stream's state words (lanes, cursor, buffer): equal across engines for equal histories. */
  stateWords(): Uint32Array;
  free(): void;
}

// ---- Filtered categorical refitting (the weak-data scenario's kernels, assembly/weak-data.ts) ----

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

export interface Engine {
  readonly kind: EngineKind;
  /** Which code runs the kernels: a wasm build's name, or "reference". */
  readonly build: WasmBuild | "reference";

  f64(length: number): F64Block;
  i32(length: number): I32Block;
  u8(length: number): U8Block;
  /** A stream for a 64-bit seed (0 <= seed < 2^64) and a stream number (0 <= stream < 2^32). */
  stream(seed: bigint | number, stream?: number): RandomStream;

  fillUniform(rng: RandomStream, out: F64Block, n?: number): void;
  fillNormal(rng: RandomStream, out: F64Block, n?: number): void;
  fillBernoulli(rng: RandomStream, out: U8Block, p: number, n?: number): void;
  /** Categories drawn from a cumulative table (cdf[j] = p_0 + ... + p_j, total need not be 1). */
  fillCategorical(rng: RandomStream, out: I32Block, cdf: F64Block, n?: number): void;
  fillGamma(rng: RandomStream, out: F64Block, shape: number, n?: number): void;
  fillChiSquare(rng: RandomStream, out: F64Block, dof: number, n?: number): void;

  dot(x: F64Block, y: F64Block, n?: number): number;
  axpy(a: number, x: F64Block, y: F64Block, n?: number): void;
  scale(a: number, x: F64Block, n?: number): void;
  /** y = A x, A of rows x cols, row-major. */
  gemv(a: F64Block, x: F64Block, y: F64Block, rows: number, cols: number): void;
  /** Upper triangle of G += X^T X and b += X^T y over `rows` rows of X (rows x d). */
  gramAccumulate(x: F64Block, y: F64Block, rows: number, d: number, g: F64Block, b: F64Block): void;
  /** Copies G's upper triangle into its lower one. */
  gramSymmetrize(g: F64Block, d: number): void;
  /** Factorises A + ridge I in place (lower triangle); 0, or 1 + the first non-positive pivot. */
  cholesky(a: F64Block, d: number, ridge: number): number;
  /** Solves L L^T x = b in place with L from cholesky. */
  choleskySolve(l: F64Block, d: number, b: F64Block): void;

  // Fused loops of scenarios, named by what they compute (the engine knows nothing of the
  // scenarios' meaning). One group per scenario.

  // verified-mixture (issue 3)
  /**
   * Draws problem.nFiltered + problem.nClean points of a two-class Gaussian mixture from rng,
   * labels and filters them (FilteredMixtureProblem), and adds the kept points' X^T X (upper
   * triangle, see gramSymmetrize) to g and X^T labels to b, unnormalised, in O(block * d + d^2)
   * memory. assembly/verified-mixture.ts documents the rules and the stream order.
   */
  filteredMixtureGram(rng: RandomStream, problem: FilteredMixtureProblem, g: F64Block, b: F64Block): FilteredMixtureCounts;
  // ---- Filtered categorical refitting (weak-data) ----
  /** Fills a table of categorical rows (see BetaCategoricalRows). */
  fillBetaCategoricalRows(rng: RandomStream, table: F64Block, shape: BetaCategoricalRows): void;
  /** Accuracy (mean p0), solved and unsolved fractions, mean entropy and Gini diversity into stats (CATEGORICAL_STATS). */
  categoricalRowStats(table: F64Block, rows: number, cols: number, epsilon: number, stats: F64Block): void;
  /** One round: sample, filter, allocate labels, refit every row; all CATEGORICAL_STATS of the new table into stats. */
  refitCategoricalRows(rng: RandomStream, buffers: CategoricalRefitBuffers, round: CategoricalRefitRound, stats: F64Block): void;
}
