// Argument checks for the count samplers (assembly/count-samplers.ts), done by the engine before
// anything is drawn: counts are integers passed as f64 (exact below 2^53).
import type { F64Block } from "./block.js";
import { NO_POSITIVE_WEIGHT } from "./constants/count-samplers.js";

/** A count as the kernels take it: an integer in [0, 2^53). */
export function checkCount(kernel: string, name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${kernel}: ${name} must be an integer in [0, 2^53), got ${value}`);
  return value;
}

/** The error for a verdict of multinomialCounts other than WEIGHTS_VALID: checkWeights' message. */
export function weightsError(kernel: string, weights: F64Block, verdict: number): RangeError {
  return verdict === NO_POSITIVE_WEIGHT
    ? new RangeError(`${kernel}: the weights must have a positive sum`)
    : new RangeError(`${kernel}: weights[${verdict}] must be finite and >= 0, got ${weights.view[verdict]}`);
}

/** Weights of a multinomial: finite, >= 0, with a positive sum (for kernels that do not check them on their own first pass). */
export function checkWeights(kernel: string, weights: F64Block, k: number): void {
  const view = weights.view;
  let total = 0;
  for (let i = 0; i < k; i++) {
    const w = view[i];
    if (!(w >= 0 && w < Infinity)) throw weightsError(kernel, weights, i);
    total += w;
  }
  if (!(total > 0)) throw weightsError(kernel, weights, NO_POSITIVE_WEIGHT);
}

/** A pool of counts and a subsample size no larger than the pool; returns the pool's size. */
export function checkPool(kernel: string, pool: F64Block, k: number, tokens: number): number {
  const view = pool.view;
  let total = 0;
  for (let i = 0; i < k; i++) {
    // The name is built only for the entry that fails: this runs over every symbol each round.
    const c = view[i];
    total += Number.isSafeInteger(c) && c >= 0 ? c : checkCount(kernel, `pool[${i}]`, c);
  }
  if (!Number.isSafeInteger(total)) throw new RangeError(`${kernel}: the pool holds ${total} tokens, above 2^53`);
  if (checkCount(kernel, "tokens", tokens) > total) throw new RangeError(`${kernel}: tokens = ${tokens} is more than the pool's ${total}`);
  return total;
}
