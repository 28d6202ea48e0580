// The mean of the logistic function of a normal variable, E[sigma(s t)] for t ~ N(m, 1): the
// share of right labels of a generator that draws +1 with probability sigma(s theta . x).
// Both forms below integrate an analytic function that decays fast, which the trapezoidal
// rule does to rounding with a step of 1/4 (its error falls like exp(-2 pi^2 / step), the
// nearest poles, of sigma, at distance pi). The exponentials are the deterministic ones.
import { detExp } from "./fdlibm.js";
import { normalCdf } from "./normal.js";

const STEP = 0.25;

/** sigma(z) = 1 / (1 + e^-z). */
function sigma(z: number): number {
  return 1 / (1 + detExp(-z));
}

/**
 * E[sigma(s t)] for t ~ N(m, 1), s >= 0 (s = 0: 1/2; s = Infinity: P(t > 0) = Phi(m)). For s >= 1 as
 * E[Phi(m + L / s)] over a standard logistic L (sigma(s t) = P(L < s t)), whose density sigma'
 * is smooth whatever s; below 1 directly, sigma(s t) being smooth there.
 *
 * @example
 * logisticNormalMean(Math.cos(Math.PI / 6), 2) // => 0.7439116177734042
 * logisticNormalMean(Math.cos((50 * Math.PI) / 180), 4) // => 0.7215466002832038
 */
export function logisticNormalMean(m: number, s: number): number {
  if (s === Infinity) return normalCdf(m);
  if (s === 0) return 0.5;
  if (!(s >= 0)) throw new RangeError(`logisticNormalMean: s must be >= 0, got ${s}`);
  let sum = 0;
  if (s >= 1) {
    // L in [-40, 40]: the logistic density beyond is below 5e-18.
    for (let u = -160; u <= 160; u++) {
      const p = sigma(u * STEP);
      sum += normalCdf(m + (u * STEP) / s) * p * (1 - p);
    }
  } else {
    // t in m +- 12: the normal density beyond is below 1e-31.
    for (let j = -48; j <= 48; j++) {
      const z = j * STEP;
      sum += sigma(s * (m + z)) * detExp(-0.5 * z * z);
    }
    sum /= Math.sqrt(2 * Math.PI);
  }
  return sum * STEP;
}
