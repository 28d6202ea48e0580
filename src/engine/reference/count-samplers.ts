// The count samplers of assembly/count-samplers.ts in plain TypeScript, consuming the stream in
// the same order: binomial and hypergeometric draws, multinomial and multivariate hypergeometric
// count vectors by conditional draws in symbol order.
import { nextBinomial } from "./binomial.js";
import { nextHypergeometric } from "./hypergeometric.js";

export function fillBinomial(state: Uint32Array, out: Float64Array, n: number, trials: number, p: number): void {
  for (let i = 0; i < n; i++) out[i] = nextBinomial(state, trials, p);
}

export function fillHypergeometric(state: Uint32Array, out: Float64Array, n: number, good: number, bad: number, sample: number): void {
  for (let i = 0; i < n; i++) out[i] = nextHypergeometric(state, good, bad, sample);
}

export function multinomialCounts(state: Uint32Array, weights: Float64Array, k: number, tokens: number, counts: Float64Array): void {
  let total = 0;
  let last = -1;
  for (let i = 0; i < k; i++) {
    total += weights[i];
    if (weights[i] > 0) last = i;
  }
  let left = tokens, rest = total;
  for (let i = 0; i < k; i++) {
    const w = weights[i];
    let x = 0;
    if (left > 0 && w > 0) {
      x = i === last ? left : nextBinomial(state, left, w / rest);
      left -= x;
    }
    rest -= w;
    counts[i] = x;
  }
}

export function hypergeometricCounts(state: Uint32Array, pool: Float64Array, k: number, tokens: number, counts: Float64Array): void {
  let total = 0;
  for (let i = 0; i < k; i++) total += pool[i];
  let left = tokens, rest = total;
  for (let i = 0; i < k; i++) {
    const c = pool[i];
    rest -= c;
    let x = 0;
    if (left > 0 && c > 0) {
      x = nextHypergeometric(state, c, rest, left);
      left -= x;
    }
    counts[i] = x;
  }
}
