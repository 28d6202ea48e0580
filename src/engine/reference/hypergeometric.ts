// One hypergeometric draw at a time, as assembly/hypergeometric.ts: reduced to the rarer kind and
// the smaller of the sample and its complement, then inversion below a mean of 10 (with its
// squeeze), else Stadlober's HRUA.
import { nextUniform } from "./rng.js";
import { detExp, detLog } from "../../math/fdlibm.js";
import { detLog1p } from "../../math/special.js";
import { stirlingTail, logFactorial } from "./log-factorial.js";

const INVERSION_BELOW = 10;
const HRUA_D1 = 1.7155277699214135;
const HRUA_D2 = 0.8989161620588988;
const PRODUCT_UP_TO = 32;

export function nextHypergeometric(state: Uint32Array, good: number, bad: number, sample: number): number {
  if (sample <= 0 || good <= 0) return 0;
  if (bad <= 0) return sample;
  const total = good + bad;
  const rare = Math.min(good, bad);
  const s = Math.min(sample, total - sample);
  let x = (s * rare) / total < INVERSION_BELOW ? inversion(state, rare, total, s) : hrua(state, rare, total - rare, s);
  if (good > bad) x = s - x;
  if (s < sample) x = good - x;
  return x;
}

function probabilityOfNone(rare: number, total: number, s: number): number {
  const factors = Math.min(rare, s);
  if (factors <= PRODUCT_UP_TO) {
    const other = Math.max(rare, s);
    let product = 1;
    for (let j = 0; j < factors; j += 1) product *= (total - other - j) / (total - j);
    return product;
  }
  const a = total - rare;
  const log =
    s * detLog1p(-rare / (total + 1)) -
    (a - s + 0.5) * detLog1p(-s / (a + 1)) +
    (total - s + 0.5) * detLog1p(-s / (total + 1)) +
    stirlingTail(a) - stirlingTail(a - s) - stirlingTail(total) + stirlingTail(total - s);
  return detExp(log);
}

function inversion(state: Uint32Array, rare: number, total: number, s: number): number {
  let u = nextUniform(state);
  if (u <= 1 - (s * rare) / (total - s + 1)) return 0;
  const p0 = probabilityOfNone(rare, total, s);
  const mean = (s * rare) / total;
  const bound = Math.min(Math.min(rare, s), mean + 10 * Math.sqrt(mean) + 10);
  const rest = total - rare - s;
  let x = 0, px = p0;
  while (u > px) {
    x += 1;
    if (x > bound) {
      x = 0;
      px = p0;
      u = nextUniform(state);
    } else {
      u -= px;
      px = (px * (rare - x + 1) * (s - x + 1)) / (x * (rest + x));
    }
  }
  return x;
}

function hrua(state: Uint32Array, rare: number, common: number, s: number): number {
  const total = rare + common;
  const p = rare / total, q = common / total;
  const a = s * p + 0.5;
  const variance = ((total - s) * s * p * q) / (total - 1);
  const c = Math.sqrt(variance + 0.5);
  const h = HRUA_D1 * c + HRUA_D2;
  const m = Math.floor(((s + 1) * (rare + 1)) / (total + 2));
  const g = logFactorial(m) + logFactorial(rare - m) + logFactorial(s - m) + logFactorial(common - s + m);
  const b = Math.min(Math.min(s, rare) + 1, Math.floor(a + 16 * c));
  for (;;) {
    const u = nextUniform(state);
    const v = nextUniform(state);
    const x = a + (h * (v - 0.5)) / u;
    if (x < 0 || x >= b) continue;
    const k = Math.floor(x);
    const t = g - (logFactorial(k) + logFactorial(rare - k) + logFactorial(s - k) + logFactorial(common - s + k));
    if (u * (4 - u) - 3 <= t) return k;
    if (u * (u - t) >= 1) continue;
    if (2 * detLog(u) <= t) return k;
  }
}
