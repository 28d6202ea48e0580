// A round of the categorical rows: a table of categorical distributions, one row per prompt with
// outcome 0 the correct one, is sampled, the samples are filtered, labels are spread over the
// rows, and every row is refit as a mixture of itself and the empirical distribution of its
// kept samples and labels. src/engine/reference/categorical-rows-refit.ts is the same
// computation in TypeScript and consumes the random stream in the same order;
// src/engine/categorical-rows.ts checks the arguments.
//
// Memory (f64 unless noted; "rows" entries are one per row):
//   table      rows x cols, row-major: p(j | row), entry 0 the correct outcome
//   streak     rows (i32): consecutive rounds, up to this one, in which the row had a rejected sample
//   rejected   rows: rejected samples this round (an integer; its expectation in expected mode),
//              which is also what the row asks of the labeler
//   labels     rows: labels the row receives this round (extra samples it draws, for resample)
//   kept       rows x samples (i32): outcomes of the row's kept samples in draw order, in its
//              first samples - rejected slots (sampling mode only)
//   workspace  REFIT_WORKSPACE_LENGTH of scratch: rows counted by rejections (drawing) and by streak
//              (hardest, sampling mode), two 16-bit digit histograms (hardest, expected mode),
//              the current row's outcome counts (refitting)
//   stats      STATS_LENGTH entries, see STAT_* (src/engine/constants/categorical-rows.ts)
//
// One round, in the order the random stream is consumed:
//   1. draw: per row in order, `samples` outcomes (one uniform each) and, for each, a filter
//      uniform unless its keep probability is exactly 0 or 1;
//   2. allocate: the draws of the allocation rule (see allocateLabels);
//   3. refit: per row in order, one uniform per label (correct with probability beta, else a
//      uniformly chosen wrong outcome) or, for resample, per extra sample its outcome uniform
//      and a filter uniform as in step 1 (categorical-rows-curate.ts), then the row update and
//      its statistics.
import { STAT_ACCEPTED, STAT_LABELS, STAT_EXTRA_SAMPLES, ALLOCATE_RESAMPLE } from "../src/engine/constants/categorical-rows";
import { at } from "./address";
import { clearRowStats, addRowStats, averageRowStats } from "./categorical-rows-stats";
import { drawAndFilter, expectedRejections } from "./categorical-rows-draw";
import { allocateLabels } from "./categorical-rows-labels";
import { countCurated } from "./categorical-rows-curate";

/** row = stay row + weight counts, counts left zero. */
// @ts-ignore: decorator
@inline function mixRow(row: usize, counts: usize, cols: i32, stay: f64, weight: f64): void {
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    const vs = f64x2.splat(stay), vw = f64x2.splat(weight), zero = f64x2.splat(0);
    for (; j + 2 <= cols; j += 2) {
      const pr = at(row, j), pc = at(counts, j);
      v128.store(pr, f64x2.add(f64x2.mul(vs, v128.load(pr)), f64x2.mul(vw, v128.load(pc))));
      v128.store(pc, zero);
    }
  }
  for (; j < cols; j++) {
    store<f64>(at(row, j), stay * load<f64>(at(row, j)) + weight * load<f64>(at(counts, j)));
    store<f64>(at(counts, j), 0.0);
  }
}

/**
 * Step 3, sampling mode: each row with curated data (countCurated: kept samples, then labels
 * or, for resample, extra samples) becomes (1 - alpha) p + alpha (counts of its data) / (how
 * many); a row with none keeps p. The new rows' statistics are added to stats on the way.
 */
function refitSampled(
  rng: usize, table: usize, rejected: usize, labels: usize, kept: usize, counts: usize,
  rows: i32, cols: i32, samples: i32, gamma: f64, rho: f64, beta: f64, resample: bool, alpha: f64, solvedAt: f64, stats: usize,
): void {
  const stay = 1.0 - alpha;
  memory.fill(counts, 0, <usize>cols << 3);
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    const n = countCurated(rng, row, x, rejected, labels, kept, counts, cols, samples, gamma, rho, beta, resample);
    if (n > 0) mixRow(row, counts, cols, stay, alpha / <f64>n);
    addRowStats(stats, row, cols, solvedAt);
  }
}

/**
 * Step 3, expected mode: kept mass m p0 (1 - rho) on the correct outcome and m gamma p_j on
 * each wrong one, from m = k samples (k + S with S extra samples, for resample), labels L
 * split beta / (1 - beta) evenly over the wrong outcomes;
 * p <- (1 - alpha) p + alpha (kept mass + label mass) / (kept + L), unless kept + L = 0.
 * The new rows' statistics are added to stats on the way.
 */
function refitExpected(
  table: usize, labels: usize, rows: i32, cols: i32, samples: i32,
  gamma: f64, rho: f64, beta: f64, resample: bool, alpha: f64, solvedAt: f64, stats: usize,
): void {
  const stay = 1.0 - alpha;
  const wrongLabel = (1.0 - beta) / <f64>(cols - 1);
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    const a = load<f64>(row);
    const e = max<f64>(0.0, 1.0 - a);
    const allocated = load<f64>(at(labels, x));
    const drawn = <f64>samples + (resample ? allocated : 0.0);
    const given = resample ? 0.0 : allocated;
    const keptCorrect = drawn * a * (1.0 - rho);
    const total = keptCorrect + drawn * gamma * e + given;
    if (total > 0) {
      const weight = alpha / total;
      const scale = stay + weight * drawn * gamma;
      const shift = weight * given * wrongLabel;
      for (let j = 1; j < cols; j++) store<f64>(at(row, j), scale * load<f64>(at(row, j)) + shift);
      store<f64>(row, stay * a + weight * (keptCorrect + given * beta));
    }
    addRowStats(stats, row, cols, solvedAt);
  }
}

/** The sum of the first rows entries of a per-row array. */
export function sumRows(values: usize, rows: i32): f64 {
  let sum: f64 = 0;
  for (let x = 0; x < rows; x++) sum += load<f64>(at(values, x));
  return sum;
}

/**
 * One round over every row (steps 1-3 above). budget: labels (extra samples, for resample) per
 * round (Infinity: no limit; replace-rejected does not use it); allocation: ALLOCATE_*; filter
 * none is gamma = 1, rho = 0. Writes all of STAT_* to stats (accepted: kept / (rows samples),
 * the k samples only; labels and extra samples: given / rows).
 */
export function refitCategoricalRows(
  rng: usize, table: usize, streak: usize, rejected: usize, labels: usize, kept: usize, workspace: usize,
  rows: i32, cols: i32, samples: i32, gamma: f64, rho: f64, beta: f64,
  allocation: i32, budget: f64, alpha: f64, expected: bool, epsilon: f64, stats: usize,
): void {
  const keptTotal = expected
    ? expectedRejections(table, rejected, rows, cols, samples, gamma, rho)
    : drawAndFilter(rng, table, streak, rejected, kept, workspace, rows, cols, samples, gamma, rho);
  allocateLabels(rng, rejected, streak, labels, workspace, rows, samples, allocation, budget, expected);
  clearRowStats(stats);
  const solvedAt = 1.0 - epsilon;
  const resample = allocation == ALLOCATE_RESAMPLE;
  if (expected) refitExpected(table, labels, rows, cols, samples, gamma, rho, beta, resample, alpha, solvedAt, stats);
  else refitSampled(rng, table, rejected, labels, kept, workspace, rows, cols, samples, gamma, rho, beta, resample, alpha, solvedAt, stats);
  averageRowStats(stats, rows);
  storeSpending(stats, keptTotal, sumRows(labels, rows), resample, rows, samples);
}

/** The round's shares: accepted (of the k samples per row), then labels or extra samples per row. */
export function storeSpending(stats: usize, keptTotal: f64, allocated: f64, resample: bool, rows: i32, samples: i32): void {
  store<f64>(at(stats, STAT_ACCEPTED), keptTotal / (<f64>rows * <f64>samples));
  store<f64>(at(stats, STAT_LABELS), resample ? 0.0 : allocated / <f64>rows);
  store<f64>(at(stats, STAT_EXTRA_SAMPLES), resample ? allocated / <f64>rows : 0.0);
}
