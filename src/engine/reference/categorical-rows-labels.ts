// assembly/categorical-rows-labels.ts in plain TypeScript (step 2 of a round: the labeler's budget
// spread over the rows), consuming the random stream in the same order. Selection keys are
// 64-bit there; here they are pairs of 32-bit words.
import { nextUniform, nextUniformPositive } from "./rng.js";
import { detExp, detLog } from "../../math/fdlibm.js";
import {
  ALLOCATE_REPLACE_REJECTED, ALLOCATE_UNIFORM, ALLOCATE_PROPORTIONAL, ALLOCATE_HARDEST, ALLOCATE_RESAMPLE,
  DIGIT_BUCKETS, REFIT_WORKSPACE_LENGTH,
} from "../constants/categorical-rows.js";

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
  const streakCap = REFIT_WORKSPACE_LENGTH - samples - 2;
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

export function allocateLabels(
  state: Uint32Array, rejected: Float64Array, streak: Int32Array, labels: Float64Array, workspace: Float64Array,
  rows: number, samples: number, allocation: number, budget: number, expected: boolean,
): void {
  if (allocation === ALLOCATE_REPLACE_REJECTED) {
    labels.set(rejected.subarray(0, rows));
  } else if (allocation === ALLOCATE_HARDEST || allocation === ALLOCATE_RESAMPLE) {
    if (expected) fillHardestExpected(rejected, labels, workspace, rows, budget);
    else fillHardestSampled(state, rejected, streak, labels, workspace, rows, samples, budget);
  } else if (allocation === ALLOCATE_UNIFORM || allocation === ALLOCATE_PROPORTIONAL) {
    const weights = allocation === ALLOCATE_UNIFORM ? null : rejected;
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
