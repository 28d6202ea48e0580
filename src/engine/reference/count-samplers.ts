// The count samplers of assembly/count-samplers.ts in plain TypeScript, consuming the stream in
// the same order: binomial and hypergeometric draws, multinomial and multivariate hypergeometric
// count vectors by conditional draws in symbol order (a long tail of rare symbols by placing its
// tokens).
import { nextBinomial } from "./binomial.js";
import { nextHypergeometric } from "./hypergeometric.js";
import { nextUniform } from "./rng.js";
import { detExp, detLog } from "../../math/fdlibm.js";
import { PLACE_BELOW_MEAN, PLACE_MIN_SYMBOLS, WEIGHTS_VALID, NO_POSITIVE_WEIGHT } from "../constants/count-samplers.js";

export function fillBinomial(state: Uint32Array, out: Float64Array, n: number, trials: number, p: number): void {
  for (let i = 0; i < n; i++) out[i] = nextBinomial(state, trials, p);
}

export function fillHypergeometric(state: Uint32Array, out: Float64Array, n: number, good: number, bad: number, sample: number): void {
  for (let i = 0; i < n; i++) out[i] = nextHypergeometric(state, good, bad, sample);
}

export function multinomialCounts(state: Uint32Array, weights: Float64Array, k: number, tokens: number, counts: Float64Array): number {
  let total = 0;
  let last = -1, positive = 0;
  for (let i = 0; i < k; i++) {
    const w = weights[i];
    if (!(w >= 0 && w < Infinity)) return i;
    total += w;
    if (w > 0) {
      last = i;
      positive++;
    }
  }
  if (!(total > 0)) return NO_POSITIVE_WEIGHT;
  let left = tokens, rest = total;
  for (let i = 0; i < k; i++) {
    const w = weights[i];
    let x = 0;
    if (left > 0 && w > 0) {
      if (i !== last && left * (w / rest) < PLACE_BELOW_MEAN && positive >= PLACE_MIN_SYMBOLS) {
        placeTokens(state, weights, i, k, left, rest, last, counts);
        return WEIGHTS_VALID;
      }
      x = i === last ? left : nextBinomial(state, left, w / rest);
      left -= x;
    }
    if (w > 0) positive--;
    rest -= w;
    counts[i] = x;
  }
  return WEIGHTS_VALID;
}

function smallestAbove(state: Uint32Array, above: number, count: number): number {
  return above + (1 - above) * (1 - detExp(detLog(1 - nextUniform(state)) / count));
}

function placeTokens(state: Uint32Array, weights: Float64Array, from: number, k: number, tokens: number, rest: number, last: number, counts: Float64Array): void {
  let left = tokens, running = 0;
  let u = smallestAbove(state, 0, left);
  for (let i = from; i < k; i++) {
    running += weights[i];
    let x = 0;
    if (i === last) {
      x = left;
      left = 0;
    }
    while (left > 0 && u * rest < running) {
      x += 1;
      left -= 1;
      if (left > 0) u = smallestAbove(state, u, left);
    }
    counts[i] = x;
    if (left === 0) {
      counts.fill(0, i + 1, k);
      return;
    }
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
