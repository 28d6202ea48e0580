// Statistics of a table of categorical rows, added up row by row into a stats block (indices
// STAT_* in src/engine/constants/categorical-rows.ts): the mean of p0, the shares of solved
// (p0 >= 1 - epsilon) and unsolved (p0 = 0) rows, the mean entropy and the mean Gini
// diversity. src/engine/reference/categorical-rows-stats.ts adds the same terms in the same order.
import { detLog } from "./math";
import { at } from "./address";
import {
  STAT_ACCURACY, STAT_SOLVED, STAT_UNSOLVED, STAT_ENTROPY, STAT_GINI, MIN_NORMAL,
} from "../src/engine/constants/categorical-rows";
import { LN2_HI, LN2_LO, LOG_LG1, LOG_LG2, LOG_LG3, LOG_LG4, LOG_LG5, LOG_LG6, LOG_LG7 } from "../src/engine/constants/fdlibm";

/** -p ln p, taken as 0 below MIN_NORMAL (so the vector version needs no subnormal path). */
// @ts-ignore: decorator
@inline function entropyTerm(p: f64): f64 {
  return p >= MIN_NORMAL ? -p * detLog(p) : 0.0;
}

/**
 * entropyTerm on both lanes of p (0 <= p <= 1): detLog's operations (math.ts) lane by lane,
 * so every lane equals the scalar result bit for bit. The logarithm is most of a round's
 * work; two lanes per instruction halve it. Lanes below MIN_NORMAL compute a finite
 * meaningless logarithm that the final mask discards.
 */
// @ts-ignore: decorator
@inline function entropyTerms(p: v128): v128 {
  // Each lane reduced into [sqrt(2)/2, sqrt(2)] on its high word, as 64-bit integers: adding
  // constants whose low words are 0 leaves the low word as it is and carries nothing into the
  // high one, so this is detLog's arithmetic on the high word, with fewer operations.
  const shifted = i64x2.add(p, i64x2.splat(<i64>(0x3ff00000 - 0x3fe6a09e) << 32));
  const k = i32x4.sub(i32x4.shr_u(shifted, 20), i32x4.splat(0x3ff));
  const x = i64x2.add(v128.and(shifted, i64x2.splat(0x000fffffffffffff)), i64x2.splat(<i64>0x3fe6a09e << 32));
  const one = f64x2.splat(1.0);
  const f = f64x2.sub(x, one);
  const hfsq = f64x2.mul(f64x2.mul(f64x2.splat(0.5), f), f);
  const s = f64x2.div(f, f64x2.add(f64x2.splat(2.0), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, f64x2.add(f64x2.splat(LOG_LG2), f64x2.mul(w, f64x2.add(f64x2.splat(LOG_LG4), f64x2.mul(w, f64x2.splat(LOG_LG6))))));
  const t2 = f64x2.mul(z, f64x2.add(f64x2.splat(LOG_LG1), f64x2.mul(w, f64x2.add(f64x2.splat(LOG_LG3),
    f64x2.mul(w, f64x2.add(f64x2.splat(LOG_LG5), f64x2.mul(w, f64x2.splat(LOG_LG7))))))));
  const r = f64x2.add(t2, t1);
  const dk = f64x2.convert_low_i32x4_s(i32x4.shuffle(k, k, 1, 3, 1, 3));
  let log = f64x2.add(f64x2.mul(s, f64x2.add(hfsq, r)), f64x2.mul(dk, f64x2.splat(LN2_LO)));
  log = f64x2.add(f64x2.add(f64x2.sub(log, hfsq), f), f64x2.mul(dk, f64x2.splat(LN2_HI)));
  return v128.and(f64x2.mul(f64x2.neg(p), log), f64x2.ge(p, f64x2.splat(MIN_NORMAL)));
}

// @ts-ignore: decorator
@inline function addTo(stats: usize, index: i32, value: f64): void {
  const entry = at(stats, index);
  store<f64>(entry, load<f64>(entry) + value);
}

/** Sets the row sums (accuracy, solved, unsolved, entropy, Gini) to 0 before a pass over the rows. */
export function clearRowStats(stats: usize): void {
  store<f64>(at(stats, STAT_ACCURACY), 0.0);
  store<f64>(at(stats, STAT_SOLVED), 0.0);
  store<f64>(at(stats, STAT_UNSOLVED), 0.0);
  store<f64>(at(stats, STAT_ENTROPY), 0.0);
  store<f64>(at(stats, STAT_GINI), 0.0);
}

/**
 * Adds a row's terms to the row sums. Its entropy and sum of squares are each summed in two
 * interleaved partial sums (even and odd entries) added at the end, then an odd last entry:
 * the SIMD lanes' order, which the scalar build and the TypeScript reference follow too.
 */
export function addRowStats(stats: usize, row: usize, cols: i32, solvedAt: f64): void {
  let j = 0;
  let entropy: f64, squares: f64;
  if (ASC_FEATURE_SIMD) {
    let e = f64x2.splat(0), q = f64x2.splat(0);
    // The logarithm is a long chain of dependent operations, so four independent ones per step
    // (two was 9% slower at 16 entries a row); each lane still adds its terms in entry order.
    for (; j + 8 <= cols; j += 8) {
      const p = v128.load(at(row, j)), p2 = v128.load(at(row, j), 16);
      const p3 = v128.load(at(row, j), 32), p4 = v128.load(at(row, j), 48);
      const ta = entropyTerms(p), tb = entropyTerms(p2), tc = entropyTerms(p3), td = entropyTerms(p4);
      e = f64x2.add(f64x2.add(f64x2.add(f64x2.add(e, ta), tb), tc), td);
      q = f64x2.add(f64x2.add(q, f64x2.mul(p, p)), f64x2.mul(p2, p2));
      q = f64x2.add(f64x2.add(q, f64x2.mul(p3, p3)), f64x2.mul(p4, p4));
    }
    for (; j + 4 <= cols; j += 4) {
      const p = v128.load(at(row, j)), p2 = v128.load(at(row, j), 16);
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
  const p0 = load<f64>(row);
  addTo(stats, STAT_ACCURACY, p0);
  if (p0 >= solvedAt) addTo(stats, STAT_SOLVED, 1.0);
  if (p0 == 0) addTo(stats, STAT_UNSOLVED, 1.0);
  addTo(stats, STAT_ENTROPY, entropy);
  addTo(stats, STAT_GINI, 1.0 - squares);
}

/** Turns the row sums into means over `rows` rows. */
export function averageRowStats(stats: usize, rows: i32): void {
  const n = <f64>rows;
  store<f64>(at(stats, STAT_ACCURACY), load<f64>(at(stats, STAT_ACCURACY)) / n);
  store<f64>(at(stats, STAT_SOLVED), load<f64>(at(stats, STAT_SOLVED)) / n);
  store<f64>(at(stats, STAT_UNSOLVED), load<f64>(at(stats, STAT_UNSOLVED)) / n);
  store<f64>(at(stats, STAT_ENTROPY), load<f64>(at(stats, STAT_ENTROPY)) / n);
  store<f64>(at(stats, STAT_GINI), load<f64>(at(stats, STAT_GINI)) / n);
}

/** Accuracy, solved and unsolved shares, mean entropy and mean Gini diversity of a table into stats. */
export function categoricalRowStats(table: usize, rows: i32, cols: i32, epsilon: f64, stats: usize): void {
  clearRowStats(stats);
  const solvedAt = 1.0 - epsilon;
  for (let x = 0; x < rows; x++) addRowStats(stats, table + <usize>x * (<usize>cols << 3), cols, solvedAt);
  averageRowStats(stats, rows);
}
