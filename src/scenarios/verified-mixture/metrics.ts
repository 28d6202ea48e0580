// The metrics of one generation (docs/theory/verified-mixture.md, "Metrics").
import type { MetricDefinition } from "../scenario.js";
import { normalCdf } from "../../math/normal.js";

export const metrics: readonly MetricDefinition[] = [
  { name: "accuracy", description: "signed test accuracy, exact: Phi(mu_vec . w / |w|); generation 0: the generator's as a classifier (flip: 1 - eps; linear and logistic: Phi(mu cos angle))" },
  { name: "bayesAccuracy", description: "Bayes accuracy Phi(mu)" },
  { name: "keptFraction", description: "synthetic points kept by the verifier / synthetic points generated" },
  { name: "keptLabelAccuracy", description: "fraction of kept synthetic labels that are correct (the verifier-quality proxy)" },
  { name: "theoryAccuracy", description: "closed-form accuracy where it applies (flip generator, label-only verifier, ridge learner, round 1; generation 0: the generator's)", theoryOf: "accuracy" },
  { name: "theoryKeptFraction", description: "expected kept fraction given the round's generator, where a closed form applies (label-only verifiers; linear and self verifiers of labels without a random draw)", theoryOf: "keptFraction" },
  { name: "theoryKeptLabelAccuracy", description: "expected share of right labels among the kept, as theoryKeptFraction (for a label-only verifier phi a / (phi a + psi (1 - a)), a the generator's label accuracy)", theoryOf: "keptLabelAccuracy" },
  { name: "keptCorrectRate", description: "phi-hat: kept synthetic points whose label is right / candidate labels that are right (k per point under best-of-k), a proxy measurable on labelled candidates" },
  { name: "keptWrongRate", description: "psi-hat: kept synthetic points whose label is wrong / candidate labels that are wrong" },
  { name: "breakdownPoint", description: "phi-hat / (phi-hat + psi-hat): the breakdown point eps* of a label-only verifier with these rates" },
  { name: "verifierAccuracy", description: "the verifier as a classifier of y, where it is one (closed form): linear Phi(mu cos angle), oracle 1, self the round's generator's accuracy" },
];

/** |w|, 0 for the zero vector. */
export function norm(w: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i] * w[i];
  return Math.sqrt(sum);
}

/**
 * Exact signed accuracy of sign(w . x) for mu_vec = mu e1: Phi(mu w_1 / |w|). The zero vector
 * labels everything +1 (sign(0) = +1 in the kernels), which is right half the time.
 */
export function modelAccuracy(mu: number, w: ArrayLike<number>): number {
  const length = norm(w);
  return length === 0 ? 0.5 : normalCdf((mu * w[0]) / length);
}
