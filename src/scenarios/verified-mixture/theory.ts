// Closed forms of the verified-mixture scenario (shared/theory/verified-mixture.md, "Theory"):
// flip-noise labels filtered by a label-only verifier, learned by ridge regression.
import { normalCdf } from "../../math/normal.js";
import type { Generator, Verifier, VerifiedMixtureParams } from "./params.js";

/** Keep probabilities of a verifier that looks only at whether the label is right, or null. */
export function labelOnlyAcceptance(verifier: Verifier): { phi: number; psi: number } | null {
  switch (verifier.kind) {
    case "none": return { phi: 1, psi: 1 };
    case "oracle": return { phi: 1, psi: 0 };
    case "random": return { phi: verifier.keep, psi: verifier.keep };
    case "noisy": return { phi: verifier.phi, psi: verifier.psi };
    default: return null;
  }
}

/** Bayes accuracy Phi(mu). */
export function bayesAccuracy(mu: number): number {
  return normalCdf(mu);
}

/** Accuracy of the labels a generator produces: 1 - eps for flip, Phi(mu cos a) for linear. */
export function generatorAccuracy(mu: number, generator: Generator): number {
  return generator.kind === "flip" ? 1 - generator.eps : normalCdf(mu * Math.cos((generator.angle * Math.PI) / 180));
}

/** Breakdown point eps* = phi / (phi + psi): above it the kept labels are mostly wrong. */
export function breakdownPoint(phi: number, psi: number): number {
  return phi / (phi + psi);
}

/** Expected kept fraction alpha = phi (1 - eps) + psi eps. */
export function keptFraction(eps: number, phi: number, psi: number): number {
  return phi * (1 - eps) + psi * eps;
}

/** Signed signal lambda = phi (1 - eps) - psi eps: E[kept * label * true label]. */
export function signedSignal(eps: number, phi: number, psi: number): number {
  return phi * (1 - eps) - psi * eps;
}

/** Label noise among the kept points: eps psi / (eps psi + (1 - eps) phi). */
export function postFilterNoise(eps: number, phi: number, psi: number): number {
  return (eps * psi) / (eps * psi + (1 - eps) * phi);
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
 * points. Nothing kept gives w = 0, which the simulation scores 1/2.
 */
export function finiteSizeAccuracy({ mu, d, n, alpha, lambda, ridge: g }: FiniteSizeInputs): number {
  if (alpha === 0) return 0.5;
  const eta = d / n;
  const delta = (eta * alpha - alpha - g + Math.sqrt((alpha + g - eta * alpha) ** 2 + 4 * eta * alpha * g)) / (2 * g);
  const D = alpha * mu ** 2 + alpha + g * (1 + delta);
  const E1 = (lambda * mu ** 2) / D;
  const h = 1 - (alpha * eta) / (alpha + g * (1 + delta)) ** 2;
  const E2 = ((lambda * mu) ** 2 / (h * D)) * ((mu ** 2 + 1) / D - (2 * (1 - h)) / alpha) + (1 - h) / h;
  return normalCdf(E1 / Math.sqrt(E2 - E1 ** 2));
}

/**
 * The closed form for the first round's model where it applies (a flip generator and a
 * label-only verifier, real points included), else null.
 */
export function firstRoundAccuracy(params: VerifiedMixtureParams): number | null {
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
