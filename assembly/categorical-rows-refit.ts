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
//   labels     rows: labels the row receives this round
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
//      uniformly chosen wrong outcome), then the row update and its statistics.
import { STREAM_CURSOR_OFFSET, STREAM_BUFFER_PAIRS } from "../src/engine/constants/stream";
import { STAT_ACCEPTED, STAT_LABELS } from "../src/engine/constants/categorical-rows";
import { refillIfSpent, pairAt, pairToUniform } from "./rng";
import { at, atI32 } from "./address";
import { clearRowStats, addRowStats, averageRowStats } from "./categorical-rows-stats";
import { drawAndFilter, expectedRejections } from "./categorical-rows-draw";
import { allocateLabels } from "./categorical-rows-labels";

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
 * Step 3, sampling mode: each row with kept samples or labels becomes
 * (1 - alpha) p + alpha (counts of kept outcomes and labels) / (kept + labels); a row with
 * neither keeps p. The new rows' statistics are added to stats on the way. Returns the labels given.
 */
function refitSampled(
  rng: usize, table: usize, rejected: usize, labels: usize, kept: usize, counts: usize,
  rows: i32, cols: i32, samples: i32, beta: f64, alpha: f64, solvedAt: f64, stats: usize,
): f64 {
  const stay = 1.0 - alpha;
  const wrongSpan = <f64>(cols - 1);
  let cursor = load<u32>(rng + STREAM_CURSOR_OFFSET);
  let labelsGiven: f64 = 0;
  memory.fill(counts, 0, <usize>cols << 3);
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    const n = samples - <i32>load<f64>(at(rejected, x));
    const given = <i32>load<f64>(at(labels, x));
    labelsGiven += <f64>given;
    if (n + given > 0) {
      const slots = kept + ((<usize>x * <usize>samples) << 2);
      for (let s = 0; s < n; s++) {
        const c = at(counts, load<i32>(atI32(slots, s)));
        store<f64>(c, load<f64>(c) + 1.0);
      }
      for (let l = 0; l < given; l++) {
        cursor = refillIfSpent(rng, cursor);
        const u = pairToUniform(pairAt(rng, cursor++));
        const outcome = u < beta ? 0 : min<i32>(cols - 1, 1 + <i32>((u - beta) / (1.0 - beta) * wrongSpan));
        const c = at(counts, outcome);
        store<f64>(c, load<f64>(c) + 1.0);
      }
      mixRow(row, counts, cols, stay, alpha / <f64>(n + given));
    }
    addRowStats(stats, row, cols, solvedAt);
  }
  store<u32>(rng + STREAM_CURSOR_OFFSET, cursor);
  return labelsGiven;
}

/**
 * Step 3, expected mode: kept mass k p0 (1 - rho) on the correct outcome and k gamma p_j on
 * each wrong one, labels L split beta / (1 - beta) evenly over the wrong outcomes;
 * p <- (1 - alpha) p + alpha (kept mass + label mass) / (kept + L), unless kept + L = 0.
 * The new rows' statistics are added to stats on the way. Returns the labels given.
 */
function refitExpected(
  table: usize, labels: usize, rows: i32, cols: i32, samples: i32,
  gamma: f64, rho: f64, beta: f64, alpha: f64, solvedAt: f64, stats: usize,
): f64 {
  const k = <f64>samples;
  const stay = 1.0 - alpha;
  const wrongLabel = (1.0 - beta) / <f64>(cols - 1);
  let labelsGiven: f64 = 0;
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    const a = load<f64>(row);
    const e = max<f64>(0.0, 1.0 - a);
    const given = load<f64>(at(labels, x));
    labelsGiven += given;
    const keptCorrect = k * a * (1.0 - rho);
    const total = keptCorrect + k * gamma * e + given;
    if (total > 0) {
      const weight = alpha / total;
      const scale = stay + weight * k * gamma;
      const shift = weight * given * wrongLabel;
      for (let j = 1; j < cols; j++) store<f64>(at(row, j), scale * load<f64>(at(row, j)) + shift);
      store<f64>(row, stay * a + weight * (keptCorrect + given * beta));
    }
    addRowStats(stats, row, cols, solvedAt);
  }
  return labelsGiven;
}

/**
 * One round over every row (steps 1-3 above). budget: labels per round (Infinity: no limit;
 * replace-rejected does not use it); allocation: ALLOCATE_*; filter none is gamma = 1, rho = 0.
 * Writes all of STAT_* to stats
 * (accepted: kept / (rows samples); labels: labels given / rows).
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
  const labelsGiven = expected
    ? refitExpected(table, labels, rows, cols, samples, gamma, rho, beta, alpha, solvedAt, stats)
    : refitSampled(rng, table, rejected, labels, kept, workspace, rows, cols, samples, beta, alpha, solvedAt, stats);
  averageRowStats(stats, rows);
  store<f64>(at(stats, STAT_ACCEPTED), keptTotal / (<f64>rows * <f64>samples));
  store<f64>(at(stats, STAT_LABELS), labelsGiven / <f64>rows);
}
