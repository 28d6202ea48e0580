// The arguments of the categorical refit kernels (Engine.fillBetaCategoricalRows,
// categoricalRowStats, refitCategoricalRows), checked the same way for both engines, and the
// allocation of their buffers. assembly/weak-data.ts describes what the kernels compute.
import {
  CATEGORICAL_REFIT_WORKSPACE, CATEGORICAL_STATS_LENGTH, LABEL_ALLOCATION, LABEL_ALLOCATIONS, MAX_CATEGORICAL_COLS, MAX_CATEGORICAL_SAMPLES,
  type BetaCategoricalRows, type CategoricalRefitBuffers, type CategoricalRefitRound,
} from "./categorical-rows.js";
import type { Engine } from "./engine.js";

function fail(kernel: string, what: string, value: unknown, allowed: string): never {
  throw new RangeError(`${kernel}: ${what} must be ${allowed}, got ${String(value)}`);
}

function checkInteger(kernel: string, what: string, value: number, lo: number, hi: number): void {
  if (!Number.isInteger(value) || value < lo || value > hi) fail(kernel, what, value, `an integer in [${lo}, ${hi}]`);
}

function checkProbability(kernel: string, what: string, value: number): void {
  if (!(value >= 0 && value <= 1)) fail(kernel, what, value, "in [0, 1]");
}

/** Rows and columns of a table: the kernels index rows x cols with 32-bit integers. */
function checkTable(kernel: string, rows: number, cols: number): void {
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

export function checkRefitRound(round: CategoricalRefitRound): void {
  const kernel = "refitCategoricalRows";
  checkTable(kernel, round.rows, round.cols);
  checkInteger(kernel, "samples", round.samples, 1, MAX_CATEGORICAL_SAMPLES);
  checkProbability(kernel, "gamma", round.gamma);
  checkProbability(kernel, "rho", round.rho);
  checkProbability(kernel, "beta", round.beta);
  if (!(round.alpha > 0 && round.alpha <= 1)) fail(kernel, "alpha", round.alpha, "in (0, 1]");
  if (!(round.epsilon >= 0 && round.epsilon < 1)) fail(kernel, "epsilon", round.epsilon, "in [0, 1)");
  if (!Object.hasOwn(LABEL_ALLOCATION, round.allocation)) {
    fail(kernel, "allocation", round.allocation, `one of ${LABEL_ALLOCATIONS.join(", ")}`);
  }
  const spreads = round.allocation === "uniform" || round.allocation === "proportional";
  if (spreads && !Number.isFinite(round.budget)) fail(kernel, `budget (allocation ${round.allocation})`, round.budget, "finite");
  if (!(round.budget >= 0)) fail(kernel, "budget", round.budget, "a number >= 0 or Infinity");
  // Sampling hands out whole labels.
  if (!round.expected && Number.isFinite(round.budget) && !Number.isInteger(round.budget)) {
    fail(kernel, "budget (sampling mode)", round.budget, "an integer or Infinity");
  }
}

/** Entries each buffer needs for a round of this shape. */
export function refitBufferLengths(round: Pick<CategoricalRefitRound, "rows" | "cols" | "samples" | "expected">) {
  return {
    table: round.rows * round.cols,
    streak: round.rows,
    rejected: round.rows,
    labels: round.rows,
    kept: round.expected ? 0 : round.rows * round.samples,
    workspace: CATEGORICAL_REFIT_WORKSPACE,
    stats: CATEGORICAL_STATS_LENGTH,
  };
}

/** Fresh buffers for rounds of this shape (streaks at 0; the table still to be filled). */
export function allocateRefitBuffers(
  engine: Engine, round: Pick<CategoricalRefitRound, "rows" | "cols" | "samples" | "expected">,
): CategoricalRefitBuffers & { free(): void } {
  const n = refitBufferLengths(round);
  const blocks: Array<{ free(): void }> = [];
  const keep = <T extends { free(): void }>(block: T): T => {
    blocks.push(block);
    return block;
  };
  try {
    return {
      table: keep(engine.f64(n.table)),
      streak: keep(engine.i32(n.streak)),
      rejected: keep(engine.f64(n.rejected)),
      labels: keep(engine.f64(n.labels)),
      kept: keep(engine.i32(n.kept)),
      workspace: keep(engine.f64(n.workspace)),
      free: () => blocks.forEach((block) => block.free()),
    };
  } catch (error) {
    blocks.forEach((block) => block.free());
    throw error;
  }
}
