// The samplers of assembly/samplers.ts in plain TypeScript, consuming the stream in the same order.
import { takePair, pairToUniform, nextUniform, nextUniformPositive } from "./rng.js";
import { ZIG_X, ZIG_F, ZIG_RATIO } from "./ziggurat.js";
import { ZIG_R } from "../constants/ziggurat.js";
import { detExp, detLog } from "./math.js";

export function fillUniform(state: Uint32Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = nextUniform(state);
}

function normalTail(state: Uint32Array, negative: boolean): number {
  let x: number, y: number;
  do {
    x = detLog(nextUniformPositive(state)) / ZIG_R;
    y = detLog(nextUniformPositive(state));
  } while (-2.0 * y < x * x);
  return negative ? x - ZIG_R : ZIG_R - x;
}

/** One standard normal by the ziggurat (the layer from a's low 8 bits, the abscissa from the pair's uniform). */
export function nextNormal(state: Uint32Array): number {
  for (let attempt = 0; ; attempt++) {
    const w = takePair(state);
    const layer = state[w] & 255;
    const u = 2.0 * pairToUniform(state, w) - 1.0;
    if (Math.abs(u) < ZIG_RATIO[layer]) return u * ZIG_X[layer];
    if (layer === 0) return normalTail(state, u < 0);
    const x = u * ZIG_X[layer];
    const f0 = ZIG_F[layer], f1 = ZIG_F[layer + 1];
    if (f0 + nextUniform(state) * (f1 - f0) < detExp(-0.5 * x * x)) return x;
  }
}

export function fillNormal(state: Uint32Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = nextNormal(state);
}

export function fillBernoulli(state: Uint32Array, out: Uint8Array, n: number, p: number): void {
  for (let i = 0; i < n; i++) out[i] = nextUniform(state) < p ? 1 : 0;
}

/** First j with cdf[j] > uniform * cdf[k-1]: a zero-probability category is never drawn. */
export function categoricalIndex(cdf: Float64Array, k: number, uniform: number): number {
  const target = uniform * cdf[k - 1];
  let lo = 0, hi = k - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function fillCategorical(state: Uint32Array, out: Int32Array, n: number, cdf: Float64Array, k: number): void {
  for (let i = 0; i < n; i++) out[i] = categoricalIndex(cdf, k, nextUniform(state));
}

/** One Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 by boosting shape + 1). */
export function nextGamma(state: Uint32Array, shape: number): number {
  if (shape < 1.0) {
    const boosted = nextGamma(state, shape + 1.0);
    return boosted * detExp(detLog(nextUniformPositive(state)) / shape);
  }
  const d = shape - 1.0 / 3.0;
  const c = 1.0 / Math.sqrt(9.0 * d);
  for (;;) {
    const x = nextNormal(state);
    let v = 1.0 + c * x;
    if (v <= 0.0) continue;
    v = v * v * v;
    const u = nextUniformPositive(state);
    const x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (detLog(u) < 0.5 * x2 + d * (1.0 - v + detLog(v))) return d * v;
  }
}

export function fillGamma(state: Uint32Array, out: Float64Array, n: number, shape: number): void {
  for (let i = 0; i < n; i++) out[i] = nextGamma(state, shape);
}

export function fillChiSquare(state: Uint32Array, out: Float64Array, n: number, dof: number): void {
  for (let i = 0; i < n; i++) out[i] = 2.0 * nextGamma(state, 0.5 * dof);
}
