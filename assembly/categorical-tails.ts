// The categorical-tails passes over K symbols, one loop each, every sum in index order
// (src/engine/reference/categorical-tails.ts gives the same bits): the temperature step of the
// sampling transform, a model's metrics against the base p0, and the exact expectations of the
// next round's metrics given the current state.
import { detExp, detLog } from "./math";
import { at } from "./address";
import { quotient } from "./linalg";
import { detLog1p } from "./log-factorial";


/**
 * out = p^(1/tau) on the support of p, normalised: exp((ln p - ln max p) / tau), which cannot
 * underflow for the largest entry.
 */
export function temperatureTransform(p: usize, k: i32, inverseTemperature: f64, out: usize): void {
  let top = 0.0;
  for (let i = 0; i < k; i++) {
    const x = load<f64>(at(p, i));
    if (x > top) top = x;
  }
  const logTop = detLog(top);
  let total = 0.0;
  for (let i = 0; i < k; i++) {
    const x = load<f64>(at(p, i));
    const v = x > 0.0 ? detExp((detLog(x) - logTop) * inverseTemperature) : 0.0;
    store<f64>(at(out, i), v);
    total += v;
  }
  quotient(out, k, total, out);
}

/**
 * stats[0..4] = supportSize, lostMass (the p0 mass where p = 0), tailMass (p's mass from index
 * tailRank on), gini = 1 - sum p^2 and entropy -sum p ln p, of the model p.
 */
export function categoricalTailsMetrics(p: usize, p0: usize, k: i32, tailRank: i32, stats: usize): void {
  let support = 0.0, lost = 0.0, tail = 0.0, squares = 0.0, entropy = 0.0;
  for (let i = 0; i < k; i++) {
    const x = load<f64>(at(p, i));
    if (x > 0.0) {
      support += 1.0;
      squares += x * x;
      entropy -= x * detLog(x);
    } else {
      lost += load<f64>(at(p0, i));
    }
    if (i >= tailRank) tail += x;
  }
  store<f64>(stats, support);
  store<f64>(stats, lost, 8);
  store<f64>(stats, tail, 16);
  store<f64>(stats, 1.0 - squares, 24);
  store<f64>(stats, entropy, 32);
}

/**
 * keep[0..m) = the entries i < k with source_i > 0, in order; returns m, with dead[0] = the sum
 * of p0 over the others (in index order). Without branches: on a large support, which symbols
 * are still alive is a coin flip for each rare one.
 */
export function liveSymbols(source: usize, p0: usize, k: i32, keep: usize, dead: usize): i32 {
  let m = 0, lost = 0.0;
  for (let i = 0; i < k; i++) {
    const alive = load<f64>(at(source, i)) > 0.0;
    store<i32>(keep + (<usize>m << 2), i);
    m += <i32>alive;
    lost += select<f64>(0.0, load<f64>(at(p0, i)), alive);
  }
  store<f64>(dead, lost);
  return m;
}

/** Below this q, ln(1 - q) is its six-term series (error under q^7/7, far below rounding): no logarithm for the tail. */
// @ts-ignore: decorator
@inline const SERIES_BELOW: f64 = 0.0009765625;

/** The last coefficient of ln(1 - q)'s series, 1/6. */
// @ts-ignore: decorator
@inline const LOG_C6: f64 = 1.0 / 6.0;

/** Above -EXP_SERIES_BELOW, e^y is its degree-8 Taylor polynomial, coefficients EXP_Ck = 1/k! (error under |y|^9/9!, far below rounding). */
// @ts-ignore: decorator
@inline const EXP_SERIES_BELOW: f64 = 0.03125;
// @ts-ignore: decorator
@inline const EXP_C2: f64 = 1.0 / 2.0;
// @ts-ignore: decorator
@inline const EXP_C3: f64 = 1.0 / 6.0;
// @ts-ignore: decorator
@inline const EXP_C4: f64 = 1.0 / 24.0;
// @ts-ignore: decorator
@inline const EXP_C5: f64 = 1.0 / 120.0;
// @ts-ignore: decorator
@inline const EXP_C6: f64 = 1.0 / 720.0;
// @ts-ignore: decorator
@inline const EXP_C7: f64 = 1.0 / 5040.0;
// @ts-ignore: decorator
@inline const EXP_C8: f64 = 1.0 / 40320.0;

/** (1 - q)^m, the chance that m tokens of a distribution giving q miss the symbol. */
// @ts-ignore: decorator
@inline function miss(q: f64, m: f64): f64 {
  if (m == 0.0 || q <= 0.0) return 1.0;
  if (q >= 1.0) return 0.0;
  const log = q < SERIES_BELOW ? -q * (1.0 + q * (0.5 + q * (1.0 / 3.0 + q * (0.25 + q * (0.2 + q * LOG_C6))))) : detLog1p(-q);
  const y = m * log;
  // Most symbols of a large support are rare: e^y as its Taylor polynomial where |y| is small.
  return y > -EXP_SERIES_BELOW ? 1.0 + y * (1.0 + y * (EXP_C2 + y * (EXP_C3 + y * (EXP_C4 + y * (EXP_C5 + y * (EXP_C6 + y * (EXP_C7 + y * EXP_C8))))))) : detExp(y);
}

/**
 * miss on both lanes of q, bit for bit: where both lanes take the two series (a rare symbol's),
 * their operations lane by lane, else miss on each lane.
 */
// @ts-ignore: decorator
@inline function missLanes(q: v128, m: f64): v128 {
  const inSeries = v128.and(f64x2.gt(q, f64x2.splat(0.0)), f64x2.lt(q, f64x2.splat(SERIES_BELOW)));
  if (m != 0.0 && i64x2.all_true(inSeries)) {
    // The scalar expressions' Horner steps, innermost first.
    let inner = f64x2.add(f64x2.splat(0.2), f64x2.mul(q, f64x2.splat(LOG_C6)));
    inner = f64x2.add(f64x2.splat(0.25), f64x2.mul(q, inner));
    inner = f64x2.add(f64x2.splat(1.0 / 3.0), f64x2.mul(q, inner));
    inner = f64x2.add(f64x2.splat(0.5), f64x2.mul(q, inner));
    inner = f64x2.add(f64x2.splat(1.0), f64x2.mul(q, inner));
    const y = f64x2.mul(f64x2.splat(m), f64x2.mul(f64x2.neg(q), inner));
    if (i64x2.all_true(f64x2.gt(y, f64x2.splat(-EXP_SERIES_BELOW)))) {
      let e = f64x2.add(f64x2.splat(EXP_C7), f64x2.mul(y, f64x2.splat(EXP_C8)));
      e = f64x2.add(f64x2.splat(EXP_C6), f64x2.mul(y, e));
      e = f64x2.add(f64x2.splat(EXP_C5), f64x2.mul(y, e));
      e = f64x2.add(f64x2.splat(EXP_C4), f64x2.mul(y, e));
      e = f64x2.add(f64x2.splat(EXP_C3), f64x2.mul(y, e));
      e = f64x2.add(f64x2.splat(EXP_C2), f64x2.mul(y, e));
      e = f64x2.add(f64x2.splat(1.0), f64x2.mul(y, e));
      return f64x2.add(f64x2.splat(1.0), f64x2.mul(y, e));
    }
  }
  return f64x2.replace_lane(f64x2.splat(miss(f64x2.extract_lane(q, 0), m)), 1, miss(f64x2.extract_lane(q, 1), m));
}

/**
 * The conditional pass of a round without fixed counts or real tokens: out[0..3] = the sums of
 * q^2, of 1 - miss(q, synthetic), of p0 miss(q, synthetic) and of q from tailRank on, each as two
 * partial sums over the even and the odd entries (the SIMD lanes) added at the end, then an odd
 * last entry. Most symbols of a large support are rare, and their misses go two at a time.
 */
function synthesisOnlySums(p0: usize, q: usize, k: i32, synthetic: f64, tailRank: i32, out: usize): void {
  let i = 0;
  let qq: f64, support: f64, lost: f64, tail: f64;
  if (ASC_FEATURE_SIMD) {
    const one = f64x2.splat(1.0);
    let vqq = f64x2.splat(0), vs = f64x2.splat(0), vl = f64x2.splat(0), vt = f64x2.splat(0);
    for (; i + 2 <= k; i += 2) {
      const x = v128.load(at(q, i)), b = v128.load(at(p0, i));
      vqq = f64x2.add(vqq, f64x2.mul(x, x));
      const absent = missLanes(x, synthetic);
      vs = f64x2.add(vs, f64x2.sub(one, absent));
      vl = f64x2.add(vl, f64x2.mul(b, absent));
      // Adding +0 leaves a sum as it is: the entries below tailRank add 0.
      const inTail = i >= tailRank ? x : f64x2.replace_lane(f64x2.splat(0.0), 1, i + 1 >= tailRank ? f64x2.extract_lane(x, 1) : 0.0);
      vt = f64x2.add(vt, inTail);
    }
    qq = f64x2.extract_lane(vqq, 0) + f64x2.extract_lane(vqq, 1);
    support = f64x2.extract_lane(vs, 0) + f64x2.extract_lane(vs, 1);
    lost = f64x2.extract_lane(vl, 0) + f64x2.extract_lane(vl, 1);
    tail = f64x2.extract_lane(vt, 0) + f64x2.extract_lane(vt, 1);
  } else {
    let qq0 = 0.0, qq1 = 0.0, s0 = 0.0, s1 = 0.0, l0 = 0.0, l1 = 0.0, t0 = 0.0, t1 = 0.0;
    for (; i + 2 <= k; i += 2) {
      const x0 = load<f64>(at(q, i)), x1 = load<f64>(at(q, i), 8);
      qq0 += x0 * x0;
      qq1 += x1 * x1;
      const a0 = miss(x0, synthetic), a1 = miss(x1, synthetic);
      s0 += 1.0 - a0;
      s1 += 1.0 - a1;
      l0 += load<f64>(at(p0, i)) * a0;
      l1 += load<f64>(at(p0, i), 8) * a1;
      t0 += i >= tailRank ? x0 : 0.0;
      t1 += i + 1 >= tailRank ? x1 : 0.0;
    }
    qq = qq0 + qq1;
    support = s0 + s1;
    lost = l0 + l1;
    tail = t0 + t1;
  }
  if (i < k) {
    const x = load<f64>(at(q, i)), absent = miss(x, synthetic);
    qq += x * x;
    support += 1.0 - absent;
    lost += load<f64>(at(p0, i)) * absent;
    if (i >= tailRank) tail += x;
  }
  store<f64>(out, qq);
  store<f64>(out, support, 8);
  store<f64>(out, lost, 16);
  store<f64>(out, tail, 24);
}

/**
 * stats[0..3] = E[supportSize, lostMass, tailMass, gini of the next model | now], for a round that
 * trains on fixed counts F (hasFixed; the pool or a real set), `real` fresh tokens from p0 and
 * `synthetic` tokens from q: a symbol is absent when F_i = 0 and no fresh token hits it, and
 * E sum p^2 expands over the three parts.
 */
export function categoricalTailsConditional(
  p0: usize, q: usize, fixed: usize, hasFixed: bool, k: i32, real: f64, synthetic: f64, tailRank: i32, stats: usize,
): void {
  let fixedTotal = 0.0, ff = 0.0, fq = 0.0, f0 = 0.0, qq = 0.0, q0 = 0.0, p2 = 0.0;
  let support = 0.0, lost = 0.0, tailFixed = 0.0, tailBase = 0.0, tailQ = 0.0;
  // Without fixed counts or real tokens (replace, for one), the sums of f and of p0's products
  // stay 0 and only four are needed (synthesisOnlySums).
  const synthesisOnly = !hasFixed && real == 0.0;
  if (synthesisOnly) {
    synthesisOnlySums(p0, q, k, synthetic, tailRank, stats);
    qq = load<f64>(stats);
    support = load<f64>(stats, 8);
    lost = load<f64>(stats, 16);
    tailQ = load<f64>(stats, 24);
  } else {
    for (let i = 0; i < k; i++) {
      const f = hasFixed ? load<f64>(at(fixed, i)) : 0.0;
      const b = load<f64>(at(p0, i)), x = load<f64>(at(q, i));
      fixedTotal += f;
      ff += f * f;
      fq += f * x;
      f0 += f * b;
      qq += x * x;
      q0 += x * b;
      p2 += b * b;
      const absent = f > 0.0 ? 0.0 : miss(x, synthetic) * miss(b, real);
      support += 1.0 - absent;
      lost += b * absent;
      if (i >= tailRank) {
        tailFixed += f;
        tailBase += b;
        tailQ += x;
      }
    }
  }
  const total = fixedTotal + real + synthetic;
  const squares =
    (ff + 2.0 * synthetic * fq + 2.0 * real * f0 + real + real * (real - 1.0) * p2 + 2.0 * real * synthetic * q0 + synthetic + synthetic * (synthetic - 1.0) * qq) /
    (total * total);
  store<f64>(stats, support);
  store<f64>(stats, lost, 8);
  store<f64>(stats, (tailFixed + real * tailBase + synthetic * tailQ) / total, 16);
  store<f64>(stats, 1.0 - squares, 24);
}
