// ln k! for the exact count samplers, as assembly/log-factorial.ts: Stirling's formula with its
// remainder from a table below 10 and a four-term series above.
import { detLog } from "../../math/fdlibm.js";

const HALF_LOG_TWO_PI = 0.9189385332046727;

/** ln k! - ((k + 1/2) ln(k + 1) - (k + 1) + ln sqrt(2 pi)) for k = 0..9. */
const STIRLING_TAIL = [
  0.08106146679532733, 0.04134069595540946, 0.027677925684997717, 0.02079067210376584, 0.01664469118982126,
  0.013876128823072875, 0.011896709945893313, 0.010411265261973668, 0.00925546218270945, 0.008330563433359472,
];

/** Stirling's remainder at k (an integer >= 0): ln k! less its Stirling form in k + 1. */
export function stirlingTail(k: number): number {
  if (k < 10) return STIRLING_TAIL[k];
  const m = k + 1;
  const m2 = m * m;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * m2)) / m2) / m2) / m;
}

/** ln k! for an integer k >= 0. */
export function logFactorial(k: number): number {
  return (k + 0.5) * detLog(k + 1) - (k + 1) + HALF_LOG_TWO_PI + stirlingTail(k);
}
