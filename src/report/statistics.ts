// Summary statistics of one metric over replicates, in one fixed summation order so that the
// same values always give the same digits.

export interface SampleStatistics {
  count: number;
  mean: number | null;
  /** Sample standard deviation (n - 1 denominator); null below two values. */
  sd: number | null;
  /** Standard error of the mean, sd / sqrt(count). */
  se: number | null;
}

/**
 * @example sampleStatistics([1, 2, 3, null]) // { count: 3, mean: 2, sd: 1, se: 0.5773502691896258 }
 */
export function sampleStatistics(values: ReadonlyArray<number | null | undefined>): SampleStatistics {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const count = xs.length;
  if (count === 0) return { count, mean: null, sd: null, se: null };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / count;
  if (count < 2) return { count, mean, sd: null, se: null };
  let squares = 0;
  for (const x of xs) squares += (x - mean) * (x - mean);
  const sd = Math.sqrt(squares / (count - 1));
  return { count, mean, sd, se: sd / Math.sqrt(count) };
}
