// Closed forms of the verified-mixture scenario (docs/theory/verified-mixture.md): flip-noise
// labels filtered by a label-only verifier, learned by ridge regression. Each example in a
// doc comment is checked by test/docs/examples.test.ts.
import { normalCdf } from "../../math/normal.js";
import type { Generator, Verifier, Params } from "./params.js";
import { planeDirection } from "./plane-direction.js";

/**
 * Keep probabilities of a verifier that looks only at whether the label is right, or null.
 *
 * @example
 * labelOnlyAcceptance({ kind: "oracle" }) // => { phi: 1, psi: 0 }
 * labelOnlyAcceptance({ kind: "linear", angle: 20, margin: 0 }) // => null
 */
export function labelOnlyAcceptance(verifier: Verifier): { phi: number; psi: number } | null {
  switch (verifier.kind) {
    case "none": return { phi: 1, psi: 1 };
    case "oracle": return { phi: 1, psi: 0 };
    case "random": return { phi: verifier.keep, psi: verifier.keep };
    case "noisy": return { phi: verifier.phi, psi: verifier.psi };
    default: return null;
  }
}

/**
 * Bayes accuracy Phi(mu).
 *
 * @example
 * bayesAccuracy(1) // => 0.841344746068543
 */
export function bayesAccuracy(mu: number): number {
  return normalCdf(mu);
}

/**
 * Accuracy of the labels a generator produces: 1 - eps for flip, Phi(mu cos a) for linear.
 *
 * @example
 * generatorAccuracy(1, { kind: "flip", eps: 0.3 }) // => 0.7
 * generatorAccuracy(1.5, { kind: "linear", angle: 50 }) // => 0.8325225096960595
 */
export function generatorAccuracy(mu: number, generator: Generator): number {
  return generator.kind === "flip" ? 1 - generator.eps : normalCdf(mu * planeDirection(generator.angle)[0]);
}

/**
 * Breakdown point eps* = phi / (phi + psi): above it the kept labels are mostly wrong.
 *
 * @example
 * breakdownPoint(0.8, 0.3) // => 0.7272727272727273
 */
export function breakdownPoint(phi: number, psi: number): number {
  return phi / (phi + psi);
}

/**
 * Expected kept fraction alpha = phi (1 - eps) + psi eps.
 *
 * @example
 * keptFraction(0.3, 0.8, 0.3) // => 0.6499999999999999
 */
export function keptFraction(eps: number, phi: number, psi: number): number {
  return phi * (1 - eps) + psi * eps;
}

/**
 * Signed signal lambda = phi (1 - eps) - psi eps: E[kept * label * true label].
 *
 * @example
 * signedSignal(0.3, 0.8, 0.3) // => 0.47
 */
export function signedSignal(eps: number, phi: number, psi: number): number {
  return phi * (1 - eps) - psi * eps;
}

/**
 * Label noise among the kept points: eps psi / (eps psi + (1 - eps) phi).
 *
 * @example
 * postFilterNoise(0.3, 0.8, 0.3) // => 0.13846153846153847
 */
export function postFilterNoise(eps: number, phi: number, psi: number): number {
  return (eps * psi) / (eps * psi + (1 - eps) * phi);
}

/**
 * What a label-only verifier keeps from a generator whose labels are right with probability
 * `labelAccuracy`: the expected kept fraction phi a + psi (1 - a), and the share of right labels
 * among the kept, phi a / (phi a + psi (1 - a)) (one minus the post-filter noise at eps = 1 - a).
 * Exact in every round: from round 2 the generator is the last model, whose label accuracy is
 * that round's exact accuracy. The second is a ratio of expectations; the simulated ratio of
 * counts differs from it by O(1 / m).
 *
 * @example
 * labelOnlyKeep({ phi: 0.8, psi: 0.3 }, 0.7) // => { keptFraction: 0.6499999999999999, keptLabelAccuracy: 0.8615384615384616 }
 */
export function labelOnlyKeep(acceptance: { phi: number; psi: number }, labelAccuracy: number): {
  keptFraction: number;
  keptLabelAccuracy: number | null;
} {
  const { phi, psi } = acceptance;
  const kept = keptFraction(1 - labelAccuracy, phi, psi);
  return { keptFraction: kept, keptLabelAccuracy: kept > 0 ? (phi * labelAccuracy) / kept : null };
}

export interface FiniteSizeInputs {
  mu: number;
  d: number;
  /** Points drawn, kept or not: the sums' normalisation. */
  n: number;
  /** Fraction of the drawn points kept. */
  alpha: number;
  /** Mean over drawn points of kept * label * true label. */
  lambda: number;
  ridge: number;
}

/**
 * The deterministic-equivalent accuracy of ridge on kept points with label noise independent
 * of x (El Firdoussi et al. 2025), eta = d / n. It depends on the kept set only through
 * alpha and lambda, so it also covers a mixture of filtered synthetic and always-kept real
 * points. Nothing kept gives w = 0, which the simulation scores 1/2; no signal (lambda = 0 or
 * mu = 0, so E1 = 0) gives exactly 1/2 through the formula, the right value: the labels then
 * say nothing about the class direction and w points either way alike. null where the formula
 * is undefined (h <= 0 or E2 <= E1^2): h > 0 whenever ridge > 0, and E2 > E1^2 held across a
 * wide grid of parameters; both fail only by overflow at extreme ones, such as ridge 1e-310.
 *
 * Asymptotic in d with d / n fixed, so its error is a finite-d effect, largest where the kept
 * points number about d and the ridge is small. Against 1000 simulated replicates (random
 * keep 1/2, eps 0.2, kept points from d / 2 to 10 d, ridge 0.01 and 1): within 0.003 at
 * d = 100, within 0.01 at d = 30, up to 0.025 at d = 10.
 *
 * @example
 * // The theory page's table at eps 0.3: alpha = keptFraction(0.3, 0.8, 0.3), lambda = signedSignal(0.3, 0.8, 0.3).
 * finiteSizeAccuracy({ mu: 1, d: 200, n: 2000, alpha: 0.65, lambda: 0.47, ridge: 1 }) // => 0.7965898224335772
 */
export function finiteSizeAccuracy({ mu, d, n, alpha, lambda, ridge: g }: FiniteSizeInputs): number | null {
  if (alpha === 0) return 0.5;
  const eta = d / n;
  // Q = (X_k^T X_k / n + g I)^-1 over the alpha n kept rows, normalised by n (the points
  // drawn) as the scenario's fit is, has the deterministic equivalent (alpha / (1 + delta) + g)^-1 I
  // with delta = tr(Q) / n = eta (1 + delta) / (alpha + g (1 + delta)), that is
  //   g delta^2 + (alpha + g - eta) delta - eta = 0,
  // whose positive root is taken below. The formula as first written down for this project
  // had this root with eta * alpha wherever eta belongs, which matches neither that
  // normalisation nor its own D, E1, h and E2 (they are kept as written). That root gives the
  // reference table of docs/theory/verified-mixture.md (this one moves its values by at most
  // 6e-4), but lies 22 standard errors from simulation at d = 100, m = 1000, random keep 0.11,
  // ridge 0.01 (this root: 1.2 SE), and is NaN for fewer kept points than d at a small ridge.
  const b = alpha + g - eta;
  const root = Math.sqrt(b * b + 4 * eta * g);
  // Rationalised where b > 0, so a small ridge does not cancel -b against the square root.
  const delta = b > 0 ? (2 * eta) / (b + root) : (root - b) / (2 * g);
  // Squares as products: `**` gives different last bits in different JavaScript engines.
  const mu2 = mu * mu, lambdaMu = lambda * mu, kept = alpha + g * (1 + delta);
  const D = alpha * mu2 + alpha + g * (1 + delta);
  const E1 = (lambda * mu2) / D;
  const h = 1 - (alpha * eta) / (kept * kept);
  const E2 = ((lambdaMu * lambdaMu) / (h * D)) * ((mu2 + 1) / D - (2 * (1 - h)) / alpha) + (1 - h) / h;
  const variance = E2 - E1 * E1;
  if (!(h > 0) || !(variance > 0)) return null;
  return normalCdf(E1 / Math.sqrt(variance));
}

/**
 * The closed form for the first round's model where it applies (a flip generator and a
 * label-only verifier, real points included), else null.
 *
 * @example
 * firstRoundAccuracy({ d: 200, mu: 1, nSynthetic: 2000, nReal: 0, ridge: 1, method: "auto",
 *   generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 } }) // => 0.7965898224335772
 * firstRoundAccuracy({ d: 50, mu: 1.5, nSynthetic: 10000, nReal: 0, ridge: 0.001, method: "auto",
 *   generator: { kind: "linear", angle: 50 }, verifier: { kind: "oracle" } }) // => null
 */
export function firstRoundAccuracy(params: Params): number | null {
  const acceptance = labelOnlyAcceptance(params.verifier);
  if (params.generator.kind !== "flip" || acceptance === null) return null;
  const { eps } = params.generator;
  const m = params.nSynthetic, n = m + params.nReal;
  return finiteSizeAccuracy({
    mu: params.mu,
    d: params.d,
    n,
    alpha: (m * keptFraction(eps, acceptance.phi, acceptance.psi) + params.nReal) / n,
    lambda: (m * signedSignal(eps, acceptance.phi, acceptance.psi) + params.nReal) / n,
    ridge: params.ridge,
  });
}
