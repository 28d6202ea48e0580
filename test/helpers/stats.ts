// Assertions whose tolerances come from the Monte Carlo standard error, never hand-tuned.
// Z is the number of standard errors allowed: |z| > 4.5 happens with probability 7e-6 under
// the null, so with fixed seeds and a few hundred such checks a false failure is not expected,
// while a real bias of a few standard errors is caught.
import * as assert from "uvu/assert";

export const Z = 4.5;

export function mean(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  return sum / xs.length;
}

/** Unbiased sample variance. */
export function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += (xs[i] - m) ** 2;
  return sum / (xs.length - 1);
}

/** Standard error of the mean of xs. */
export function standardError(xs: ArrayLike<number>): number {
  return Math.sqrt(variance(xs) / xs.length);
}

/** Fails unless |actual - expected| <= z * se; the message shows how many standard errors off it is. */
export function assertWithinSE(actual: number, expected: number, se: number, label: string, z = Z): void {
  const off = Math.abs(actual - expected) / se;
  assert.ok(
    Number.isFinite(actual) && off <= z,
    `${label}: got ${actual}, expected ${expected} +- ${z} x SE ${se.toExponential(3)} (${off.toFixed(2)} SE off)`,
  );
}

/** Fails unless the mean of samples is within z standard errors of `expected`. */
export function assertMeanWithinSE(samples: ArrayLike<number>, expected: number, label: string, z = Z): void {
  assertWithinSE(mean(samples), expected, standardError(samples), label, z);
}

/** Upper quantile of chi-square with k degrees of freedom at the normal quantile z (Wilson-Hilferty). */
export function chiSquareCritical(k: number, z = Z): number {
  const a = 2 / (9 * k);
  return k * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** Pearson's statistic of observed counts against expected counts. */
export function chiSquareStatistic(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let stat = 0;
  for (let i = 0; i < observed.length; i++) stat += (observed[i] - expected[i]) ** 2 / expected[i];
  return stat;
}

/** One-sample Kolmogorov-Smirnov statistic D of samples against a continuous CDF. */
export function ksStatistic(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/** Two-sample Kolmogorov-Smirnov statistic. */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Float64Array.from(a).sort(), y = Float64Array.from(b).sort();
  let i = 0, j = 0, d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/**
 * Critical value of the (asymptotic) Kolmogorov distribution at level alpha for effective
 * sample size n (n for one sample, n1 n2 / (n1 + n2) for two): sqrt(-ln(alpha / 2) / 2) / sqrt(n).
 */
export function ksCritical(n: number, alpha = 1e-4): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2) / Math.sqrt(n);
}
