// One hypergeometric draw at a time, exact: the number of good items in a sample drawn without
// replacement from good + bad items. The problem is first reduced to the rarer kind and the
// smaller of the sample and its complement; then inversion from 0 when that mean is under 10
// (with a squeeze that settles most draws of a tiny mean as 0 from one uniform), else
// Stadlober's ratio of uniforms (HRUA, 1989/1990, as numpy uses it).
// src/engine/reference/hypergeometric.ts consumes the stream the same way.
import { nextUniform } from "./rng";
import { detExp, detLog } from "./math";
import { stirlingTail, logFactorial, detLog1p } from "./log-factorial";

// @ts-ignore: decorator
@inline const INVERSION_BELOW: f64 = 10.0;
/** 2 sqrt(2 / e) and 3 - 2 sqrt(3 / e): HRUA's hat constants. */
// @ts-ignore: decorator
@inline const HRUA_D1: f64 = 1.7155277699214135;
// @ts-ignore: decorator
@inline const HRUA_D2: f64 = 0.8989161620588988;
/** Below this many factors, P(0) is their product; above, a difference of log-factorials without cancellation. */
// @ts-ignore: decorator
@inline const PRODUCT_UP_TO: f64 = 32.0;

/** Good items among `sample` drawn without replacement from good + bad (integer-valued f64s, sample <= good + bad). */
export function nextHypergeometric(state: usize, good: f64, bad: f64, sample: f64): f64 {
  if (sample <= 0.0 || good <= 0.0) return 0.0;
  if (bad <= 0.0) return sample;
  const total = good + bad;
  const rare = Math.min(good, bad);
  const s = Math.min(sample, total - sample);
  let x = (s * rare) / total < INVERSION_BELOW ? inversion(state, rare, total, s) : hrua(state, rare, total - rare, s);
  if (good > bad) x = s - x;
  if (s < sample) x = good - x;
  return x;
}

/** P(no rare item in the sample) = C(total - rare, s) / C(total, s). */
function probabilityOfNone(rare: f64, total: f64, s: f64): f64 {
  const factors = Math.min(rare, s);
  if (factors <= PRODUCT_UP_TO) {
    const other = Math.max(rare, s);
    let product = 1.0;
    for (let j = 0.0; j < factors; j += 1.0) product *= (total - other - j) / (total - j);
    return product;
  }
  // ln(a! / (a - s)!) - ln(total! / (total - s)!) for a = total - rare, from Stirling's form in
  // k + 1, its large terms paired into logarithms of ratios so that nothing cancels.
  const a = total - rare;
  const log =
    s * detLog1p(-rare / (total + 1.0)) -
    (a - s + 0.5) * detLog1p(-s / (a + 1.0)) +
    (total - s + 0.5) * detLog1p(-s / (total + 1.0)) +
    stirlingTail(a) - stirlingTail(a - s) - stirlingTail(total) + stirlingTail(total - s);
  return detExp(log);
}

/**
 * Sequential search from 0 through the pmf's recurrence, restarting with a fresh uniform past
 * min(rare, s, mean + 10 sd + 10). P(0) >= 1 - s rare / (total - s + 1), so a uniform at most
 * that is 0 without computing P(0).
 */
function inversion(state: usize, rare: f64, total: f64, s: f64): f64 {
  let u = nextUniform(state);
  if (u <= 1.0 - (s * rare) / (total - s + 1.0)) return 0.0;
  const p0 = probabilityOfNone(rare, total, s);
  const mean = (s * rare) / total;
  const bound = Math.min(Math.min(rare, s), mean + 10.0 * Math.sqrt(mean) + 10.0);
  const rest = total - rare - s;
  let x = 0.0, px = p0;
  while (u > px) {
    x += 1.0;
    if (x > bound) {
      x = 0.0;
      px = p0;
      u = nextUniform(state);
    } else {
      u -= px;
      px = (px * (rare - x + 1.0) * (s - x + 1.0)) / (x * (rest + x));
    }
  }
  return x;
}

/** Stadlober's HRUA for the rarer kind (rare <= common) and s <= total / 2, mean >= 10. */
function hrua(state: usize, rare: f64, common: f64, s: f64): f64 {
  const total = rare + common;
  const p = rare / total, q = common / total;
  const a = s * p + 0.5;
  const variance = ((total - s) * s * p * q) / (total - 1.0);
  const c = Math.sqrt(variance + 0.5);
  const h = HRUA_D1 * c + HRUA_D2;
  const m = Math.floor(((s + 1.0) * (rare + 1.0)) / (total + 2.0));
  const g = logFactorial(m) + logFactorial(rare - m) + logFactorial(s - m) + logFactorial(common - s + m);
  const b = Math.min(Math.min(s, rare) + 1.0, Math.floor(a + 16.0 * c));
  while (true) {
    const u = nextUniform(state);
    const v = nextUniform(state);
    const x = a + (h * (v - 0.5)) / u;
    if (x < 0.0 || x >= b) continue;
    const k = Math.floor(x);
    const t = g - (logFactorial(k) + logFactorial(rare - k) + logFactorial(s - k) + logFactorial(common - s + k));
    if (u * (4.0 - u) - 3.0 <= t) return k;
    if (u * (u - t) >= 1.0) continue;
    if (2.0 * detLog(u) <= t) return k;
  }
}
