// x^n for an integer n >= 0 by repeated squaring: the same bits in every JavaScript engine.
// `**` and Math.pow do not promise that: Node 20 and Chromium give different last bits for
// many arguments, and a theory column must not differ between them.

/**
 * x to the power n, n an integer >= 0.
 *
 * @example
 * powInt(0.5, 10) // => 0.0009765625
 * powInt(0.9, 3) // => 0.7290000000000001
 */
export function powInt(x: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`powInt: the exponent must be an integer >= 0, got ${n}`);
  let result = 1, base = x;
  for (let e = n; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result *= base;
    base *= base;
  }
  return result;
}
