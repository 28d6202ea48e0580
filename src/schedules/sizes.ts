// Round sizes: n_t under a growth of the round size, and the rounding every schedule count uses
// (ties to even, as numpy's round, which the published reproductions use).
import { powInt } from "../math/power.js";
import type { Growth } from "./schedule.js";

/**
 * x rounded to the nearest integer, ties to the even one (as numpy's round, which the published
 * reproductions use): 22.5 -> 22, 23.5 -> 24.
 *
 * @example
 * roundHalfEven(22.5) // => 22
 * roundHalfEven(2.5000001) // => 3
 */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * n_t, the size of round t >= 1 for `samples` points a round and this growth.
 *
 * @example
 * roundSize(10, { kind: "geometric", rate: 1.5 }, 3) // => 22
 * roundSize(20, { kind: "linear", rate: 0.5 }, 10) // => 110
 */
export function roundSize(samples: number, growth: Growth, t: number): number {
  switch (growth.kind) {
    case "constant": return samples;
    case "linear": return roundHalfEven(samples * (1 + growth.rate * (t - 1)));
    case "geometric": return roundHalfEven(samples * powInt(growth.rate, t - 1));
  }
}
