// One Binomial(trials, p) draw at a time, exact: inversion from 0 when the smaller side's mean is
// under 10 (with a squeeze that settles most draws of a tiny mean as 0 from one uniform), else
// Hormann's transformed rejection with squeeze (BTRS, 1993). src/engine/reference/binomial.ts
// consumes the stream the same way.
import { nextUniform } from "./rng";
import { detExp, detLog } from "./math";
import { stirlingTail, detLog1p } from "./log-factorial";

/** The mean at and above which BTRS is used (Hormann's condition for its bounds). */
// @ts-ignore: decorator
@inline const INVERSION_BELOW: f64 = 10.0;

/** One Binomial(trials, p) draw: trials an integer-valued f64 >= 0; p <= 0 gives 0 and p >= 1 gives trials. */
export function nextBinomial(state: usize, trials: f64, p: f64): f64 {
  if (trials == 0.0 || p <= 0.0) return 0.0;
  if (p >= 1.0) return trials;
  if (p > 0.5) return trials - smallerSide(state, trials, 1.0 - p);
  return smallerSide(state, trials, p);
}

/** A draw with p <= 1/2. */
function smallerSide(state: usize, n: f64, p: f64): f64 {
  return n * p < INVERSION_BELOW ? binomialInversion(state, n, p) : binomialBtrs(state, n, p);
}

/**
 * Sequential search from 0 through the pmf's recurrence, restarting with a fresh uniform past
 * mean + 10 sd (rounding can leave the pmf's sum short of the uniform). (1 - p)^n >= 1 - np, so
 * a uniform at most 1 - np is 0 without computing the power.
 */
function binomialInversion(state: usize, n: f64, p: f64): f64 {
  const q = 1.0 - p;
  const np = n * p;
  let u = nextUniform(state);
  if (u <= 1.0 - np) return 0.0;
  const qn = detExp(n * detLog1p(-p));
  const bound = Math.min(n, np + 10.0 * Math.sqrt(np * q + 1.0));
  let x = 0.0, px = qn;
  while (u > px) {
    x += 1.0;
    if (x > bound) {
      x = 0.0;
      px = qn;
      u = nextUniform(state);
    } else {
      u -= px;
      px = ((n - x + 1.0) * p * px) / (x * q);
    }
  }
  return x;
}

/** Hormann's BTRS for n p >= 10, p <= 1/2: two uniforms a try, about 1.15 tries a draw. */
function binomialBtrs(state: usize, n: f64, p: f64): f64 {
  const spq = Math.sqrt(n * p * (1.0 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1.0 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1.0) * p);
  while (true) {
    const u = nextUniform(state) - 0.5;
    let v = nextUniform(state);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2.0 * a) / us + b) * u + c);
    if (k < 0.0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = detLog((v * alpha) / (a / (us * us) + b));
    const upper =
      (m + 0.5) * detLog((m + 1.0) / (r * (n - m + 1.0))) +
      (n + 1.0) * detLog((n - m + 1.0) / (n - k + 1.0)) +
      (k + 0.5) * detLog((r * (n - k + 1.0)) / (k + 1.0)) +
      stirlingTail(m) + stirlingTail(n - m) - stirlingTail(k) - stirlingTail(n - k);
    if (v <= upper) return k;
  }
}
