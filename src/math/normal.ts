// The standard normal distribution function, accurate to ~1e-15 relative, for theory
// formulas and tests. erfc from a positive series below 2 (no cancellation) and Lentz's
// continued fraction above. Its exponential is the engine's deterministic one, so a theory
// column has the same bits in every JavaScript engine (Math.exp need not).
import { detExp } from "./fdlibm.js";

const SQRT_PI = Math.sqrt(Math.PI);

/** erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1 3 5 ... (2n+1)), for |x| < 2. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
  }
  return ((2 / SQRT_PI) * detExp(-x2)) * sum;
}

/** erfc(x) for x >= 2 by the continued fraction exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))). */
function erfcFraction(x: number): number {
  const tiny = 1e-300;
  let f = x, c = x, d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return detExp(-x * x) / (SQRT_PI * f);
}

/**
 * The complementary error function erfc(x) = 1 - erf(x).
 *
 * @example
 * erfc(1) // => 0.157299207050285
 * erfc(3) // => 0.00002209049699858545
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x > 27.3) return 0; // below the smallest subnormal (and the fraction would give Inf / Inf)
  return x < 2 ? 1 - erfSeries(x) : erfcFraction(x);
}

/**
 * Phi(x) = P(Z <= x) for Z standard normal.
 *
 * @example
 * normalCdf(1) // => 0.841344746068543
 * normalCdf(-1.96) // => 0.024997895148220595
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
