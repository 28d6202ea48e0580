// The metrics of one generation (docs/theory/verified-mixture.md, "Metrics").
import type { MetricDefinition } from "../scenario.js";
import { normalCdf } from "../../math/normal.js";

export const metrics: readonly MetricDefinition[] = [
  { name: "accuracy", description: "signed test accuracy, exact: Phi(mu_vec . w / |w|); generation 0: the generator's label accuracy" },
  { name: "bayesAccuracy", description: "Bayes accuracy Phi(mu)" },
  { name: "keptFraction", description: "synthetic points kept by the verifier / synthetic points generated" },
  { name: "keptLabelAccuracy", description: "fraction of kept synthetic labels that are correct (the verifier-quality proxy)" },
  { name: "theoryAccuracy", description: "closed-form accuracy where it applies (flip generator, label-only verifier, round 1; generation 0: the generator's)", theoryOf: "accuracy" },
  { name: "theoryKeptFraction", description: "expected kept fraction phi a + psi (1 - a), a the generator's label accuracy (label-only verifiers, every round)", theoryOf: "keptFraction" },
  { name: "theoryKeptLabelAccuracy", description: "phi a / (phi a + psi (1 - a)): one minus the post-filter noise (label-only verifiers, every round)", theoryOf: "keptLabelAccuracy" },
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
