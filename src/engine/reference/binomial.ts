// One Binomial(trials, p) draw at a time, as assembly/binomial.ts: inversion from 0 below a mean
// of 10 (with its squeeze), else Hormann's BTRS.
import { nextUniform } from "./rng.js";
import { detExp, detLog } from "../../math/fdlibm.js";
import { detLog1p } from "../../math/special.js";
import { stirlingTail } from "./log-factorial.js";

const INVERSION_BELOW = 10;

export function nextBinomial(state: Uint32Array, trials: number, p: number): number {
  if (trials === 0 || p <= 0) return 0;
  if (p >= 1) return trials;
  if (p > 0.5) return trials - smallerSide(state, trials, 1 - p);
  return smallerSide(state, trials, p);
}

function smallerSide(state: Uint32Array, n: number, p: number): number {
  return n * p < INVERSION_BELOW ? binomialInversion(state, n, p) : binomialBtrs(state, n, p);
}

function binomialInversion(state: Uint32Array, n: number, p: number): number {
  const q = 1 - p;
  const np = n * p;
  let u = nextUniform(state);
  if (u <= 1 - np) return 0;
  const qn = detExp(n * detLog1p(-p));
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
  let x = 0, px = qn;
  while (u > px) {
    x += 1;
    if (x > bound) {
      x = 0;
      px = qn;
      u = nextUniform(state);
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

function binomialBtrs(state: Uint32Array, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const u = nextUniform(state) - 0.5;
    let v = nextUniform(state);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = detLog((v * alpha) / (a / (us * us) + b));
    const upper =
      (m + 0.5) * detLog((m + 1) / (r * (n - m + 1))) +
      (n + 1) * detLog((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * detLog((r * (n - k + 1)) / (k + 1)) +
      stirlingTail(m) + stirlingTail(n - m) - stirlingTail(k) - stirlingTail(n - k);
    if (v <= upper) return k;
  }
}
