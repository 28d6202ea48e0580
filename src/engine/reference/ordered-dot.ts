// assembly/ordered-dot.ts's dotInOrder in plain TypeScript: the one dot product of the
// reference, summed in the order every wasm build uses where a sum must come out bit-identical
// (keep decisions on projections, Wishart draws) and the scalar build uses for the dot kernel.

/** x[xOffset..] . y[yOffset..] over n entries: four interleaved partial sums, (s0 + s1) + (s2 + s3), then the tail in order. */
export function dotInOrder(x: Float64Array, xOffset: number, y: Float64Array, yOffset: number, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += x[xOffset + i] * y[yOffset + i];
    s1 += x[xOffset + i + 1] * y[yOffset + i + 1];
    s2 += x[xOffset + i + 2] * y[yOffset + i + 2];
    s3 += x[xOffset + i + 3] * y[yOffset + i + 3];
  }
  let sum = (s0 + s1) + (s2 + s3);
  for (; i < n; i++) sum += x[xOffset + i] * y[yOffset + i];
  return sum;
}
