// Closed forms of the regression-chain scenario (docs/theory/regression-chain.md): linear
// regression refitted, round after round, on labels drawn from its previous fit. The OLS table
// (ridge 0) is exact under replace and accumulate, for a fixed and a fresh design; the
// Marchenko-Pastur limits for ridge > 0 are asymptotic (d, n -> infinity with d/n fixed) and are
// drawn beside the simulation, never tested against it. The papers state the OLS special cases;
// the finite-sample forms, the accumulate-fresh sum and the ridge limits are this project's.
// Everything uses + - * / and sqrt only, so a column has the same bits in every engine.
import { powInt } from "../../math/power.js";

export type Design = "fixed" | "fresh";

export interface ChainSettings {
  /** d */
  dim: number;
  /** |w*|: w* = signal e1. */
  signal: number;
  /** sigma, the label noise. */
  noise: number;
  /** |w_0 - w*|: generation 0 is w* + shift e2. */
  shift: number;
}

/**
 * v(N) = E tr (Z^T Z)^+ for an N x d standard Gaussian matrix Z: d/(N - d - 1) for N >= d + 2,
 * N/(d - N - 1) for N <= d - 2, and infinite at the interpolation peak |N - d| <= 1.
 *
 * @example
 * inverseTrace(100, 10) // => 0.11235955056179775
 * inverseTrace(15, 40) // => 0.625
 * inverseTrace(40, 40) // => Infinity
 */
export function inverseTrace(rows: number, d: number): number {
  if (rows >= d + 2) return d / (rows - d - 1);
  if (rows <= d - 2) return rows / (d - rows - 1);
  return Infinity;
}

/** rho = min(N, d)/d: the share of a vector's squared norm that the row space of N Gaussian inputs keeps, in expectation. */
function kept(rows: number, d: number): number {
  return Math.min(rows, d) / d;
}

/**
 * The exact E testError under replace with OLS (ridge 0), generations 0..sizes.length for round
 * sizes n_1, ..., n_t. Fixed design (constant n): s^2 (1 - rho) + rho h^2 + t sigma^2 v(n).
 * Fresh design: s^2 (1 - P_t) + h^2 P_t + sigma^2 sum_s v(n_s) prod_(j > s) rho_j, with P_t the
 * product of rho_1..rho_t. Null from the first round at the interpolation peak (with noise).
 *
 * @example
 * replaceTheory({ dim: 10, signal: 1, noise: 1, shift: 0 }, "fixed", Array(10).fill(100))[10] // => 1.1235955056179776
 * replaceTheory({ dim: 10, signal: 1, noise: 1, shift: 0 }, "fresh", Array(10).fill(30))[10] // => 5.263157894736842
 * replaceTheory({ dim: 40, signal: 1, noise: 0.5, shift: 0 }, "fresh", Array(10).fill(15))[10] // => 1.2499312579166144
 */
export function replaceTheory(s: ChainSettings, design: Design, sizes: readonly number[]): Array<number | null> {
  const d = s.dim, s2 = s.signal * s.signal, h2 = s.shift * s.shift, noise2 = s.noise * s.noise;
  const out: Array<number | null> = [h2];
  let product = 1, noiseSum = 0, finite = true;
  for (let t = 1; t <= sizes.length; t++) {
    const n = sizes[t - 1], rho = kept(n, d);
    const v = noise2 === 0 ? 0 : inverseTrace(n, d);
    if (!Number.isFinite(v)) finite = false;
    if (!finite) {
      out.push(null);
      continue;
    }
    if (design === "fixed") {
      // Round 1 projects w_0 onto the row space; later rounds only add noise.
      out.push(s2 * (1 - rho) + rho * h2 + t * noise2 * v);
    } else {
      noiseSum = noiseSum * rho + noise2 * v;
      product *= rho;
      out.push(s2 * (1 - product) + h2 * product + noiseSum);
    }
  }
  return out;
}

/**
 * The exact E testError under accumulate with OLS (ridge 0), generations 0..sizes.length.
 * Round 1 projects w_0 onto the first round's row space; round t adds noise of expected squared
 * norm sigma^2 v(n)/t^2 (fixed design, constant n) or sigma^2 (n_t/N_t) v(N_t) (fresh design,
 * pool N_t). Null from the first round whose term is infinite (the interpolation peak).
 *
 * @example
 * accumulateTheory({ dim: 10, signal: 1, noise: 1, shift: 0 }, "fixed", Array(10).fill(100))[10] // => 0.17413120574904953
 * accumulateTheory({ dim: 10, signal: 1, noise: 1, shift: 0 }, "fresh", Array(10).fill(30))[10] // => 0.7381243786748697
 */
export function accumulateTheory(s: ChainSettings, design: Design, sizes: readonly number[]): Array<number | null> {
  const d = s.dim, s2 = s.signal * s.signal, h2 = s.shift * s.shift, noise2 = s.noise * s.noise;
  const out: Array<number | null> = [h2];
  if (sizes.length === 0) return out;
  const rho = kept(sizes[0], d);
  let pool = 0, noiseSum = 0, finite = true;
  for (let t = 1; t <= sizes.length; t++) {
    const n = sizes[t - 1];
    pool += n;
    let term = 0;
    if (noise2 > 0) term = design === "fixed" ? inverseTrace(n, d) / (t * t) : (n / pool) * inverseTrace(pool, d);
    if (!Number.isFinite(term)) finite = false;
    noiseSum += noise2 * term;
    out.push(finite ? s2 * (1 - rho) + rho * h2 + noiseSum : null);
  }
  return out;
}

/**
 * The Gerstgrasser bound on accumulate with a fixed design: (pi^2/6) sigma^2 v(n), the limit of
 * sigma^2 v(n) sum_j 1/j^2 (shift 0, n >= d + 2).
 *
 * @example
 * accumulateBound({ dim: 10, signal: 1, noise: 1, shift: 0 }, 100) // => 0.1848240524548569
 */
export function accumulateBound(s: ChainSettings, n: number): number {
  return ((Math.PI * Math.PI) / 6) * s.noise * s.noise * inverseTrace(n, s.dim);
}

/**
 * The Marchenko-Pastur constants of a fresh-design ridge round at gamma = d/n: alpha1 =
 * lim E (1/d) tr A, alpha2 = lim E (1/d) tr A^2 and beta = lim E tr B B^T, with A = (X^T X +
 * n lambda I)^-1 X^T X and B = (X^T X + n lambda I)^-1 X^T, through the Stieltjes transform m at
 * -lambda (the positive root of gamma lambda m^2 + (1 - gamma + lambda) m - 1 = 0). Asymptotic.
 *
 * @example
 * mpConstants(0.5, 0.1).alpha1 // => 0.8516685226452118
 */
export function mpConstants(gamma: number, lambda: number): { alpha1: number; alpha2: number; beta: number } {
  const b = 1 - gamma + lambda;
  const m = 2 / (b + Math.sqrt(b * b + 4 * gamma * lambda));
  const dm = (gamma * m * m + m) / (2 * gamma * lambda * m + b);
  return { alpha1: 1 - lambda * m, alpha2: 1 - 2 * lambda * m + lambda * lambda * dm, beta: gamma * (m - lambda * dm) };
}

/**
 * The asymptotic E testError of fresh-design ridge under replace at gamma = d/n, generations
 * 0..generations: alpha2^t (s^2 + h^2) - 2 alpha1^t s^2 + s^2 + sigma^2 beta (1 - alpha2^t)/(1 - alpha2).
 *
 * @example
 * freshRidgeLimit({ dim: 40, signal: 1, noise: 1, shift: 0 }, 0.5, 0.1, 1)[1] // => 0.6035674514745463
 */
export function freshRidgeLimit(s: ChainSettings, gamma: number, lambda: number, generations: number): number[] {
  const { alpha1, alpha2, beta } = mpConstants(gamma, lambda);
  const s2 = s.signal * s.signal, h2 = s.shift * s.shift, noise2 = s.noise * s.noise;
  const out: number[] = [];
  for (let t = 0; t <= generations; t++) {
    const a2 = powInt(alpha2, t);
    out.push(a2 * (s2 + h2) - 2 * powInt(alpha1, t) * s2 + s2 + (noise2 * beta * (1 - a2)) / (1 - alpha2));
  }
  return out;
}

/** Nodes of the Marchenko-Pastur integrals: enough for the smooth periodic integrand of the midpoint rule in theta. */
const MP_NODES = 512;

/** cos and sin of a small angle by their Taylor series (+ - * / only: the same bits in every engine). */
function smallCosSin(h: number): [number, number] {
  let c = 1, s = h, termC = 1, termS = h;
  for (let k = 1; k < 12; k++) {
    termC *= (-h * h) / ((2 * k - 1) * (2 * k));
    termS *= (-h * h) / ((2 * k) * (2 * k + 1));
    c += termC;
    s += termS;
  }
  return [c, s];
}

/**
 * The Marchenko-Pastur law of X^T X / n (X n x d, gamma = d/n) as weighted points: the atom
 * 1 - 1/gamma at 0 when gamma > 1, then the density by the midpoint rule in theta, x = 1 + gamma +
 * 2 sqrt(gamma) cos theta (cosines by rotation, so no Math.cos).
 *
 * @example
 * marchenkoPastur(0.5).reduce((sum, [, w]) => sum + w, 0) // => 0.9999999999999394
 */
export function marchenkoPastur(gamma: number): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  if (gamma > 1) points.push([0, 1 - 1 / gamma]);
  const r = 2 * Math.sqrt(gamma), center = 1 + gamma, h = Math.PI / MP_NODES;
  const [ch, sh] = smallCosSin(h);
  const [c0, s0] = smallCosSin(h / 2);
  let c = c0, sn = s0;
  for (let k = 0; k < MP_NODES; k++) {
    const x = center + r * c;
    if (x > 0) points.push([x, (h * r * r * sn * sn) / (2 * Math.PI * gamma * x)]);
    [c, sn] = [c * ch - sn * sh, sn * ch + c * sh];
  }
  return points;
}

/**
 * The asymptotic E testError of fixed-design ridge at gamma = d/n, generations 0..generations.
 * Each eigen-direction x of X^T X / n shrinks by a(x) = x/(x + lambda) and gains noise
 * b(x) = x/(x + lambda)^2 (times sigma^2 gamma). Replace: s^2 int (1 - a^t)^2 + h^2 int a^2t +
 * sigma^2 gamma int b sum_(j < t) a^2j. Accumulate: the direction's mean follows mu_t = mu_(t-1)
 * (1 - (1 - a)/t) and its variance v_t = (1 - (1 - a)/t)^2 v_(t-1) + b/t^2; E = s^2 int (1 - mu_t)^2
 * + h^2 int mu_t^2 + sigma^2 gamma int v_t.
 *
 * @example
 * fixedRidgeLimit({ dim: 10, signal: 1, noise: 1, shift: 0 }, "replace", 0.1, 1, 1)[1] // => 0.29338739605256664
 */
export function fixedRidgeLimit(s: ChainSettings, kind: "replace" | "accumulate", gamma: number, lambda: number, generations: number): number[] {
  const s2 = s.signal * s.signal, h2 = s.shift * s.shift, noise2 = s.noise * s.noise;
  const out = new Array<number>(generations + 1).fill(0);
  for (const [x, weight] of marchenkoPastur(gamma)) {
    const a = x / (x + lambda), b = x / ((x + lambda) * (x + lambda));
    let mean = 1, variance = 0;
    out[0] += weight * h2;
    for (let t = 1; t <= generations; t++) {
      const step = kind === "replace" ? a : 1 - (1 - a) / t;
      variance = step * step * variance + (kind === "replace" ? b : b / (t * t));
      mean *= step;
      const signalPart = 1 - mean;
      out[t] += weight * (s2 * signalPart * signalPart + h2 * mean * mean + noise2 * gamma * variance);
    }
  }
  return out;
}

/**
 * Fresh-real with OLS and fresh inputs (n_r real and n_s synthetic rows a round, a = n_r/n,
 * b = n_s/n): e_t = K e_(t-1) + noise with K = (G_r + G_s)^-1 G_s independent of the past, so
 * E testError_t = kappa2^t h^2 + sigma^2 v(n) (1 - kappa2^t)/(1 - kappa2), exact given
 * kappa2 = (1/d) E tr(K^T K); kappa2 itself has no closed form, and its leading order
 * b^2 + a b (d + 1)/n makes this column asymptotic. Generations 0..generations; null at the
 * interpolation peak (n < d + 2).
 *
 * @example
 * freshRealLimit({ dim: 10, signal: 1, noise: 1, shift: 0 }, 40, 10, 30)?.[30] // => 0.8934799895256968
 */
export function freshRealLimit(s: ChainSettings, n: number, real: number, generations: number): number[] | null {
  if (n < s.dim + 2) return null;
  const a = real / n, b = 1 - a;
  const kappa2 = b * b + (a * b * (s.dim + 1)) / n;
  const h2 = s.shift * s.shift, noise = s.noise * s.noise * inverseTrace(n, s.dim);
  return Array.from({ length: generations + 1 }, (_, t) => {
    const k = powInt(kappa2, t);
    return k * h2 + (noise * (1 - k)) / (1 - kappa2);
  });
}
