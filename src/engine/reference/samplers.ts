// The sampler kernels of assembly/samplers.ts in plain TypeScript, consuming the stream in the
// same order. Every export here is a kernel (reference/kernels.ts takes them all); draws one at a
// time live in normal.ts and gamma.ts.
import { nextUniform, nextUniformPositive } from "./rng.js";
import { detExp, detLog } from "../../math/fdlibm.js";
import { nextNormal } from "./normal.js";
import { nextGamma } from "./gamma.js";

export function fillUniform(state: Uint32Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = nextUniform(state);
}

export function fillNormal(state: Uint32Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = nextNormal(state);
}

export function fillBernoulli(state: Uint32Array, out: Uint8Array, n: number, p: number): void {
  for (let i = 0; i < n; i++) out[i] = nextUniform(state) < p ? 1 : 0;
}

/** First j with cdf[j] > uniform * cdf[k-1]: a zero-probability category is never drawn. */
function categoricalIndex(cdf: Float64Array, k: number, uniform: number): number {
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

export function fillGamma(state: Uint32Array, out: Float64Array, n: number, shape: number): void {
  for (let i = 0; i < n; i++) out[i] = nextGamma(state, shape);
}

export function fillChiSquare(state: Uint32Array, out: Float64Array, n: number, dof: number): void {
  for (let i = 0; i < n; i++) out[i] = 2.0 * nextGamma(state, 0.5 * dof);
}

/** The logarithm of one Gamma(shape, 1) draw, consuming the stream as nextGamma does (summed in logarithms below shape 1). */
function logGammaDraw(state: Uint32Array, shape: number): number {
  if (shape >= 1.0) return detLog(nextGamma(state, shape));
  const boosted = nextGamma(state, shape + 1.0);
  return detLog(boosted) + detLog(nextUniformPositive(state)) / shape;
}

export function fillBeta(state: Uint32Array, out: Float64Array, n: number, a: number, b: number): void {
  for (let i = 0; i < n; i++) {
    const x = logGammaDraw(state, a);
    const y = logGammaDraw(state, b);
    out[i] = 1.0 / (1.0 + detExp(y - x));
  }
}
