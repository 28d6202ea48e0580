// What the categorical-tails kernels return and the checks the engine makes before calling them.
import type { F64Block } from "./block.js";

/** categoricalTailsMetrics' stats: supportSize, lostMass, tailMass, gini, entropy. */
export const TAILS_METRICS_LENGTH = 5;
/** categoricalTailsConditional's stats: E[supportSize, lostMass, tailMass, gini | now]. */
export const TAILS_CONDITIONAL_LENGTH = 4;

/** A count of symbols k >= 1 and a tail rank in [0, k]. */
export function checkSymbols(kernel: string, k: number, tailRank = 0): void {
  if (!Number.isInteger(k) || k < 1 || k > 0x7fffffff) throw new RangeError(`${kernel}: k must be a positive integer, got ${k}`);
  if (!Number.isInteger(tailRank) || tailRank < 0 || tailRank > k) throw new RangeError(`${kernel}: tailRank must be an integer in [0, ${k}], got ${tailRank}`);
}

/** A temperature in (0, infinity) and a vector with a positive entry. */
export function checkTemperature(p: F64Block, k: number, temperature: number): void {
  if (!(temperature > 0 && temperature < Infinity)) throw new RangeError(`temperatureTransform: temperature must be > 0, got ${temperature}`);
  if (!p.view.subarray(0, k).some((x) => x > 0)) throw new RangeError("temperatureTransform: p has no positive entry");
}
