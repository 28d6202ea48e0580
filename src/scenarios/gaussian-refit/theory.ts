// Closed forms of the gaussian-refit scenario (docs/theory/gaussian-refit.md): a Gaussian
// refitted to points drawn from its previous fit. Under replace every metric's expectation is
// exact (sigmaRatio and w2sq only at dim 1 or with a scalar covariance); under the other
// schedules E[varianceRatio] and E[meanError] follow exact linear recursions, and the rest has
// no closed form. All derived by this project (the papers state special cases) and computed with
// the deterministic exp, log and special functions, so a column has the same bits everywhere.
// Each example in a doc comment is checked by test/docs/examples.test.ts.
import { detExp, detLog } from "../../math/fdlibm.js";
import { digammaMinusLog, logGammaHalfExcess, trigamma } from "../../math/special.js";
import { normalCdf } from "../../math/normal.js";

export type Estimator = "mle" | "unbiased";

export interface RefitSettings {
  dim: number;
  estimator: Estimator;
  covariance: "full" | "scalar";
  temperature: number;
  sigma0: number;
}

/** Expected metrics at one generation; null where no closed form exists. */
export interface Expectations {
  meanError: number;
  varianceRatio: number;
  sigmaRatio: number | null;
  logDetRatio: number | null;
  w2sq: number | null;
  klForward: number | null;
  klReverse: number | null;
}

const NONE = { sigmaRatio: null, logDetRatio: null, w2sq: null, klForward: null, klReverse: null } as const;

/**
 * c(N), the divisor of the scatter of N points: N (mle) or N - 1 (unbiased); c(0) = 0.
 *
 * @example
 * divisor("unbiased", 20) // => 19
 * divisor("unbiased", 0) // => 0
 */
export function divisor(estimator: Estimator, points: number): number {
  if (points === 0) return 0;
  return estimator === "mle" ? points : points - 1;
}

/** Whether the model's spread is one number (dim 1, or a scalar covariance): sigmaRatio and w2sq then have closed forms. */
function scalarLike(s: RefitSettings): boolean {
  return s.dim === 1 || s.covariance === "scalar";
}

/**
 * Expected log-determinant step of one replace round of n points: sum over k = 1..d of
 * psi((n - k)/2) + ln(2 tau / c) (full), or d (psi(d(n - 1)/2) + ln(2 tau / (d c))) (scalar);
 * each written as (psi(x) - ln x) + ln(2 tau x / c), which does not cancel.
 *
 * @example
 * logDetStep({ dim: 1, estimator: "mle", covariance: "full", temperature: 1, sigma0: 1 }, 20) // => -0.10484721659109611
 */
export function logDetStep(s: RefitSettings, n: number): number {
  const c = divisor(s.estimator, n), tau = s.temperature, d = s.dim;
  if (s.covariance === "scalar") return d * (digammaMinusLog((d * (n - 1)) / 2) + detLog((tau * (n - 1)) / c));
  let step = 0;
  for (let k = 1; k <= d; k++) step += digammaMinusLog((n - k) / 2) + detLog((tau * (n - k)) / c);
  return step;
}

/**
 * The exact expectations under replace, generation 0 to t = sizes.length, for round sizes
 * n_1, ..., n_t. With r_s = tau (n_s - 1)/c_s and R_t their product: E varianceRatio = R_t,
 * E meanError = d sigma0^2 sum_s (tau / n_s) R_(s-1), E logDetRatio the sum of logDetStep,
 * E sigmaRatio = prod_s sqrt(2 tau/(d c_s)) Gamma((k_s + 1)/2) / Gamma(k_s/2) with k_s = d(n_s - 1)
 * (dim 1 or scalar), E w2sq = E meanError + d sigma0^2 (R_t - 2 E sigmaRatio + 1) (dim 1 or
 * scalar), E klReverse = (d R_t + E meanError/sigma0^2 - d - E logDetRatio)/2, and E klForward =
 * (d Q_t + U_t - d + E logDetRatio)/2 with q_s = c_s/(tau (n_s - d - 2)) (full; infinite unless
 * n_s > d + 2) or d c_s/(tau (d (n_s - 1) - 2)) (scalar), Q_t = prod q_s, U_s = q_s (U_(s-1) + tau d/n_s).
 *
 * @example
 * replaceTheory({ dim: 1, estimator: "mle", covariance: "full", temperature: 1, sigma0: 1 }, Array(10).fill(20))[10].varianceRatio // => 0.5987369392383786
 * replaceTheory({ dim: 1, estimator: "mle", covariance: "full", temperature: 1, sigma0: 1 }, Array(10).fill(20))[10].sigmaRatio // => 0.6784226062766768
 */
export function replaceTheory(s: RefitSettings, sizes: readonly number[]): Expectations[] {
  const d = s.dim, tau = s.temperature, sigma2 = s.sigma0 * s.sigma0;
  const spread = scalarLike(s);
  const out: Expectations[] = [
    { meanError: 0, varianceRatio: 1, sigmaRatio: spread ? 1 : null, logDetRatio: 0, w2sq: spread ? 0 : null, klForward: 0, klReverse: 0 },
  ];
  let r = 1, m = 0, logDet = 0, logScale = 0, q = 1, u = 0, forwardFinite = true;
  for (const n of sizes) {
    const c = divisor(s.estimator, n);
    m += (tau / n) * r;
    r *= (tau * (n - 1)) / c;
    logDet += logDetStep(s, n);
    const k = d * (n - 1);
    if (spread) logScale += 0.5 * detLog((tau * (n - 1)) / c) + logGammaHalfExcess(k / 2);
    const denominator = s.covariance === "scalar" ? tau * (k - 2) : tau * (n - d - 2);
    if (denominator > 0) {
      const qs = (s.covariance === "scalar" ? d * c : c) / denominator;
      u = qs * (u + (tau * d) / n);
      q *= qs;
    } else {
      forwardFinite = false;
    }
    const a = detExp(logScale);
    out.push({
      meanError: d * sigma2 * m,
      varianceRatio: r,
      sigmaRatio: spread ? a : null,
      logDetRatio: logDet,
      w2sq: spread ? d * sigma2 * (m + r - 2 * a + 1) : null,
      klForward: forwardFinite ? 0.5 * (d * q + u - d + logDet) : null,
      klReverse: 0.5 * (d * r + d * m - d - logDet),
    });
  }
  return out;
}

/**
 * Shumailov's small-t approximation of E w2sq under replace, (d + 1/2) sigma0^2 sum_s 1/n_s,
 * for generations 0 to sizes.length (asymptotic: for t much smaller than n; dim 1 or a scalar
 * covariance).
 *
 * @example
 * shumailovW2sq(1, 1, Array(10).fill(20))[10] // => 0.7499999999999999
 */
export function shumailovW2sq(dim: number, sigma0: number, sizes: readonly number[]): number[] {
  const out = [0];
  let sum = 0;
  for (const n of sizes) {
    sum += 1 / n;
    out.push((dim + 0.5) * sigma0 * sigma0 * sum);
  }
  return out;
}

/** Expectations with only the two recursions' columns. */
function recursionPoint(dim: number, sigma2: number, m: number, v: number): Expectations {
  return { meanError: dim * sigma2 * m, varianceRatio: v, ...NONE };
}

/**
 * Accumulate: the exact recursions for round sizes n_1, ..., n_t (pool N_t = n_1 + ... + n_t):
 * v_t = v_(t-1) (c(N_(t-1)) + tau (n_t - 1 + N_(t-1)/N_t)) / c(N_t) and m_t = m_(t-1) + tau n_t v_(t-1) / N_t^2,
 * where v = E varianceRatio and m = E meanError / (d sigma0^2). Other columns: none.
 *
 * @example
 * accumulateTheory({ dim: 3, estimator: "mle", covariance: "full", temperature: 1, sigma0: 1 }, Array(20).fill(10))[20].varianceRatio // => 0.8475595743697779
 */
export function accumulateTheory(s: RefitSettings, sizes: readonly number[]): Expectations[] {
  const tau = s.temperature, sigma2 = s.sigma0 * s.sigma0;
  const out = [recursionPoint(s.dim, sigma2, 0, 1)];
  let v = 1, m = 0, before = 0;
  for (const n of sizes) {
    const pool = before + n;
    m += (tau * n * v) / (pool * pool);
    v *= (divisor(s.estimator, before) + tau * (n - 1 + before / pool)) / divisor(s.estimator, pool);
    before = pool;
    out.push(recursionPoint(s.dim, sigma2, m, v));
  }
  return out;
}

/**
 * Accumulate-subsample with n points a round: the exact recursions through the pool's expected
 * scatter p and squared mean error g (both per d sigma0^2), p_1 = tau (n - 1), g_1 = tau / n; at
 * round t (pool N = t n), v_t = (n - 1) p_t/(c (N - 1)), k_t = (1/n - 1/N) p_t/(N - 1), m_t = g_t + k_t,
 * then p_(t+1) = p_t + tau (n - 1) v_t + (N n/(N + n)) (tau v_t/n + k_t) and g_(t+1) = g_t + (n/(N + n))^2 (tau v_t/n + k_t).
 *
 * @example
 * subsampleTheory({ dim: 1, estimator: "mle", covariance: "full", temperature: 1, sigma0: 1 }, 10, 10)[10].varianceRatio // => 0.7597795000495388
 */
export function subsampleTheory(s: RefitSettings, n: number, generations: number): Expectations[] {
  const tau = s.temperature, sigma2 = s.sigma0 * s.sigma0, c = divisor(s.estimator, n);
  const out = [recursionPoint(s.dim, sigma2, 0, 1)];
  let p = tau * (n - 1), g = tau / n;
  for (let t = 1; t <= generations; t++) {
    const pool = t * n;
    const v = ((n - 1) * p) / (c * (pool - 1));
    const k = ((1 / n - 1 / pool) * p) / (pool - 1);
    out.push(recursionPoint(s.dim, sigma2, g + k, v));
    const added = (tau * v) / n + k;
    p += tau * (n - 1) * v + ((pool * n) / (pool + n)) * added;
    const share = n / (pool + n);
    g += share * share * added;
  }
  return out;
}

/**
 * Fixed-real with a real set of N points and M synthetic points a round (beta = M/(N + M),
 * c = c(N + M)): the exact recursions through u_t = E |mu_t - real mean|^2/(d sigma0^2), u_0 = 1/N:
 * u_t = beta^2 (u_(t-1) + tau v_(t-1)/M), v_t = ((N - 1) + tau (M - 1) v_(t-1) + (N/beta) u_t)/c,
 * m_t = 1/N + u_t - 2 beta^t/N.
 *
 * @example
 * fixedRealTheory({ dim: 1, estimator: "mle", covariance: "full", temperature: 1, sigma0: 1 }, 20, 20, 30)[30].varianceRatio // => 0.934426229596894
 */
export function fixedRealTheory(s: RefitSettings, real: number, synthetic: number, generations: number): Expectations[] {
  const tau = s.temperature, sigma2 = s.sigma0 * s.sigma0;
  const beta = synthetic / (real + synthetic), c = divisor(s.estimator, real + synthetic);
  const out = [recursionPoint(s.dim, sigma2, 0, 1)];
  let u = 1 / real, v = 1, betaPower = 1;
  for (let t = 1; t <= generations; t++) {
    u = beta * beta * (u + (tau * v) / synthetic);
    v = (real - 1 + tau * (synthetic - 1) * v + (real / beta) * u) / c;
    betaPower *= beta;
    out.push(recursionPoint(s.dim, sigma2, 1 / real + u - (2 * betaPower) / real, v));
  }
  return out;
}

/**
 * Fixed-real's stationary E varianceRatio, (N - 1)/(c - tau (M - 1 + (1 + lambda)/(1 + 2 lambda)))
 * with lambda = M/N, and E meanError/(d sigma0^2) = 1/N + lambda tau v/(N (1 + 2 lambda)), v being the stationary variance ratio.
 *
 * @example
 * fixedRealStationary({ dim: 1, estimator: "mle", covariance: "full", temperature: 1, sigma0: 1 }, 20, 20).varianceRatio // => 0.9344262295081968
 */
export function fixedRealStationary(s: RefitSettings, real: number, synthetic: number): { varianceRatio: number; meanError: number } {
  const tau = s.temperature, lambda = synthetic / real, c = divisor(s.estimator, real + synthetic);
  const v = (real - 1) / (c - tau * (synthetic - 1 + (1 + lambda) / (1 + 2 * lambda)));
  return { varianceRatio: v, meanError: s.dim * s.sigma0 * s.sigma0 * (1 / real + (lambda * tau * v) / (real * (1 + 2 * lambda))) };
}

/**
 * Fresh-real: the exact recursions for rounds of n_t points of which n_r are real (a = n_r/n_t,
 * b = 1 - a, c = c(n_t)): m_t = a/n_t + b^2 m_(t-1) + b tau v_(t-1)/n_t and
 * v_t = ((n_r - 1) + b + tau v_(t-1) (n_s - 1 + a) + n_t a b m_(t-1))/c.
 *
 * @example
 * freshRealTheory({ dim: 1, estimator: "mle", covariance: "full", temperature: 1, sigma0: 1 }, Array(30).fill({ size: 20, real: 5 }))[30].varianceRatio // => 0.8947368425289604
 */
export function freshRealTheory(s: RefitSettings, rounds: readonly { size: number; real: number }[]): Expectations[] {
  const tau = s.temperature, sigma2 = s.sigma0 * s.sigma0;
  const out = [recursionPoint(s.dim, sigma2, 0, 1)];
  let m = 0, v = 1;
  for (const { size: n, real } of rounds) {
    const synthetic = n - real, a = real / n, b = synthetic / n;
    const mNext = a / n + b * b * m + (b * tau * v) / n;
    v = (real - 1 + b + tau * v * (synthetic - 1 + a) + n * a * b * m) / divisor(s.estimator, n);
    m = mNext;
    out.push(recursionPoint(s.dim, sigma2, m, v));
  }
  return out;
}

/**
 * sin(x)/x from its Taylor series (the same bits in every JavaScript engine), |x| <= 4.
 *
 * @example
 * sinc(Math.PI / 2) // => 0.6366197723675814
 */
export function sinc(x: number): number {
  const x2 = x * x;
  let term = 1, sum = 1;
  for (let k = 1; k < 30; k++) {
    term *= -x2 / ((2 * k) * (2 * k + 1));
    sum += term;
  }
  return sum;
}

/**
 * The limit of E varianceRatio under accumulate with mle, tau = 1 and n points a round:
 * prod over s of (1 - 1/(s^2 n)) = sin(pi/sqrt(n)) / (pi/sqrt(n)).
 *
 * @example
 * accumulateVarianceLimit(10) // => 0.8434358572155941
 */
export function accumulateVarianceLimit(n: number): number {
  return sinc(Math.PI / Math.sqrt(n));
}

/**
 * The Lyapunov exponents of replace with n points a round: (1/t) ln lambda_k(Sigma_t) tends,
 * almost surely, to psi((n - k)/2) + ln(2 tau/c), k = 1..d (full), or to
 * psi(d(n - 1)/2) + ln(2 tau/(d c)) on every axis (scalar). Exact limits.
 *
 * @example
 * lyapunovExponents({ dim: 3, estimator: "mle", covariance: "full", temperature: 1, sigma0: 1 }, 10) // => [-0.22056698607457143, -0.3533202440022998, -0.5062812717888574]
 */
export function lyapunovExponents(s: RefitSettings, n: number): number[] {
  const c = divisor(s.estimator, n), d = s.dim, tau = s.temperature;
  if (s.covariance === "scalar") return Array(d).fill(digammaMinusLog((d * (n - 1)) / 2) + detLog((tau * (n - 1)) / c));
  return Array.from({ length: d }, (_, i) => digammaMinusLog((n - i - 1) / 2) + detLog((tau * (n - i - 1)) / c));
}

/**
 * tau*, the temperature below which replace collapses almost surely (the top Lyapunov exponent
 * negative): (c/2) exp(-psi((n - 1)/2)), for any dim.
 *
 * @example
 * collapseTemperature("mle", 20) // => 1.1105409251652203
 */
export function collapseTemperature(estimator: Estimator, n: number): number {
  const x = (n - 1) / 2;
  return (divisor(estimator, n) / (2 * x)) * detExp(-digammaMinusLog(x));
}

/**
 * P(sigma_t^2 < epsilon sigma0^2) at dim 1 under replace with n points a round, by the central
 * limit theorem for the sum of t log chi-squares: Phi((ln epsilon - t l_1)/sqrt(t psi'((n - 1)/2))).
 * Asymptotic (a normal approximation).
 *
 * @example
 * collapseProbability("mle", 1, 20, 50, 0.1) // => 0.893962596973127
 */
export function collapseProbability(estimator: Estimator, temperature: number, n: number, t: number, epsilon: number): number {
  const [rate] = lyapunovExponents({ dim: 1, estimator, covariance: "full", temperature, sigma0: 1 }, n);
  return normalCdf((detLog(epsilon) - t * rate) / Math.sqrt(t * trigamma((n - 1) / 2)));
}
