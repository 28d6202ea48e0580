// ln k! for the exact count samplers (binomial.ts, hypergeometric.ts): Stirling's formula with
// its remainder from a table below 10 and a four-term series above (error under 4e-13), and
// ln(1 + x) accurate for small x. src/engine/reference/log-factorial.ts gives the same bits.
import { detLog } from "./math";

// @ts-ignore: decorator
@inline const HALF_LOG_TWO_PI: f64 = 0.9189385332046727;

/** ln k! - ((k + 1/2) ln(k + 1) - (k + 1) + ln sqrt(2 pi)) for k = 0..9. */
const STIRLING_TAIL: usize = memory.data<f64>([
  0.08106146679532733, 0.04134069595540946, 0.027677925684997717, 0.02079067210376584, 0.01664469118982126,
  0.013876128823072875, 0.011896709945893313, 0.010411265261973668, 0.00925546218270945, 0.008330563433359472,
]);

/** Stirling's remainder at k (an integer-valued f64 >= 0): ln k! less its Stirling form in k + 1. */
export function stirlingTail(k: f64): f64 {
  if (k < 10.0) return load<f64>(STIRLING_TAIL + (<usize>(<i32>k) << 3));
  const m = k + 1.0;
  const m2 = m * m;
  return (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * m2)) / m2) / m2) / m;
}

/** ln k! for an integer-valued k >= 0. */
export function logFactorial(k: f64): f64 {
  return (k + 0.5) * detLog(k + 1.0) - (k + 1.0) + HALF_LOG_TWO_PI + stirlingTail(k);
}

/** ln(1 + x), accurate for small x: detLog(1 + x) corrected by x / ((1 + x) - 1). */
export function detLog1p(x: f64): f64 {
  const u = 1.0 + x;
  if (u == 1.0) return x;
  return (detLog(u) * x) / (u - 1.0);
}
