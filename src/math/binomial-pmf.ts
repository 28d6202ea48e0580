// The Binomial(n, p) pmf as the closed forms' chains use it: the binomial survival chain of a
// symbol's count, the two-atom chain of a curated atom's count.

/**
 * Binomial(n, p) pmf on lo..lo + values.length - 1, from the mode by its ratio, cut where it falls below 1e-17 of the mode, normalised.
 *
 * @example
 * Array.from(binomialPmf(2, 0.5).values) // => [0.25, 0.5, 0.25]
 */
export function binomialPmf(n: number, p: number): { lo: number; values: Float64Array } {
  if (p <= 0) return { lo: 0, values: Float64Array.of(1) };
  if (p >= 1) return { lo: n, values: Float64Array.of(1) };
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const up: number[] = [], down: number[] = [];
  for (let x = mode, v = 1; x < n; x++) {
    v *= ((n - x) * p) / ((x + 1) * (1 - p));
    if (v < 1e-17) break;
    up.push(v);
  }
  for (let x = mode, v = 1; x > 0; x--) {
    v *= (x * (1 - p)) / ((n - x + 1) * p);
    if (v < 1e-17) break;
    down.push(v);
  }
  const values = new Float64Array(down.length + 1 + up.length);
  down.reverse().forEach((v, i) => (values[i] = v));
  values[down.length] = 1;
  up.forEach((v, i) => (values[down.length + 1 + i] = v));
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  for (let i = 0; i < values.length; i++) values[i] /= total;
  return { lo: mode - down.length, values };
}
