// Step 2 of a round of the categorical rows (see categorical-rows-refit.ts): the labeler's budget
// spread over the rows by an allocation rule (codes ALLOCATE_* in
// src/engine/constants/categorical-rows.ts). src/engine/reference/categorical-rows-labels.ts is
// the same computation in TypeScript and consumes the random stream in the same order.
//
// The rules, with B = budget (an integer number of labels in
// sampling mode, Infinity for no limit) and d = a row's rejections:
//   none              no labels
//   replace-rejected  one label per rejected sample, whatever B (the analysed procedure)
//   uniform           B labels, each to a uniformly random row (multinomial)
//   proportional      B labels, each to a row drawn with probability d / sum d (multinomial)
//   hardest           rows in order of d, then streak, then at random, each filled with d
//                     labels until B runs out (the last one partly)
//   resample          hardest's amounts, which the refit spends on extra samples instead
// Expected mode gives each row the expectation: replace-rejected d, uniform B / rows,
// proportional B d / sum d, hardest (and resample) full d in order of d with ties sharing evenly.
import { nextUniform, nextUniformPositive } from "./rng";
import { detExp, detLog } from "./math";
import { at, atI32 } from "./address";
import {
  ALLOCATE_REPLACE_REJECTED, ALLOCATE_UNIFORM, ALLOCATE_PROPORTIONAL, ALLOCATE_HARDEST, ALLOCATE_RESAMPLE,
  DIGIT_BUCKETS, REFIT_WORKSPACE_LENGTH,
} from "../src/engine/constants/categorical-rows";

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
 * samples + 1 counts by r, so streaks of streakCap = REFIT_WORKSPACE_LENGTH - samples - 2 rounds or
 * more tie: 130046 rounds at the scenario's largest samples (1024), 65534 at the engine's (65536).
 */
function fillHardestSampled(
  rng: usize, rejected: usize, streak: usize, labels: usize, workspace: usize, rows: i32, samples: i32, budget: f64,
): void {
  // Rows by rejections (from step 1), then rows by streak after them.
  const byStreak = workspace + (<usize>(samples + 1) << 3);
  const streakCap = REFIT_WORKSPACE_LENGTH - samples - 2;
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

/** Step 2: labels (extra samples, for resample) per row by the allocation rule. */
export function allocateLabels(
  rng: usize, rejected: usize, streak: usize, labels: usize, workspace: usize,
  rows: i32, samples: i32, allocation: i32, budget: f64, expected: bool,
): void {
  if (allocation == ALLOCATE_REPLACE_REJECTED) {
    memory.copy(labels, rejected, <usize>rows << 3);
  } else if (allocation == ALLOCATE_HARDEST || allocation == ALLOCATE_RESAMPLE) {
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
