// The contract every engine meets: the wasm kernels and the plain-TypeScript reference
// implement the same operations on the same random streams.
import type { FilteredMixtureProblem, FilteredMixtureCounts } from "./filtered-mixture.js";
import type { ProjectedMixtureProblem } from "./projected-mixture.js";
import type { F64Block, I32Block, U8Block, RandomStream } from "./block.js";
import type { BetaCategoricalRows, CategoricalRefitBuffers, CategoricalRefitRound } from "./categorical-rows.js";

export type { Block, F64Block, I32Block, U8Block, RandomStream, TypedArray } from "./block.js";
export type EngineKind = "wasm" | "js";
export type WasmBuild = "release-simd" | "release" | "debug";
export interface Engine {
  readonly kind: EngineKind;
  /** Which code runs the kernels: a wasm build's name, or "reference". */
  readonly build: WasmBuild | "reference";

  /**
   * A zero-filled block. On the wasm engine a RangeError says when memory is exhausted (wasm32
   * holds at most 4 GiB); that engine must not be used again afterwards (see allocateBytes).
   */
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

  // verified-mixture, exact sufficient statistics (issue 6): the kept points' X^T X and X^T y
  // drawn exactly in O(m k + d^3) instead of O(m d^2).
  /**
   * The same points, labels and keep rule as filteredMixtureGram, drawn only through their k <= 3
   * coordinates p in an orthonormal frame (ProjectedMixtureProblem): sets moments ((k+1) x (k+1),
   * row-major, symmetric) to M^T M over the kept points, M's rows being (p, label), in O(m k)
   * time and O(1) memory; with label-only rules (flip labels, no check) in one uniform per
   * point. Counts are f64, so up to 2^53 points. Bit-identical in every build and the
   * reference; assembly/projected-mixture.ts documents the stream order.
   */
  projectedMixtureMoments(rng: RandomStream, problem: ProjectedMixtureProblem, moments: F64Block): FilteredMixtureCounts;
  /**
   * A Wishart_p(dof, I) draw (the law of Z^T Z, Z a dof x p standard normal matrix) written into
   * out, both triangles, row i at out[i * stride] (stride defaults to p, so a block of a larger
   * matrix can be filled in place). dof > p - 1: the Bartlett decomposition, O(p^3) whatever
   * dof; an integer dof in [0, p - 1]: the Gram matrix of dof drawn rows. Bit-identical in every
   * build and the reference (assembly/wishart.ts).
   */
  fillWishart(rng: RandomStream, out: F64Block, p: number, dof: number, stride?: number): void;

  // ---- Filtered categorical refitting (weak-data) ----
  /** Fills a table of categorical rows (see BetaCategoricalRows). */
  fillBetaCategoricalRows(rng: RandomStream, table: F64Block, shape: BetaCategoricalRows): void;
  /** Accuracy (mean p0), solved and unsolved fractions, mean entropy and Gini diversity into stats (CATEGORICAL_STATS). */
  categoricalRowStats(table: F64Block, rows: number, cols: number, epsilon: number, stats: F64Block): void;
  /** One round: sample, filter, allocate labels, refit every row; all CATEGORICAL_STATS of the new table into stats. */
  refitCategoricalRows(rng: RandomStream, buffers: CategoricalRefitBuffers, round: CategoricalRefitRound, stats: F64Block): void;
}
