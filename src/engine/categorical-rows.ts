// The categorical rows: a table of categorical distributions, one row per prompt with entry 0
// the correct outcome, that a round samples, filters, labels and refits. Here: the problem as
// the engine API takes it (the table's shape, one round's rules, the resident buffers), the
// kernels' codes and stats indices by name, the checks (the same for every engine), and the
// buffers' sizes. assembly/categorical-rows-*.ts documents what the kernels compute and the
// order in which they consume the random stream.
import type { F64Block, I32Block } from "./block.js";
import { allocateGroup } from "./block-group.js";
import { checkInteger, checkProbability, fail } from "./kernel-checks.js";
import {
  ALLOCATE_NONE, ALLOCATE_REPLACE_REJECTED, ALLOCATE_UNIFORM, ALLOCATE_PROPORTIONAL, ALLOCATE_HARDEST, ALLOCATE_RESAMPLE,
  STAT_ACCURACY, STAT_SOLVED, STAT_UNSOLVED, STAT_ACCEPTED, STAT_LABELS, STAT_ENTROPY, STAT_GINI, STAT_EXTRA_SAMPLES, STATS_LENGTH,
  REFIT_WORKSPACE_LENGTH, MAX_CATEGORICAL_COLS, MAX_CATEGORICAL_SAMPLES,
} from "./constants/categorical-rows.js";

export { MAX_CATEGORICAL_COLS, MAX_CATEGORICAL_SAMPLES };

/**
 * How a round's labels are spread over rows, by name, with the kernels' codes. resample spends
 * hardest's amounts on extra samples of the row, filtered like the others, instead of labels.
 */
export const LABEL_ALLOCATION = {
  none: ALLOCATE_NONE,
  "replace-rejected": ALLOCATE_REPLACE_REJECTED,
  uniform: ALLOCATE_UNIFORM,
  proportional: ALLOCATE_PROPORTIONAL,
  hardest: ALLOCATE_HARDEST,
  resample: ALLOCATE_RESAMPLE,
} as const;
export type LabelAllocation = keyof typeof LABEL_ALLOCATION;
export const LABEL_ALLOCATIONS = Object.keys(LABEL_ALLOCATION) as [LabelAllocation, ...LabelAllocation[]];

/** Where each statistic lands in the stats block of categoricalRowStats and refitCategoricalRows. */
export const CATEGORICAL_STATS = {
  accuracy: STAT_ACCURACY,
  solvedFraction: STAT_SOLVED,
  unsolved: STAT_UNSOLVED,
  acceptedFraction: STAT_ACCEPTED,
  labels: STAT_LABELS,
  entropy: STAT_ENTROPY,
  gini: STAT_GINI,
  extraSamples: STAT_EXTRA_SAMPLES,
} as const;
export const CATEGORICAL_STATS_LENGTH = STATS_LENGTH;

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

/** The resident arrays of refitCategoricalRows (layout in assembly/categorical-rows-refit.ts). */
export interface CategoricalRefitBuffers {
  /** rows x cols, row-major; entry 0 of a row is its correct outcome. */
  table: F64Block;
  /** rows: consecutive rounds with a rejected sample (kept across rounds, start at 0). */
  streak: I32Block;
  /** rows: rejected samples of the last round (expected rejections in expected mode). */
  rejected: F64Block;
  /** rows: labels received in the last round (extra samples drawn, for resample). */
  labels: F64Block;
  /** rows x samples: kept outcomes (unused in expected mode, may be empty). */
  kept: I32Block;
  /** REFIT_WORKSPACE_LENGTH entries of scratch. */
  workspace: F64Block;
}

/** How a round curates the rows' samples: draws, filter, labels (refitCategoricalRows, curateSoftmaxModel). */
export interface CategoricalCuration {
  samples: number;
  /** Probability that the filter keeps a wrong sample. */
  gamma: number;
  /** Probability that the filter rejects a correct sample. */
  rho: number;
  /** Probability that a label is the correct outcome (else a uniformly chosen wrong one). */
  beta: number;
  allocation: LabelAllocation;
  /** Labels (or extra samples) on offer this round: an integer in sampling mode; Infinity for no limit (not for uniform, proportional); replace-rejected ignores it. */
  budget: number;
}

/** One round of refitCategoricalRows. */
export interface CategoricalRefitRound extends CategoricalCuration {
  rows: number;
  cols: number;
  /** Weight of the new data in the refit mixture, in (0, 1]. */
  alpha: number;
  /** The infinite-sample limit: expectations instead of draws. */
  expected: boolean;
  /** A row counts as solved when p0 >= 1 - epsilon. */
  epsilon: number;
}

/** Rows and columns of a table: the kernels index rows x cols with 32-bit integers. */
export function checkTable(kernel: string, rows: number, cols: number): void {
  checkInteger(kernel, "rows", rows, 1, 2 ** 31 - 1);
  checkInteger(kernel, "cols", cols, 2, MAX_CATEGORICAL_COLS);
}

export function checkBetaCategoricalRows(shape: BetaCategoricalRows): void {
  const kernel = "fillBetaCategoricalRows";
  checkTable(kernel, shape.rows, shape.cols);
  checkInteger(kernel, "zeroRows", shape.zeroRows, 0, shape.rows);
  if (!(shape.betaA > 0 && Number.isFinite(shape.betaA))) fail(kernel, "betaA", shape.betaA, "a finite number > 0");
  if (!(shape.betaB > 0 && Number.isFinite(shape.betaB))) fail(kernel, "betaB", shape.betaB, "a finite number > 0");
}

export function checkRowStats(rows: number, cols: number, epsilon: number): void {
  checkTable("categoricalRowStats", rows, cols);
  if (!(epsilon >= 0 && epsilon < 1)) fail("categoricalRowStats", "epsilon", epsilon, "in [0, 1)");
}

/** A curation's draws, filter and labels; `expected`: the infinite-sample limit, whose budget need not be whole. */
export function checkCuration(kernel: string, curation: CategoricalCuration, expected: boolean): void {
  checkInteger(kernel, "samples", curation.samples, 1, MAX_CATEGORICAL_SAMPLES);
  checkProbability(kernel, "gamma", curation.gamma);
  checkProbability(kernel, "rho", curation.rho);
  checkProbability(kernel, "beta", curation.beta);
  if (!Object.hasOwn(LABEL_ALLOCATION, curation.allocation)) {
    fail(kernel, "allocation", curation.allocation, `one of ${LABEL_ALLOCATIONS.join(", ")}`);
  }
  const spreads = curation.allocation === "uniform" || curation.allocation === "proportional";
  if (spreads && !Number.isFinite(curation.budget)) fail(kernel, `budget (allocation ${curation.allocation})`, curation.budget, "finite");
  if (!(curation.budget >= 0)) fail(kernel, "budget", curation.budget, "a number >= 0 or Infinity");
  // Sampling hands out whole labels.
  if (!expected && Number.isFinite(curation.budget) && !Number.isInteger(curation.budget)) {
    fail(kernel, "budget (sampling mode)", curation.budget, "an integer or Infinity");
  }
}

export function checkRefitRound(round: CategoricalRefitRound): void {
  const kernel = "refitCategoricalRows";
  checkTable(kernel, round.rows, round.cols);
  checkCuration(kernel, round, round.expected);
  if (!(round.alpha > 0 && round.alpha <= 1)) fail(kernel, "alpha", round.alpha, "in (0, 1]");
  if (!(round.epsilon >= 0 && round.epsilon < 1)) fail(kernel, "epsilon", round.epsilon, "in [0, 1)");
}

type RoundShape = Pick<CategoricalRefitRound, "rows" | "cols" | "samples" | "expected">;

/** Entries each buffer needs for a round of this shape. */
export function refitBufferLengths(round: RoundShape) {
  return {
    table: round.rows * round.cols,
    streak: round.rows,
    rejected: round.rows,
    labels: round.rows,
    kept: round.expected ? 0 : round.rows * round.samples,
    workspace: REFIT_WORKSPACE_LENGTH,
    stats: STATS_LENGTH,
  };
}

/** Fresh buffers for rounds of this shape from an engine (streaks at 0; the table still to be filled). */
export function allocateRefitBuffers(
  engine: { f64(length: number): F64Block; i32(length: number): I32Block }, round: RoundShape,
): CategoricalRefitBuffers & { free(): void } {
  const n = refitBufferLengths(round);
  return allocateGroup((keep) => ({
    table: keep(engine.f64(n.table)),
    streak: keep(engine.i32(n.streak)),
    rejected: keep(engine.f64(n.rejected)),
    labels: keep(engine.f64(n.labels)),
    kept: keep(engine.i32(n.kept)),
    workspace: keep(engine.f64(n.workspace)),
  }));
}
