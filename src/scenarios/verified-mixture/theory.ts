// Closed forms of the verified-mixture scenario (docs/theory/verified-mixture.md): what a
// verifier keeps of a round's labels (label-only verifiers for every generator and selection
// where the law is known, linear and self verifiers for deterministic generators), the
// finite-size accuracy of ridge regression on flip-noise labels, the generators' accuracies.
// Each example in a doc comment is checked by test/docs/examples.test.ts.
import { normalCdf } from "../../math/normal.js";
import { bivariateNormalUpper } from "../../math/bivariate-normal.js";
import { logisticNormalMean } from "../../math/logistic-normal.js";
import { candidatesOf, learnerOf, type Generator, type Verifier, type Params } from "./params.js";
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
 * Accuracy of a generator as a classifier (its likelier label): 1 - eps for flip, Phi(mu cos a)
 * for linear and logistic (the linear generator's labels, the logistic one's most likely ones).
 *
 * @example
 * generatorAccuracy(1, { kind: "flip", eps: 0.3 }) // => 0.7
 * generatorAccuracy(1.5, { kind: "linear", angle: 50 }) // => 0.8325225096960595
 * generatorAccuracy(1, { kind: "logistic", angle: 30, sharpness: 4 }) // => 0.8067618846143837
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
 * The closed form for the first round's model where it applies (a flip generator, a
 * label-only verifier with any selection, the ridge learner, real points included), else null.
 * Best-of-k selection enters through its acceptance (bestOfKAcceptance): the labels' noise is
 * still independent of x.
 *
 * @example
 * firstRoundAccuracy({ d: 200, mu: 1, nSynthetic: 2000, nReal: 0, ridge: 1, method: "auto",
 *   generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 } }) // => 0.7965898224335772
 * firstRoundAccuracy({ d: 100, mu: 1, nSynthetic: 2000, nReal: 0, ridge: 0.5, method: "auto", selection: { kind: "bestOfK", k: 3 },
 *   generator: { kind: "flip", eps: 0.4 }, verifier: { kind: "noisy", phi: 0.5, psi: 0.3 } }) // => 0.7708885041330196
 * firstRoundAccuracy({ d: 50, mu: 1.5, nSynthetic: 10000, nReal: 0, ridge: 0.001, method: "auto",
 *   generator: { kind: "linear", angle: 50 }, verifier: { kind: "oracle" } }) // => null
 */
export function firstRoundAccuracy(params: Params): number | null {
  const acceptance = labelOnlyAcceptance(params.verifier);
  if (params.generator.kind !== "flip" || acceptance === null || learnerOf(params) !== "ridge") return null;
  const { eps } = params.generator;
  const selected = bestOfKAcceptance(acceptance, candidatesOf(params), { kind: "flip", eps });
  if (selected === null) return null;
  const { phi, psi } = selected;
  const m = params.nSynthetic, n = m + params.nReal;
  return finiteSizeAccuracy({
    mu: params.mu,
    d: params.d,
    n,
    alpha: (m * keptFraction(eps, phi, psi) + params.nReal) / n,
    lambda: (m * signedSignal(eps, phi, psi) + params.nReal) / n,
    ridge: params.ridge,
  });
}

/**
 * A round's generator as the closed forms see it: flip labels; labels from a unit direction
 * theta (cosMean = theta . e1, cosVerifier = theta . theta_v for a linear verifier's theta_v,
 * else 0), drawn with `sharpness` (+1 with probability sigma(sharpness theta . x); Infinity:
 * sign(theta . x)), whose likelier label is right with probability `accuracy` = Phi(mu cosMean);
 * or the zero model, which labels every point +1 (ridge) or by a fair coin (logistic).
 */
export type RoundGenerator =
  | { kind: "flip"; eps: number }
  | { kind: "direction"; accuracy: number; cosMean: number; cosVerifier: number; sharpness: number }
  | { kind: "zero" };

/**
 * The first round's generator.
 *
 * @example
 * firstGenerator(1, { kind: "logistic", angle: 30, sharpness: 4 }, { kind: "linear", angle: 90, margin: 0 }).kind // => "direction"
 */
export function firstGenerator(mu: number, generator: Generator, verifier: Verifier): RoundGenerator {
  if (generator.kind === "flip") return { kind: "flip", eps: generator.eps };
  const [cos, sin] = planeDirection(generator.angle);
  const [cosV, sinV] = verifier.kind === "linear" ? planeDirection(verifier.angle) : [0, 0];
  return {
    kind: "direction",
    accuracy: generatorAccuracy(mu, generator),
    cosMean: cos,
    cosVerifier: cos * cosV + sin * sinV,
    sharpness: generator.kind === "logistic" ? generator.sharpness : Infinity,
  };
}

/**
 * The share of right labels a round's generator gives: 1 - eps; Phi(mu cosMean) for a
 * deterministic direction; E[sigma(sharpness t)], t ~ N(mu cosMean, 1), for drawn labels; 1/2
 * for the zero model.
 *
 * @example
 * generatorLabelAccuracy(1, { kind: "direction", accuracy: 0.8067758095637585, cosMean: Math.cos(Math.PI / 6), cosVerifier: 0, sharpness: 2 }) // => 0.7439116177734042
 */
export function generatorLabelAccuracy(mu: number, generator: RoundGenerator): number {
  if (generator.kind === "flip") return 1 - generator.eps;
  if (generator.kind === "zero") return 0.5;
  return generator.sharpness === Infinity ? generator.accuracy : logisticNormalMean(mu * generator.cosMean, generator.sharpness);
}

/** 1 + q + ... + q^(k-1). */
function geometricSum(q: number, k: number): number {
  let sum = 0, term = 1;
  for (let j = 0; j < k; j++) {
    sum += term;
    term *= q;
  }
  return sum;
}

/**
 * 1 - (1 - p)^k, the chance that one of k independent tries succeeds, as p (1 + (1 - p) + ... +
 * (1 - p)^(k-1)): exactly p at k = 1, and no cancellation for a small p.
 *
 * @example
 * atLeastOnce(0.5, 3) // => 0.875
 */
export function atLeastOnce(p: number, k: number): number {
  return p * geometricSum(1 - p, k);
}

/**
 * The keep rates (phi, psi) of the label-only filter that keeps what a label-only verifier keeps
 * under best-of-k selection, the same kept fraction and kept-label accuracy. Candidates drawn
 * independently of x (flip labels, right with probability a): the verifier tries them until it
 * keeps one, S = sum_{j<k} (1 - alpha)^j of them on average (alpha = phi a + psi (1 - a)), each
 * kept with probability phi if right, psi if wrong: (phi S, psi S), so alpha_k = 1 - (1 - alpha)^k
 * with the kept labels right as often as under filtering. One candidate repeated k times (a
 * deterministic generator): (1 - (1 - phi)^k, 1 - (1 - psi)^k). (phi, psi) itself at k = 1.
 * Labels drawn from x (the logistic generator): null for k > 1 (right and wrong candidates
 * then depend on x together).
 *
 * @example
 * bestOfKAcceptance({ phi: 0.5, psi: 0.3 }, 3, { kind: "flip", eps: 0.4 }) // => { phi: 0.9582, psi: 0.57492 }
 * bestOfKAcceptance({ phi: 0.5, psi: 0.3 }, 3, { kind: "direction", accuracy: 0.8, cosMean: 0.8, cosVerifier: 0, sharpness: Infinity }) // => { phi: 0.875, psi: 0.6569999999999999 }
 */
export function bestOfKAcceptance(acceptance: { phi: number; psi: number }, k: number, generator: RoundGenerator): { phi: number; psi: number } | null {
  const { phi, psi } = acceptance;
  if (k === 1) return acceptance;
  if (generator.kind === "flip") {
    const tries = geometricSum(1 - keptFraction(generator.eps, phi, psi), k);
    return { phi: phi * tries, psi: psi * tries };
  }
  if (generator.kind === "direction" && generator.sharpness === Infinity) return { phi: atLeastOnce(phi, k), psi: atLeastOnce(psi, k) };
  return null;
}

/** A verifier's kept points: their share of the candidates' points, and the share of right labels among them. */
export interface Kept {
  keptFraction: number;
  keptLabelAccuracy: number | null;
}

/** Kept from P(kept with a right label) and P(kept with a wrong one). */
function keptOf(right: number, wrong: number): Kept {
  const kept = right + wrong;
  return { keptFraction: kept, keptLabelAccuracy: kept > 0 ? right / kept : null };
}

/**
 * What a linear verifier (theta_v at `angle`, margin m) keeps: a point is kept with label y'
 * when sign(theta_v . x) = y' and |theta_v . x| >= m. Given y = +1 (the other class is its
 * mirror image), t_v = theta_v . x ~ N(mu cos a_v, 1). Flip labels, k candidates: some candidate
 * carries sign(t_v) with probability 1 - eps^k if it is y, 1 - (1 - eps)^k if not. A
 * deterministic direction (its candidates all sign(t_g), t_g = theta . x): the pair (t_g, t_v)
 * is bivariate normal with correlation theta . theta_v, kept right when t_g >= 0 and t_v >= m,
 * kept wrong when t_g < 0 and t_v <= -m. Drawn labels: null.
 */
function linearVerifierKeep(mu: number, generator: RoundGenerator, angle: number, margin: number, k: number): Kept | null {
  const meanV = mu * planeDirection(angle)[0];
  if (generator.kind === "flip") {
    return keptOf(normalCdf(meanV - margin) * atLeastOnce(1 - generator.eps, k), normalCdf(-margin - meanV) * atLeastOnce(generator.eps, k));
  }
  if (generator.kind !== "direction" || generator.sharpness !== Infinity) return null;
  const meanG = mu * generator.cosMean, rho = Math.max(-1, Math.min(1, generator.cosVerifier));
  return keptOf(bivariateNormalUpper(-meanG, margin - meanV, rho), bivariateNormalUpper(meanG, margin + meanV, rho));
}

/**
 * What self-selection keeps of a deterministic direction's labels: |t_g| >= m, t_g = theta . x
 * ~ N(mu cosMean, 1) given y = +1, the label right when t_g > 0. Drawn labels: null.
 */
function selfKeep(mu: number, generator: RoundGenerator, margin: number): Kept | null {
  if (generator.kind !== "direction" || generator.sharpness !== Infinity) return null;
  const meanG = mu * generator.cosMean;
  return keptOf(normalCdf(meanG - margin), normalCdf(-margin - meanG));
}

/**
 * The expected kept fraction and kept-label accuracy of a round, where a closed form applies:
 * label-only verifiers (labelOnlyKeep, with best-of-k's acceptance; drawn labels at k = 1 only),
 * linear verifiers of flip labels or of a deterministic direction's, self-selection of a
 * deterministic direction's; null otherwise, and for the zero model but with a label-only
 * verifier and one candidate.
 *
 * @example
 * verifierKeep(1, { kind: "flip", eps: 0.4 }, { kind: "noisy", phi: 0.5, psi: 0.3 }, 3) // => { keptFraction: 0.804888, keptLabelAccuracy: 0.7142857142857142 }
 * verifierKeep(1.5, firstGenerator(1.5, { kind: "linear", angle: 50 }, { kind: "linear", angle: 20, margin: 0 }), { kind: "linear", angle: 20, margin: 0 }, 1) // => { keptFraction: 0.8900193682675059, keptLabelAccuracy: 0.9231281933046647 }
 */
export function verifierKeep(mu: number, generator: RoundGenerator, verifier: Verifier, k: number): Kept | null {
  const acceptance = labelOnlyAcceptance(verifier);
  if (acceptance !== null) {
    if (generator.kind === "zero" && k > 1) return null;
    const selected = bestOfKAcceptance(acceptance, k, generator);
    return selected && labelOnlyKeep(selected, generatorLabelAccuracy(mu, generator));
  }
  if (verifier.kind === "linear") return linearVerifierKeep(mu, generator, verifier.angle, verifier.margin, k);
  return verifier.kind === "self" ? selfKeep(mu, generator, verifier.margin) : null;
}

/**
 * The verifier as a classifier of y, where it is one: a linear verifier Phi(mu cos a_v), the
 * oracle 1, self-selection the round's generator's accuracy; else null.
 *
 * @example
 * verifierAccuracy(1.5, { kind: "linear", angle: 20, margin: 0 }, { kind: "flip", eps: 0.3 }) // => 0.9206620649063181
 * verifierAccuracy(1, { kind: "noisy", phi: 0.8, psi: 0.3 }, { kind: "flip", eps: 0.3 }) // => null
 */
export function verifierAccuracy(mu: number, verifier: Verifier, generator: RoundGenerator): number | null {
  switch (verifier.kind) {
    case "linear": return normalCdf(mu * planeDirection(verifier.angle)[0]);
    case "oracle": return 1;
    case "self": return generator.kind === "direction" ? generator.accuracy : generator.kind === "zero" ? 0.5 : null;
    default: return null;
  }
}
