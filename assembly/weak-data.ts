// The fused loop of the weak-data scenario, described by what it computes: a table of
// categorical distributions, one row per prompt with outcome 0 the correct one, is sampled,
// the samples are filtered, labels are spread over the rows, and every row is refit as a
// mixture of itself and the empirical distribution of its kept samples and labels.
// src/engine/reference/weak-data.ts is the same computation in TypeScript and consumes the
// random stream in the same order; src/engine/categorical-refit.ts checks the arguments.
//
// Memory (f64 unless noted; "rows" entries are one per row):
//   table      rows x cols, row-major: p(j | row), entry 0 the correct outcome
//   streak     rows (i32): consecutive rounds, up to this one, in which the row had a rejected sample
//   rejected   rows: rejected samples this round (an integer; its expectation in expected mode),
//              which is also what the row asks of the labeler
//   labels     rows: labels the row receives this round
//   kept       rows x samples (i32): outcomes of the row's kept samples in draw order, in its
//              first samples - rejected slots (sampling mode only)
//   workspace  WORKSPACE_F64 of scratch: rows counted by rejections (drawing) and by streak
//              (hardest, sampling mode), two 16-bit digit histograms (hardest, expected mode),
//              the current row's outcome counts (refitting)
//   stats      7 entries, see STAT_*
//
// One round, in the order the random stream is consumed:
//   1. draw: per row in order, `samples` outcomes (one uniform each) and, for each, a filter
//      uniform unless its keep probability is exactly 0 or 1;
//   2. allocate: the draws of the allocation rule (see allocateLabels);
//   3. refit: per row in order, one uniform per label (correct with probability beta, else a
//      uniformly chosen wrong outcome), then the row update and its statistics.
// Expected mode replaces 1 and 3 by their expectations and draws nothing.
import { CURSOR_OFFSET, BUFFER_PAIRS } from "./rng-state";
import { rngRefill, pairAt, pairToUniform, nextUniform, nextUniformPositive } from "./rng";
import { nextGamma } from "./samplers";
import { detExp, detLog } from "./math";
import { at } from "./address";

// Allocation rules (src/engine/engine.ts, LABEL_ALLOCATION).
// @ts-ignore: decorator
@inline const ALLOCATE_NONE: i32 = 0;
// @ts-ignore: decorator
@inline const ALLOCATE_REPLACE_REJECTED: i32 = 1;
// @ts-ignore: decorator
@inline const ALLOCATE_UNIFORM: i32 = 2;
// @ts-ignore: decorator
@inline const ALLOCATE_PROPORTIONAL: i32 = 3;
// @ts-ignore: decorator
@inline const ALLOCATE_HARDEST: i32 = 4;

// Output statistics (src/engine/engine.ts, CATEGORICAL_STATS).
// @ts-ignore: decorator
@inline const STAT_ACCURACY: i32 = 0;
// @ts-ignore: decorator
@inline const STAT_SOLVED: i32 = 1;
// @ts-ignore: decorator
@inline const STAT_UNSOLVED: i32 = 2;
// @ts-ignore: decorator
@inline const STAT_ACCEPTED: i32 = 3;
// @ts-ignore: decorator
@inline const STAT_LABELS: i32 = 4;
// @ts-ignore: decorator
@inline const STAT_ENTROPY: i32 = 5;
// @ts-ignore: decorator
@inline const STAT_GINI: i32 = 6;

/** f64 entries of the workspace (src/engine/engine.ts, CATEGORICAL_REFIT_WORKSPACE). */
// @ts-ignore: decorator
@inline const WORKSPACE_F64: i32 = 2 * 65536;

/** Buckets of one 16-bit digit of a selection key. */
// @ts-ignore: decorator
@inline const DIGIT_BUCKETS: i32 = 65536;

// @ts-ignore: decorator
@inline function atI32(ptr: usize, i: i32): usize {
  return ptr + (<usize>i << 2);
}

// @ts-ignore: decorator
@inline function setStat(stats: usize, index: i32, value: f64): void {
  store<f64>(at(stats, index), value);
}

/** The smallest normal double: below it an entry's -p ln p (< 1e-305) counts as 0. */
// @ts-ignore: decorator
@inline const MIN_NORMAL: f64 = 2.2250738585072014e-308;

/** -p ln p, taken as 0 below MIN_NORMAL (so the vector version needs no subnormal path). */
// @ts-ignore: decorator
@inline function entropyTerm(p: f64): f64 {
  return p >= MIN_NORMAL ? -p * detLog(p) : 0.0;
}

// @ts-ignore: decorator
@inline const LG1: f64 = 6.666666666666735130e-01;
// @ts-ignore: decorator
@inline const LG2: f64 = 3.999999999940941908e-01;
// @ts-ignore: decorator
@inline const LG3: f64 = 2.857142874366239149e-01;
// @ts-ignore: decorator
@inline const LG4: f64 = 2.222219843214978396e-01;
// @ts-ignore: decorator
@inline const LG5: f64 = 1.818357216161805012e-01;
// @ts-ignore: decorator
@inline const LG6: f64 = 1.531383769920937332e-01;
// @ts-ignore: decorator
@inline const LG7: f64 = 1.479819860511658591e-01;
// @ts-ignore: decorator
@inline const LN2_HI: f64 = 6.93147180369123816490e-01;
// @ts-ignore: decorator
@inline const LN2_LO: f64 = 1.90821492927058770002e-10;

/**
 * entropyTerm on both lanes of p (0 <= p <= 1): detLog's operations (math.ts) lane by lane,
 * so every lane equals the scalar result bit for bit. The logarithm is most of a round's
 * work; two lanes per instruction halve it. Lanes below MIN_NORMAL compute a finite
 * meaningless logarithm that the final mask discards.
 */
// @ts-ignore: decorator
@inline function entropyTerms(p: v128): v128 {
  // The high word of each lane (i32 lanes 1 and 3) reduced into [sqrt(2)/2, sqrt(2)].
  const shifted = i32x4.add(p, i32x4.splat(0x3ff00000 - 0x3fe6a09e));
  const k = i32x4.sub(i32x4.shr_u(shifted, 20), i32x4.splat(0x3ff));
  const high = i32x4.add(v128.and(shifted, i32x4.splat(0x000fffff)), i32x4.splat(0x3fe6a09e));
  const x = v128.bitselect(high, p, i64x2.splat(0xffffffff00000000));
  const one = f64x2.splat(1.0);
  const f = f64x2.sub(x, one);
  const hfsq = f64x2.mul(f64x2.mul(f64x2.splat(0.5), f), f);
  const s = f64x2.div(f, f64x2.add(f64x2.splat(2.0), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, f64x2.add(f64x2.splat(LG2), f64x2.mul(w, f64x2.add(f64x2.splat(LG4), f64x2.mul(w, f64x2.splat(LG6))))));
  const t2 = f64x2.mul(z, f64x2.add(f64x2.splat(LG1), f64x2.mul(w, f64x2.add(f64x2.splat(LG3),
    f64x2.mul(w, f64x2.add(f64x2.splat(LG5), f64x2.mul(w, f64x2.splat(LG7))))))));
  const r = f64x2.add(t2, t1);
  const dk = f64x2.convert_low_i32x4_s(i32x4.shuffle(k, k, 1, 3, 1, 3));
  let log = f64x2.add(f64x2.mul(s, f64x2.add(hfsq, r)), f64x2.mul(dk, f64x2.splat(LN2_LO)));
  log = f64x2.add(f64x2.add(f64x2.sub(log, hfsq), f), f64x2.mul(dk, f64x2.splat(LN2_HI)));
  return v128.and(f64x2.mul(f64x2.neg(p), log), f64x2.ge(p, f64x2.splat(MIN_NORMAL)));
}

// A row's entropy and sum of squares (set by rowMoments). Both are summed in two interleaved
// partial sums (even and odd entries) added at the end, then an odd last entry: the SIMD
// lanes' order, which the scalar build and the TypeScript reference follow too.
let rowEntropy: f64 = 0;
let rowSquares: f64 = 0;

function rowMoments(row: usize, cols: i32): void {
  let j = 0;
  let entropy: f64, squares: f64;
  if (ASC_FEATURE_SIMD) {
    let e = f64x2.splat(0), q = f64x2.splat(0);
    for (; j + 4 <= cols; j += 4) {
      const p = v128.load(at(row, j));
      const p2 = v128.load(at(row, j), 16);
      // Two independent logarithms per step; each lane still adds its terms in entry order.
      const ta = entropyTerms(p), tb = entropyTerms(p2);
      e = f64x2.add(f64x2.add(e, ta), tb);
      q = f64x2.add(f64x2.add(q, f64x2.mul(p, p)), f64x2.mul(p2, p2));
    }
    for (; j + 2 <= cols; j += 2) {
      const p = v128.load(at(row, j));
      e = f64x2.add(e, entropyTerms(p));
      q = f64x2.add(q, f64x2.mul(p, p));
    }
    entropy = f64x2.extract_lane(e, 0) + f64x2.extract_lane(e, 1);
    squares = f64x2.extract_lane(q, 0) + f64x2.extract_lane(q, 1);
  } else {
    let e0: f64 = 0, e1: f64 = 0, q0: f64 = 0, q1: f64 = 0;
    for (; j + 2 <= cols; j += 2) {
      const p0 = load<f64>(at(row, j)), p1 = load<f64>(at(row, j), 8);
      e0 += entropyTerm(p0);
      e1 += entropyTerm(p1);
      q0 += p0 * p0;
      q1 += p1 * p1;
    }
    entropy = e0 + e1;
    squares = q0 + q1;
  }
  if (j < cols) {
    const p = load<f64>(at(row, j));
    entropy += entropyTerm(p);
    squares += p * p;
  }
  rowEntropy = entropy;
  rowSquares = squares;
}

/**
 * Rows of a categorical table: entry 0 ~ Beta(betaA, betaB) (Gamma ratio), exactly 0 in the
 * first zeroRows rows; the rest of each row's mass split evenly over entries 1..cols-1, or in
 * Dirichlet(1) shares (normalised exponentials) when dirichletTail is set. Per row the stream
 * gives the two gamma draws (not for zero rows), then cols - 1 uniforms (Dirichlet only).
 */
export function fillBetaCategoricalRows(
  rng: usize, table: usize, rows: i32, cols: i32, zeroRows: i32, betaA: f64, betaB: f64, dirichletTail: bool,
): void {
  const even = 1.0 / <f64>(cols - 1);
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    let head: f64 = 0;
    if (x >= zeroRows) {
      const g = nextGamma(rng, betaA);
      const h = nextGamma(rng, betaB);
      head = g / (g + h);
    }
    store<f64>(row, head);
    const rest = 1.0 - head;
    if (dirichletTail) {
      let sum: f64 = 0;
      for (let j = 1; j < cols; j++) {
        const e = -detLog(nextUniformPositive(rng));
        store<f64>(at(row, j), e);
        sum += e;
      }
      // All exponentials 0 (every uniform exactly 1) has probability 2^(-53 (cols - 1)): split evenly.
      for (let j = 1; j < cols; j++) store<f64>(at(row, j), sum > 0 ? rest * (load<f64>(at(row, j)) / sum) : rest * even);
    } else {
      for (let j = 1; j < cols; j++) store<f64>(at(row, j), rest * even);
    }
  }
}

// Per-row statistics added up over the table, in row order: p0, 1[p0 >= 1 - epsilon],
// 1[p0 = 0], entropy, Gini diversity, and labels received.
let sumAccuracy: f64 = 0;
let sumSolved: f64 = 0;
let sumUnsolved: f64 = 0;
let sumEntropy: f64 = 0;
let sumGini: f64 = 0;
let sumLabels: f64 = 0;

function resetSums(): void {
  sumAccuracy = 0;
  sumSolved = 0;
  sumUnsolved = 0;
  sumEntropy = 0;
  sumGini = 0;
  sumLabels = 0;
}

// @ts-ignore: decorator
@inline function addRow(p0: f64, entropy: f64, squares: f64, solvedAt: f64): void {
  sumAccuracy += p0;
  if (p0 >= solvedAt) sumSolved += 1;
  if (p0 == 0) sumUnsolved += 1;
  sumEntropy += entropy;
  sumGini += 1.0 - squares;
}

function writeSums(stats: usize, rows: i32): void {
  const n = <f64>rows;
  setStat(stats, STAT_ACCURACY, sumAccuracy / n);
  setStat(stats, STAT_SOLVED, sumSolved / n);
  setStat(stats, STAT_UNSOLVED, sumUnsolved / n);
  setStat(stats, STAT_ENTROPY, sumEntropy / n);
  setStat(stats, STAT_GINI, sumGini / n);
}

/** Accuracy, solved and unsolved fractions, mean entropy and mean Gini diversity of a table (stats 0-2, 5, 6). */
export function categoricalRowStats(table: usize, rows: i32, cols: i32, epsilon: f64, stats: usize): void {
  resetSums();
  const solvedAt = 1.0 - epsilon;
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    rowMoments(row, cols);
    addRow(load<f64>(row), rowEntropy, rowSquares, solvedAt);
  }
  writeSums(stats, rows);
}

/**
 * The outcome of a draw u that fell past p0: the first j whose running sum p0 + ... + p_j
 * exceeds u. Rows sum to 1 up to rounding, which the draw takes as exact; if rounding leaves
 * the sum at or below u, the last outcome with positive probability.
 */
function wrongOutcome(row: usize, cols: i32, u: f64): i32 {
  let running = load<f64>(row);
  for (let j = 1; j < cols; j++) {
    running += load<f64>(at(row, j));
    if (running > u) return j;
  }
  let j = cols - 1;
  while (j > 1 && !(load<f64>(at(row, j)) > 0)) j--;
  return j;
}

/**
 * Step 1, sampling mode: draws and filters every row's samples, records the kept outcomes,
 * the rejections and the rejection streaks, and counts rows by rejections (workspace[r],
 * r = 0..samples) for the hardest-first allocation. Returns the number of kept samples. A
 * draw u is correct when u < p0; which wrong outcome it is matters only when the sample is
 * kept, so the row is searched only then (never under the oracle filter).
 */
function drawAndFilter(
  rng: usize, table: usize, streak: usize, rejected: usize, kept: usize, byRejections: usize,
  rows: i32, cols: i32, samples: i32, gamma: f64, rho: f64,
): f64 {
  memory.fill(byRejections, 0, <usize>(samples + 1) << 3);
  // A keep probability of exactly 0 or 1 needs no draw: the oracle filter draws nothing.
  const drawCorrect = rho > 0 && rho < 1;
  const drawWrong = gamma > 0 && gamma < 1;
  const keepCorrect = rho == 0;
  const keepWrong = gamma == 1;
  const alwaysDraws = drawCorrect && drawWrong;
  const rowPairs = <u32>(2 * samples);
  let cursor = load<u32>(rng + CURSOR_OFFSET);
  let keptTotal: f64 = 0;
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    const head = load<f64>(row);
    const slots = kept + ((<usize>x * <usize>samples) << 2);
    let n = 0;
    if (alwaysDraws && cursor + rowPairs <= BUFFER_PAIRS) {
      // The common case, specialised: two pairs per sample, all of the row's in the buffer.
      for (let s = 0; s < samples; s++) {
        const u = pairToUniform(pairAt(rng, cursor));
        const v = pairToUniform(pairAt(rng, cursor + 1));
        cursor += 2;
        const correct = u < head;
        const keep = correct ? v >= rho : v < gamma;
        store<i32>(atI32(slots, n), keep && !correct ? wrongOutcome(row, cols, u) : 0);
        n += <i32>keep;
      }
    } else {
      for (let s = 0; s < samples; s++) {
        if (cursor == BUFFER_PAIRS) {
          rngRefill(rng);
          cursor = 0;
        }
        const u = pairToUniform(pairAt(rng, cursor++));
        const correct = u < head;
        // Selects rather than branches: whether a draw is correct is a coin flip the CPU cannot predict.
        let keep = correct ? keepCorrect : keepWrong;
        if (correct ? drawCorrect : drawWrong) {
          if (cursor == BUFFER_PAIRS) {
            rngRefill(rng);
            cursor = 0;
          }
          const v = pairToUniform(pairAt(rng, cursor++));
          keep = correct ? v >= rho : v < gamma;
        }
        store<i32>(atI32(slots, n), keep && !correct ? wrongOutcome(row, cols, u) : 0);
        n += <i32>keep;
      }
    }
    const r = samples - n;
    store<f64>(at(rejected, x), <f64>r);
    const record = load<i32>(atI32(streak, x)) + 1;
    store<i32>(atI32(streak, x), select<i32>(record, 0, r > 0));
    store<f64>(at(byRejections, r), load<f64>(at(byRejections, r)) + 1.0);
    keptTotal += <f64>n;
  }
  store<u32>(rng + CURSOR_OFFSET, cursor);
  return keptTotal;
}

/** Step 1, expected mode: each row's expected rejections; returns the expected kept samples. */
function expectedRejections(table: usize, rejected: usize, rows: i32, cols: i32, samples: i32, gamma: f64, rho: f64): f64 {
  const k = <f64>samples;
  let keptTotal: f64 = 0;
  for (let x = 0; x < rows; x++) {
    const a = load<f64>(table + <usize>x * (<usize>cols << 3));
    const e = max<f64>(0.0, 1.0 - a);
    store<f64>(at(rejected, x), k * (rho * a + (1.0 - gamma) * e));
    keptTotal += k * (a * (1.0 - rho) + gamma * e);
  }
  return keptTotal;
}

// ---------------------------------------------------------------------------------------------
// Step 2: spreading the budget. The rules, with B = budget (an integer number of labels in
// sampling mode, Infinity for no limit) and d = a row's rejections:
//   none              no labels
//   replace-rejected  one label per rejected sample, whatever B (the analysed procedure)
//   uniform           B labels, each to a uniformly random row (multinomial)
//   proportional      B labels, each to a row drawn with probability d / sum d (multinomial)
//   hardest           rows in order of d, then streak, then at random, each filled with d
//                     labels until B runs out (the last one partly)
// Expected mode gives each row the expectation: replace-rejected d, uniform B / rows,
// proportional B d / sum d, hardest full d in order of d with ties sharing evenly.

/**
 * B labels, each to row x with probability w_x / sum w (w = 1 when weights is 0), drawn as
 * the order statistics of B uniforms from the largest down (U_(m) = U_(m+1) V^(1/m)) and
 * matched against the cumulative weights from the last row up: O(rows + B), one uniform per label.
 */
function spreadMultinomial(rng: usize, weights: usize, labels: usize, rows: i32, budget: f64): void {
  let total: f64 = 0;
  for (let x = 0; x < rows; x++) {
    store<f64>(at(labels, x), 0.0);
    total += weights ? load<f64>(at(weights, x)) : 1.0;
  }
  if (!(total > 0) || !(budget >= 1)) return;
  let x = rows - 1;
  let upper = total;
  let lower = upper - (weights ? load<f64>(at(weights, x)) : 1.0);
  let top: f64 = 1.0;
  for (let m = budget; m >= 1; m -= 1) {
    top *= detExp(detLog(nextUniformPositive(rng)) / m);
    const target = top * total;
    while (target < lower && x > 0) {
      x--;
      upper = lower;
      lower = upper - (weights ? load<f64>(at(weights, x)) : 1.0);
    }
    store<f64>(at(labels, x), load<f64>(at(labels, x)) + 1.0);
  }
}

/**
 * hardest, sampling mode: rows in order of rejections r, then streak, then at random, each
 * filled with r labels until the budget runs out. Rows by r come from step 1; if the budget
 * splits the rows with r = r*, one pass counts them by streak; among the rows at the splitting
 * (r*, s*), ceil(left / r*) chosen by selection sampling get r* labels each, except one, drawn
 * first, that gets only the remainder. The streak counts share the workspace with the
 * samples + 1 counts by r, so streaks of streakCap = WORKSPACE_F64 - samples - 2 rounds or
 * more tie: 130046 rounds at the scenario's largest samples (1024), 65534 at the engine's (65536).
 */
function fillHardestSampled(
  rng: usize, rejected: usize, streak: usize, labels: usize, workspace: usize, rows: i32, samples: i32, budget: f64,
): void {
  // Rows by rejections (from step 1), then rows by streak after them.
  const byStreak = workspace + (<usize>(samples + 1) << 3);
  const streakCap = WORKSPACE_F64 - samples - 2;
  let left = budget;
  let rStar = samples;
  while (rStar > 0 && <f64>rStar * load<f64>(at(workspace, rStar)) <= left) {
    left -= <f64>rStar * load<f64>(at(workspace, rStar));
    rStar--;
  }
  if (rStar == 0) {
    memory.copy(labels, rejected, <usize>rows << 3);
    return;
  }
  const demand = <f64>rStar;
  let longest = 0;
  for (let x = 0; x < rows; x++) {
    if (load<f64>(at(rejected, x)) == demand) longest = max<i32>(longest, min<i32>(load<i32>(atI32(streak, x)), streakCap));
  }
  memory.fill(byStreak, 0, <usize>(longest + 1) << 3);
  for (let x = 0; x < rows; x++) {
    if (load<f64>(at(rejected, x)) != demand) continue;
    const b = at(byStreak, min<i32>(load<i32>(atI32(streak, x)), streakCap));
    store<f64>(b, load<f64>(b) + 1.0);
  }
  let sStar = longest;
  while (sStar > 0 && demand * load<f64>(at(byStreak, sStar)) <= left) {
    left -= demand * load<f64>(at(byStreak, sStar));
    sStar--;
  }
  const group = load<f64>(at(byStreak, sStar));
  const chosen = Math.ceil(left / demand);
  const remainder = left - (chosen - 1) * demand;
  // Which of the chosen rows (in row order) gets only the remainder; -1 when none does.
  let partial: f64 = remainder < demand ? Math.floor(nextUniform(rng) * chosen) : -1;
  let need = chosen, seen: f64 = 0;
  for (let x = 0; x < rows; x++) {
    const d = load<f64>(at(rejected, x));
    let given: f64 = 0;
    if (d > demand) {
      given = d;
    } else if (d == demand) {
      const s = min<i32>(load<i32>(atI32(streak, x)), streakCap);
      if (s > sStar) {
        given = d;
      } else if (s == sStar && need > 0) {
        if (nextUniform(rng) * (group - seen) < need) {
          given = partial == 0 ? remainder : d;
          partial -= 1;
          need -= 1;
        }
        seen += 1;
      }
    }
    store<f64>(at(labels, x), given);
  }
}

/**
 * hardest, expected mode: rows in order of expected rejections d, each filled with d, ties
 * sharing what is left evenly. A radix select on the bits of d (non-negative doubles order
 * like their bits) in 16-bit digits finds the d at which the budget runs out; digits equal
 * across all candidates are skipped.
 */
function fillHardestExpected(rejected: usize, labels: usize, histogram: usize, rows: i32, budget: f64): void {
  let total: f64 = 0, candidates: f64 = 0;
  let orBits: u64 = 0, andBits: u64 = <u64>-1;
  for (let x = 0; x < rows; x++) {
    const d = load<f64>(at(rejected, x));
    if (!(d > 0)) continue;
    const key = reinterpret<u64>(d);
    total += d;
    candidates += 1;
    orBits |= key;
    andBits &= key;
  }
  if (total <= budget) {
    memory.copy(labels, rejected, <usize>rows << 3);
    return;
  }
  const counts = histogram + (<usize>DIGIT_BUCKETS << 3);
  let left = budget, group = candidates;
  let prefix: u64 = 0, mask: u64 = 0;
  for (let digit = 3; digit >= 0; digit--) {
    const shift = <u64>(digit << 4);
    const digitMask = <u64>0xffff << shift;
    if (((orBits ^ andBits) & digitMask) == 0) {
      prefix |= andBits & digitMask;
      mask |= digitMask;
      continue;
    }
    memory.fill(histogram, 0, <usize>DIGIT_BUCKETS << 4);
    for (let x = 0; x < rows; x++) {
      const d = load<f64>(at(rejected, x));
      const key = reinterpret<u64>(d);
      if (!(d > 0) || (key & mask) != prefix) continue;
      const b = <i32>((key >> shift) & 0xffff);
      store<f64>(at(histogram, b), load<f64>(at(histogram, b)) + d);
      store<f64>(at(counts, b), load<f64>(at(counts, b)) + 1.0);
    }
    // Rounding can leave the group's buckets summing to no more than left: stop at bucket 0.
    let b = DIGIT_BUCKETS - 1;
    let above: f64 = 0;
    while (b > 0 && above + load<f64>(at(histogram, b)) <= left) above += load<f64>(at(histogram, b--));
    left -= above;
    group = load<f64>(at(counts, b));
    prefix |= <u64>b << shift;
    mask |= digitMask;
  }
  const share = left / group;
  for (let x = 0; x < rows; x++) {
    const d = load<f64>(at(rejected, x));
    const key = reinterpret<u64>(d);
    store<f64>(at(labels, x), !(d > 0) ? 0.0 : key > prefix ? d : key == prefix ? min<f64>(d, share) : 0.0);
  }
}

/** Step 2: labels per row by the allocation rule. */
function allocateLabels(
  rng: usize, rejected: usize, streak: usize, labels: usize, workspace: usize,
  rows: i32, samples: i32, allocation: i32, budget: f64, expected: bool,
): void {
  if (allocation == ALLOCATE_REPLACE_REJECTED) {
    memory.copy(labels, rejected, <usize>rows << 3);
  } else if (allocation == ALLOCATE_HARDEST) {
    if (expected) fillHardestExpected(rejected, labels, workspace, rows, budget);
    else fillHardestSampled(rng, rejected, streak, labels, workspace, rows, samples, budget);
  } else if (allocation == ALLOCATE_UNIFORM || allocation == ALLOCATE_PROPORTIONAL) {
    const weights: usize = allocation == ALLOCATE_UNIFORM ? 0 : rejected;
    if (!expected) {
      spreadMultinomial(rng, weights, labels, rows, budget);
      return;
    }
    let total: f64 = 0;
    for (let x = 0; x < rows; x++) total += weights ? load<f64>(at(weights, x)) : 1.0;
    const scale = total > 0 ? budget / total : 0.0;
    for (let x = 0; x < rows; x++) store<f64>(at(labels, x), (weights ? load<f64>(at(weights, x)) : 1.0) * scale);
  } else {
    memory.fill(labels, 0, <usize>rows << 3);
  }
}

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
 * neither keeps p. Statistics of the new table are added up on the way.
 */
function refitSampled(
  rng: usize, table: usize, rejected: usize, labels: usize, kept: usize, counts: usize,
  rows: i32, cols: i32, samples: i32, beta: f64, alpha: f64, solvedAt: f64,
): void {
  const stay = 1.0 - alpha;
  const wrongSpan = <f64>(cols - 1);
  let cursor = load<u32>(rng + CURSOR_OFFSET);
  memory.fill(counts, 0, <usize>cols << 3);
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    const n = samples - <i32>load<f64>(at(rejected, x));
    const given = <i32>load<f64>(at(labels, x));
    sumLabels += <f64>given;
    if (n + given > 0) {
      const slots = kept + ((<usize>x * <usize>samples) << 2);
      for (let s = 0; s < n; s++) {
        const c = at(counts, load<i32>(atI32(slots, s)));
        store<f64>(c, load<f64>(c) + 1.0);
      }
      for (let l = 0; l < given; l++) {
        if (cursor == BUFFER_PAIRS) {
          rngRefill(rng);
          cursor = 0;
        }
        const u = pairToUniform(pairAt(rng, cursor++));
        const outcome = u < beta ? 0 : min<i32>(cols - 1, 1 + <i32>((u - beta) / (1.0 - beta) * wrongSpan));
        const c = at(counts, outcome);
        store<f64>(c, load<f64>(c) + 1.0);
      }
      mixRow(row, counts, cols, stay, alpha / <f64>(n + given));
    }
    rowMoments(row, cols);
    addRow(load<f64>(row), rowEntropy, rowSquares, solvedAt);
  }
  store<u32>(rng + CURSOR_OFFSET, cursor);
}

/**
 * Step 3, expected mode: kept mass k p0 (1 - rho) on the correct outcome and k gamma p_j on
 * each wrong one, labels L split beta / (1 - beta) evenly over the wrong outcomes;
 * p <- (1 - alpha) p + alpha (kept mass + label mass) / (kept + L), unless kept + L = 0.
 */
function refitExpected(
  table: usize, labels: usize, rows: i32, cols: i32, samples: i32,
  gamma: f64, rho: f64, beta: f64, alpha: f64, solvedAt: f64,
): void {
  const k = <f64>samples;
  const stay = 1.0 - alpha;
  const wrongLabel = (1.0 - beta) / <f64>(cols - 1);
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    const a = load<f64>(row);
    const e = max<f64>(0.0, 1.0 - a);
    const given = load<f64>(at(labels, x));
    sumLabels += given;
    const keptCorrect = k * a * (1.0 - rho);
    const total = keptCorrect + k * gamma * e + given;
    if (total > 0) {
      const weight = alpha / total;
      const scale = stay + weight * k * gamma;
      const shift = weight * given * wrongLabel;
      for (let j = 1; j < cols; j++) store<f64>(at(row, j), scale * load<f64>(at(row, j)) + shift);
      store<f64>(row, stay * a + weight * (keptCorrect + given * beta));
    }
    rowMoments(row, cols);
    addRow(load<f64>(row), rowEntropy, rowSquares, solvedAt);
  }
}

/**
 * One round over every row (steps 1-3 above). budget: labels per round (Infinity: no limit;
 * replace-rejected does not use it);
 * allocation: ALLOCATE_*; filter none is gamma = 1, rho = 0. Writes all of STAT_* to stats
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
  resetSums();
  if (expected) refitExpected(table, labels, rows, cols, samples, gamma, rho, beta, alpha, 1.0 - epsilon);
  else refitSampled(rng, table, rejected, labels, kept, workspace, rows, cols, samples, beta, alpha, 1.0 - epsilon);
  writeSums(stats, rows);
  setStat(stats, STAT_ACCEPTED, keptTotal / (<f64>rows * <f64>samples));
  setStat(stats, STAT_LABELS, sumLabels / <f64>rows);
}
