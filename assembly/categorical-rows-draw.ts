// Step 1 of a round of the categorical rows (see categorical-rows-refit.ts): every row's samples
// drawn and filtered, or their expectation. src/engine/reference/categorical-rows-draw.ts is
// the same computation in TypeScript and consumes the random stream in the same order.
import { STREAM_CURSOR_OFFSET, STREAM_BUFFER_PAIRS } from "../src/engine/constants/stream";
import { refillIfSpent, pairAt, pairsAddress, pairToInt53, pairToUniform, nextUniform } from "./rng";
import { at, atI32 } from "./address";

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
 * A uniform int53 * 2^-53 (pairToUniform) is below t exactly when int53 < ceil(t 2^53), for
 * 0 <= t <= 1: scaling by 2^53 is exact, and an integer is below a real exactly when it is
 * below the real's ceiling. The vector draw compares the pairs' integers against these.
 */
// @ts-ignore: decorator
@inline function threshold(t: f64): i64 {
  return <i64>Math.ceil(t * 9007199254740992.0);
}

/** pairToInt53 on both lanes. */
// @ts-ignore: decorator
@inline function pairsToInt53(pairs: v128): v128 {
  return v128.or(i64x2.shr_u(pairs, 32), i64x2.shl(v128.and(pairs, i64x2.splat(0xfffff800)), 21));
}

/**
 * Step 1's draw of one row in the common case (both keep probabilities strictly between 0 and
 * 1), two samples per vector step: the number of kept samples, or -1 when a wrong sample is
 * kept (which needs the row searched; the caller then redraws the row the scalar way from the
 * same cursor). Reads the row's 2 samples pairs from the buffer at cursor without moving it.
 */
// @ts-ignore: decorator
@inline function keptCorrectOnly(rng: usize, cursor: u32, samples: i32, head: i64, rho: i64, gamma: i64): i32 {
  const h = i64x2.splat(head), r = i64x2.splat(rho), g = i64x2.splat(gamma);
  let n = 0;
  let wrongKept = i64x2.splat(0);
  let s = 0;
  let address = pairsAddress(rng, cursor);
  for (; s + 2 <= samples; s += 2, address += 32) {
    // Pairs u_s, v_s, u_s+1, v_s+1: the outcome uniforms to one vector, the filter's to another.
    const first = v128.load(address), second = v128.load(address, 16);
    const correct = i64x2.lt_s(pairsToInt53(v128.shuffle<i64>(first, second, 0, 2)), h);
    const v = pairsToInt53(v128.shuffle<i64>(first, second, 1, 3));
    const keep = v128.bitselect(i64x2.ge_s(v, r), i64x2.lt_s(v, g), correct);
    wrongKept = v128.or(wrongKept, v128.andnot(keep, correct));
    n += <i32>popcnt<u32>(i64x2.bitmask(keep));
  }
  if (s < samples) {
    const correct = pairToInt53(load<u64>(address)) < head;
    const v = pairToInt53(load<u64>(address, 8));
    const keep = correct ? v >= rho : v < gamma;
    if (keep && !correct) return -1;
    n += <i32>keep;
  }
  return v128.any_true(wrongKept) ? -1 : n;
}

/** Zeroes a row's kept slots (i32), four a store. */
// @ts-ignore: decorator
@inline function zeroSlots(slots: usize, samples: i32): void {
  let s = 0;
  for (; s + 4 <= samples; s += 4) v128.store(atI32(slots, s), i64x2.splat(0));
  for (; s < samples; s++) store<i32>(atI32(slots, s), 0);
}

/**
 * Step 1, sampling mode: draws and filters every row's samples, records the kept outcomes,
 * the rejections and the rejection streaks, and counts rows by rejections (workspace[r],
 * r = 0..samples) for the hardest-first allocation. Returns the number of kept samples. A
 * draw u is correct when u < p0; which wrong outcome it is matters only when the sample is
 * kept, so the row is searched only then (never under the oracle filter).
 */
export function drawAndFilter(
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
  const rhoBelow = alwaysDraws ? threshold(rho) : 0, gammaBelow = alwaysDraws ? threshold(gamma) : 0;
  let cursor = load<u32>(rng + STREAM_CURSOR_OFFSET);
  let keptTotal: f64 = 0;
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    const head = load<f64>(row);
    const slots = kept + ((<usize>x * <usize>samples) << 2);
    let n = 0;
    // The common case, specialised: two pairs per sample, all of the row's in the buffer; with
    // SIMD, and no wrong sample kept, the row's samples at two a step and its kept slots zeroed.
    const vectorKept = ASC_FEATURE_SIMD && alwaysDraws && cursor + rowPairs <= <u32>STREAM_BUFFER_PAIRS && head >= 0 && head <= 1
      ? keptCorrectOnly(rng, cursor, samples, threshold(head), rhoBelow, gammaBelow)
      : -1;
    if (vectorKept >= 0) {
      n = vectorKept;
      cursor += rowPairs;
      zeroSlots(slots, samples);
    } else if (alwaysDraws && cursor + rowPairs <= <u32>STREAM_BUFFER_PAIRS) {
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
        cursor = refillIfSpent(rng, cursor);
        const u = pairToUniform(pairAt(rng, cursor++));
        const correct = u < head;
        // Selects rather than branches: whether a draw is correct is a coin flip the CPU cannot predict.
        let keep = correct ? keepCorrect : keepWrong;
        if (correct ? drawCorrect : drawWrong) {
          cursor = refillIfSpent(rng, cursor);
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
  store<u32>(rng + STREAM_CURSOR_OFFSET, cursor);
  return keptTotal;
}

/**
 * One more sample of a row, drawn and filtered by step 1's rule (the outcome uniform, then a
 * filter uniform unless the keep probability is exactly 0 or 1), with the stream's cursor in
 * memory: the outcome if the filter keeps it, else -1. For the few extra samples of resample;
 * step 1's loop keeps its cursor in a local instead.
 */
export function drawKept(rng: usize, row: usize, cols: i32, gamma: f64, rho: f64): i32 {
  const u = nextUniform(rng);
  const correct = u < load<f64>(row);
  let keep = correct ? rho == 0 : gamma == 1;
  if (correct ? rho > 0 && rho < 1 : gamma > 0 && gamma < 1) {
    const v = nextUniform(rng);
    keep = correct ? v >= rho : v < gamma;
  }
  return !keep ? -1 : correct ? 0 : wrongOutcome(row, cols, u);
}

/** Step 1, expected mode: each row's expected rejections; returns the expected kept samples. */
export function expectedRejections(table: usize, rejected: usize, rows: i32, cols: i32, samples: i32, gamma: f64, rho: f64): f64 {
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
