// The kernels of assembly/weak-data.ts in plain TypeScript: filtered categorical refitting,
// consuming the random stream in the same order (see that file for the memory layout and the
// steps of a round). Selection keys are 64-bit there; here they are pairs of 32-bit words.
import { nextUniform, nextUniformPositive } from "./rng.js";
import { nextGamma } from "./samplers.js";
import { detExp, detLog } from "./math.js";
import { LABEL_ALLOCATION, CATEGORICAL_STATS, CATEGORICAL_REFIT_WORKSPACE } from "../categorical-rows.js";

const DIGIT_BUCKETS = 65536;

/** The smallest normal double: below it an entry's -p ln p (< 1e-305) counts as 0, as in the wasm kernels. */
const MIN_NORMAL = 2.2250738585072014e-308;

function entropyTerm(p: number): number {
  return p >= MIN_NORMAL ? -p * detLog(p) : 0;
}

export function fillBetaCategoricalRows(
  state: Uint32Array, table: Float64Array, rows: number, cols: number, zeroRows: number, betaA: number, betaB: number, dirichletTail: boolean,
): void {
  const even = 1.0 / (cols - 1);
  for (let x = 0; x < rows; x++) {
    const row = x * cols;
    let head = 0;
    if (x >= zeroRows) {
      const g = nextGamma(state, betaA);
      const h = nextGamma(state, betaB);
      head = g / (g + h);
    }
    table[row] = head;
    const rest = 1.0 - head;
    if (dirichletTail) {
      let sum = 0;
      for (let j = 1; j < cols; j++) {
        const e = -detLog(nextUniformPositive(state));
        table[row + j] = e;
        sum += e;
      }
      for (let j = 1; j < cols; j++) table[row + j] = sum > 0 ? rest * (table[row + j] / sum) : rest * even;
    } else {
      for (let j = 1; j < cols; j++) table[row + j] = rest * even;
    }
  }
}

/**
 * A row's entropy and sum of squares, each in two interleaved partial sums (even and odd
 * entries) added at the end, then an odd last entry: the order of the wasm kernels' SIMD lanes.
 */
function rowMoments(table: Float64Array, row: number, cols: number): { entropy: number; squares: number } {
  let e0 = 0, e1 = 0, q0 = 0, q1 = 0;
  let j = 0;
  for (; j + 2 <= cols; j += 2) {
    const p0 = table[row + j], p1 = table[row + j + 1];
    e0 += entropyTerm(p0);
    e1 += entropyTerm(p1);
    q0 += p0 * p0;
    q1 += p1 * p1;
  }
  let entropy = e0 + e1, squares = q0 + q1;
  if (j < cols) {
    const p = table[row + j];
    entropy += entropyTerm(p);
    squares += p * p;
  }
  return { entropy, squares };
}

/** Per-row statistics added up in row order, as the wasm kernels do. */
class RowSums {
  accuracy = 0;
  solved = 0;
  unsolved = 0;
  entropy = 0;
  gini = 0;
  labels = 0;

  constructor(readonly solvedAt: number) {}

  /** Adds row x of the table. */
  add(table: Float64Array, x: number, cols: number): void {
    const p0 = table[x * cols];
    const { entropy, squares } = rowMoments(table, x * cols, cols);
    this.accuracy += p0;
    if (p0 >= this.solvedAt) this.solved += 1;
    if (p0 === 0) this.unsolved += 1;
    this.entropy += entropy;
    this.gini += 1.0 - squares;
  }

  write(stats: Float64Array, rows: number): void {
    stats[CATEGORICAL_STATS.accuracy] = this.accuracy / rows;
    stats[CATEGORICAL_STATS.solvedFraction] = this.solved / rows;
    stats[CATEGORICAL_STATS.unsolved] = this.unsolved / rows;
    stats[CATEGORICAL_STATS.entropy] = this.entropy / rows;
    stats[CATEGORICAL_STATS.gini] = this.gini / rows;
  }
}

export function categoricalRowStats(table: Float64Array, rows: number, cols: number, epsilon: number, stats: Float64Array): void {
  const sums = new RowSums(1.0 - epsilon);
  for (let x = 0; x < rows; x++) sums.add(table, x, cols);
  sums.write(stats, rows);
}

/** First j >= 1 whose running sum p0 + ... + p_j exceeds u, else the last outcome with positive probability. */
function wrongOutcome(table: Float64Array, row: number, cols: number, u: number): number {
  let running = table[row];
  for (let j = 1; j < cols; j++) {
    running += table[row + j];
    if (running > u) return j;
  }
  let j = cols - 1;
  while (j > 1 && !(table[row + j] > 0)) j--;
  return j;
}

function drawAndFilter(
  state: Uint32Array, table: Float64Array, streak: Int32Array, rejected: Float64Array, kept: Int32Array, byRejections: Float64Array,
  rows: number, cols: number, samples: number, gamma: number, rho: number,
): number {
  byRejections.fill(0, 0, samples + 1);
  const drawCorrect = rho > 0 && rho < 1;
  const drawWrong = gamma > 0 && gamma < 1;
  const keepCorrect = rho === 0;
  const keepWrong = gamma === 1;
  let keptTotal = 0;
  for (let x = 0; x < rows; x++) {
    const row = x * cols;
    const head = table[row];
    const slots = x * samples;
    let n = 0;
    for (let s = 0; s < samples; s++) {
      const u = nextUniform(state);
      const correct = u < head;
      let keep: boolean;
      if (correct ? drawCorrect : drawWrong) {
        const v = nextUniform(state);
        keep = correct ? v >= rho : v < gamma;
      } else {
        keep = correct ? keepCorrect : keepWrong;
      }
      if (keep) kept[slots + n++] = correct ? 0 : wrongOutcome(table, row, cols, u);
    }
    const r = samples - n;
    rejected[x] = r;
    streak[x] = r > 0 ? streak[x] + 1 : 0;
    byRejections[r] += 1;
    keptTotal += n;
  }
  return keptTotal;
}

function expectedRejections(
  table: Float64Array, rejected: Float64Array, rows: number, cols: number, samples: number, gamma: number, rho: number,
): number {
  const k = samples;
  let keptTotal = 0;
  for (let x = 0; x < rows; x++) {
    const a = table[x * cols];
    const e = Math.max(0.0, 1.0 - a);
    rejected[x] = k * (rho * a + (1.0 - gamma) * e);
    keptTotal += k * (a * (1.0 - rho) + gamma * e);
  }
  return keptTotal;
}

function spreadMultinomial(state: Uint32Array, weights: Float64Array | null, labels: Float64Array, rows: number, budget: number): void {
  const weight = (x: number) => (weights ? weights[x] : 1.0);
  let total = 0;
  for (let x = 0; x < rows; x++) {
    labels[x] = 0;
    total += weight(x);
  }
  if (!(total > 0) || !(budget >= 1)) return;
  let x = rows - 1;
  let upper = total;
  let lower = upper - weight(x);
  let top = 1.0;
  for (let m = budget; m >= 1; m -= 1) {
    top *= detExp(detLog(nextUniformPositive(state)) / m);
    const target = top * total;
    while (target < lower && x > 0) {
      x--;
      upper = lower;
      lower = upper - weight(x);
    }
    labels[x] += 1;
  }
}

function fillHardestSampled(
  state: Uint32Array, rejected: Float64Array, streak: Int32Array, labels: Float64Array, workspace: Float64Array,
  rows: number, samples: number, budget: number,
): void {
  const byStreak = workspace.subarray(samples + 1);
  // Streaks of streakCap rounds or more tie, as in the kernel (130046 rounds at 1024 samples).
  const streakCap = CATEGORICAL_REFIT_WORKSPACE - samples - 2;
  let left = budget;
  let rStar = samples;
  while (rStar > 0 && rStar * workspace[rStar] <= left) {
    left -= rStar * workspace[rStar];
    rStar--;
  }
  if (rStar === 0) {
    labels.set(rejected.subarray(0, rows));
    return;
  }
  const demand = rStar;
  let longest = 0;
  for (let x = 0; x < rows; x++) {
    if (rejected[x] === demand) longest = Math.max(longest, Math.min(streak[x], streakCap));
  }
  byStreak.fill(0, 0, longest + 1);
  for (let x = 0; x < rows; x++) {
    if (rejected[x] === demand) byStreak[Math.min(streak[x], streakCap)] += 1;
  }
  let sStar = longest;
  while (sStar > 0 && demand * byStreak[sStar] <= left) {
    left -= demand * byStreak[sStar];
    sStar--;
  }
  const group = byStreak[sStar];
  const chosen = Math.ceil(left / demand);
  const remainder = left - (chosen - 1) * demand;
  let partial = remainder < demand ? Math.floor(nextUniform(state) * chosen) : -1;
  let need = chosen, seen = 0;
  for (let x = 0; x < rows; x++) {
    const d = rejected[x];
    let given = 0;
    if (d > demand) {
      given = d;
    } else if (d === demand) {
      const s = Math.min(streak[x], streakCap);
      if (s > sStar) {
        given = d;
      } else if (s === sStar && need > 0) {
        if (nextUniform(state) * (group - seen) < need) {
          given = partial === 0 ? remainder : d;
          partial -= 1;
          need -= 1;
        }
        seen += 1;
      }
    }
    labels[x] = given;
  }
}

/** 64-bit keys (the bits of non-negative doubles) compared as two unsigned 32-bit words. */
function fillHardestExpected(rejected: Float64Array, labels: Float64Array, histogram: Float64Array, rows: number, budget: number): void {
  const words = new Uint32Array(rejected.buffer, rejected.byteOffset, 2 * rows);
  let total = 0, candidates = 0;
  let orHi = 0, orLo = 0, andHi = 0xffffffff, andLo = 0xffffffff;
  for (let x = 0; x < rows; x++) {
    const d = rejected[x];
    if (!(d > 0)) continue;
    total += d;
    candidates += 1;
    orHi = (orHi | words[2 * x + 1]) >>> 0;
    orLo = (orLo | words[2 * x]) >>> 0;
    andHi = (andHi & words[2 * x + 1]) >>> 0;
    andLo = (andLo & words[2 * x]) >>> 0;
  }
  if (total <= budget) {
    labels.set(rejected.subarray(0, rows));
    return;
  }
  const counts = histogram.subarray(DIGIT_BUCKETS, 2 * DIGIT_BUCKETS);
  let left = budget, group = candidates;
  // kappa's digits chosen so far (the high ones): a row stays in the group while its key matches them.
  let prefixHi = 0, prefixLo = 0, maskHi = 0, maskLo = 0;
  for (let digit = 3; digit >= 0; digit--) {
    const inHi = digit >= 2;
    const digitMask = digit % 2 === 1 ? 0xffff0000 : 0x0000ffff;
    const shift = digit % 2 === 1 ? 16 : 0;
    let b: number;
    if (((inHi ? orHi ^ andHi : orLo ^ andLo) & digitMask) === 0) {
      b = ((inHi ? andHi : andLo) & digitMask) >>> shift;
    } else {
      histogram.fill(0, 0, 2 * DIGIT_BUCKETS);
      for (let x = 0; x < rows; x++) {
        const d = rejected[x];
        const hi = words[2 * x + 1], lo = words[2 * x];
        if (!(d > 0) || ((hi & maskHi) >>> 0) !== prefixHi || ((lo & maskLo) >>> 0) !== prefixLo) continue;
        const bucket = ((inHi ? hi : lo) & digitMask) >>> shift;
        histogram[bucket] += d;
        counts[bucket] += 1;
      }
      b = DIGIT_BUCKETS - 1;
      let above = 0;
      while (b > 0 && above + histogram[b] <= left) above += histogram[b--];
      left -= above;
      group = counts[b];
    }
    if (inHi) {
      prefixHi = (prefixHi | (b << shift)) >>> 0;
      maskHi = (maskHi | digitMask) >>> 0;
    } else {
      prefixLo = (prefixLo | (b << shift)) >>> 0;
      maskLo = (maskLo | digitMask) >>> 0;
    }
  }
  const share = left / group;
  for (let x = 0; x < rows; x++) {
    const d = rejected[x];
    const hi = words[2 * x + 1], lo = words[2 * x];
    const order = hi !== prefixHi ? (hi > prefixHi ? 1 : -1) : lo !== prefixLo ? (lo > prefixLo ? 1 : -1) : 0;
    labels[x] = !(d > 0) ? 0 : order > 0 ? d : order === 0 ? Math.min(d, share) : 0;
  }
}

function allocateLabels(
  state: Uint32Array, rejected: Float64Array, streak: Int32Array, labels: Float64Array, workspace: Float64Array,
  rows: number, samples: number, allocation: number, budget: number, expected: boolean,
): void {
  if (allocation === LABEL_ALLOCATION["replace-rejected"]) {
    labels.set(rejected.subarray(0, rows));
  } else if (allocation === LABEL_ALLOCATION.hardest) {
    if (expected) fillHardestExpected(rejected, labels, workspace, rows, budget);
    else fillHardestSampled(state, rejected, streak, labels, workspace, rows, samples, budget);
  } else if (allocation === LABEL_ALLOCATION.uniform || allocation === LABEL_ALLOCATION.proportional) {
    const weights = allocation === LABEL_ALLOCATION.uniform ? null : rejected;
    if (!expected) {
      spreadMultinomial(state, weights, labels, rows, budget);
      return;
    }
    let total = 0;
    for (let x = 0; x < rows; x++) total += weights ? weights[x] : 1.0;
    const scale = total > 0 ? budget / total : 0.0;
    for (let x = 0; x < rows; x++) labels[x] = (weights ? weights[x] : 1.0) * scale;
  } else {
    labels.fill(0, 0, rows);
  }
}

function refitSampled(
  state: Uint32Array, table: Float64Array, rejected: Float64Array, labels: Float64Array, kept: Int32Array, counts: Float64Array,
  rows: number, cols: number, samples: number, beta: number, alpha: number, sums: RowSums,
): void {
  const stay = 1.0 - alpha;
  const wrongSpan = cols - 1;
  counts.fill(0, 0, cols);
  for (let x = 0; x < rows; x++) {
    const row = x * cols;
    const n = samples - rejected[x];
    const given = labels[x];
    sums.labels += given;
    if (n + given > 0) {
      const slots = x * samples;
      for (let s = 0; s < n; s++) counts[kept[slots + s]] += 1;
      for (let l = 0; l < given; l++) {
        const u = nextUniform(state);
        const outcome = u < beta ? 0 : Math.min(cols - 1, 1 + Math.trunc(((u - beta) / (1.0 - beta)) * wrongSpan));
        counts[outcome] += 1;
      }
      const weight = alpha / (n + given);
      for (let j = 0; j < cols; j++) {
        table[row + j] = stay * table[row + j] + weight * counts[j];
        counts[j] = 0;
      }
    }
    sums.add(table, x, cols);
  }
}

function refitExpected(
  table: Float64Array, labels: Float64Array, rows: number, cols: number, samples: number,
  gamma: number, rho: number, beta: number, alpha: number, sums: RowSums,
): void {
  const k = samples;
  const stay = 1.0 - alpha;
  const wrongLabel = (1.0 - beta) / (cols - 1);
  for (let x = 0; x < rows; x++) {
    const row = x * cols;
    const a = table[row];
    const e = Math.max(0.0, 1.0 - a);
    const given = labels[x];
    sums.labels += given;
    const keptCorrect = k * a * (1.0 - rho);
    const total = keptCorrect + k * gamma * e + given;
    if (total > 0) {
      const weight = alpha / total;
      const scale = stay + weight * k * gamma;
      const shift = weight * given * wrongLabel;
      for (let j = 1; j < cols; j++) table[row + j] = scale * table[row + j] + shift;
      table[row] = stay * a + weight * (keptCorrect + given * beta);
    }
    sums.add(table, x, cols);
  }
}

export function refitCategoricalRows(
  state: Uint32Array, table: Float64Array, streak: Int32Array, rejected: Float64Array, labels: Float64Array,
  kept: Int32Array, workspace: Float64Array, rows: number, cols: number, samples: number, gamma: number, rho: number,
  beta: number, allocation: number, budget: number, alpha: number, expected: boolean, epsilon: number, stats: Float64Array,
): void {
  const keptTotal = expected
    ? expectedRejections(table, rejected, rows, cols, samples, gamma, rho)
    : drawAndFilter(state, table, streak, rejected, kept, workspace, rows, cols, samples, gamma, rho);
  allocateLabels(state, rejected, streak, labels, workspace, rows, samples, allocation, budget, expected);
  const sums = new RowSums(1.0 - epsilon);
  if (expected) refitExpected(table, labels, rows, cols, samples, gamma, rho, beta, alpha, sums);
  else refitSampled(state, table, rejected, labels, kept, workspace, rows, cols, samples, beta, alpha, sums);
  sums.write(stats, rows);
  stats[CATEGORICAL_STATS.acceptedFraction] = keptTotal / (rows * samples);
  stats[CATEGORICAL_STATS.labels] = sums.labels / rows;
}
