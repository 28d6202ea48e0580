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

/** Student's t at 0.975 for 1..30 degrees of freedom (two-sided 95%). */
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
  2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
  2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
];

/**
 * The 97.5% quantile of Student's t with `df` degrees of freedom: a 95% confidence interval of
 * a mean over n replicates is mean +- t975(n - 1) se. Tabulated to 30, beyond by the
 * Cornish-Fisher expansion about the normal's 1.959964 (within 1e-5 there).
 *
 * @example t975(9) // 2.262157
 */
export function t975(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T975[Math.floor(df) - 1];
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3);
}

/** The half-width of the 95% confidence interval of a mean: t975(n - 1) se; null below two values. */
export function ci95HalfWidth(stats: SampleStatistics): number | null {
  return stats.se === null || stats.count < 2 ? null : t975(stats.count - 1) * stats.se;
}

/** Ranks 1..n of xs, ties sharing the mean of the ranks they span. */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const out = new Array<number>(xs.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && xs[order[end]] === xs[order[start]]) end++;
    for (let i = start; i < end; i++) out[order[i]] = (start + end + 1) / 2;
    start = end;
  }
  return out;
}

/**
 * Spearman's rank correlation of the pairs (xs[i], ys[i]) where both are finite numbers: the
 * Pearson correlation of their ranks (ties take mean ranks); null below three pairs or when
 * either side is constant.
 *
 * @example rankCorrelation([1, 2, 3, 4], [10, 30, 20, 40]) // 0.8
 */
export function rankCorrelation(xs: ReadonlyArray<number | null>, ys: ReadonlyArray<number | null>): number | null {
  const pairs: [number, number][] = [];
  xs.forEach((x, i) => {
    const y = ys[i];
    if (typeof x === "number" && Number.isFinite(x) && typeof y === "number" && Number.isFinite(y)) pairs.push([x, y]);
  });
  if (pairs.length < 3) return null;
  const rx = ranks(pairs.map(([x]) => x)), ry = ranks(pairs.map(([, y]) => y));
  const mean = (pairs.length + 1) / 2;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < pairs.length; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}
