// The phase transition of training on verified synthetic labels: accuracy against the
// generator's label noise eps, for several ratios m/d, with the breakdown point marked.
import * as verifiedMixture from "../scenarios/verified-mixture/index.js";
import type { Marker } from "../report/chart-plan.js";
import type { Study } from "../study/spec.js";
import { normalCdf } from "../math/normal.js";
import { definePreset } from "./preset.js";

const { theory } = verifiedMixture;

/** The breakdown point eps* of each label-only verifier in the grid, and the accuracies below it (Phi(mu)) and above it (Phi(-mu)). */
function markers(study: Study<verifiedMixture.Params>): Marker[] {
  const out: Marker[] = [];
  const seen = new Set<number>();
  for (const cell of study.cells) {
    const acceptance = theory.labelOnlyAcceptance(cell.params.verifier);
    if (acceptance === null) continue;
    const eps = theory.breakdownPoint(acceptance.phi, acceptance.psi);
    // A verifier that keeps nothing (phi = psi = 0) has no breakdown point: eps is 0 / 0.
    if (Number.isNaN(eps) || seen.has(eps)) continue;
    seen.add(eps);
    out.push({ axis: "generator.eps", value: eps, label: `eps* = ${eps.toFixed(3)}` });
  }
  const { mu } = study.cells[0].params;
  out.push({ metric: "accuracy", value: theory.bayesAccuracy(mu), label: "Bayes Phi(mu)" }, { metric: "accuracy", value: normalCdf(-mu), label: "Phi(-mu)" });
  return out;
}

export const fengPhaseTransition = definePreset(verifiedMixture, {
  name: "feng-phase-transition",
  title: "Verified synthetic labels: accuracy against label noise eps, a phase transition at eps* that sharpens as m/d grows",
  source:
    "Feng, Dohmatob, Yang, Charton, Kempe, \"Beyond Model Collapse: Scaling Up with Synthesized Data Requires Verification\", ICLR 2025, arXiv:2406.07515 (the breakdown point p* of a verifier); finite-size curve: El Firdoussi et al., \"Maximizing the Potential of Synthetic Data: Insights from Random Matrix Theory\", ICLR 2025, arXiv:2410.08942",
  description:
    "A generator flips each true label with probability eps; a noisy verifier keeps a correct label with probability phi = 0.8 and a wrong one with psi = 0.3; ridge regression on the kept points. Below eps* = phi/(phi+psi) the model approaches the Bayes accuracy Phi(mu), above it Phi(-mu); the larger m/d (1, 10, 100, 1000 and 10^5 at d = 100), the sharper the step: at m/d = 10^5 (10^7 points per round, drawn by the exact-statistics method) it falls from Phi(mu) to Phi(-mu) between the grid points on either side of eps*. Dashed: the deterministic-equivalent formula.",
  spec: {
    params: { d: 100, mu: 1, ridge: 1, nReal: 0, generator: { kind: "flip", eps: 0 }, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 } },
    grid: {
      // m/d = 10^5 costs about 0.3 ms a round with the exact method (method "auto": label-only, O(d^3)), O(m d^2) = 10^11 flops directly.
      nSynthetic: [100, 1000, 10000, 100000, 10000000],
      "generator.eps": [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1],
    },
    generations: 1,
    seeds: 20,
    seed: 2406,
  },
  plot: { x: "generator.eps", series: ["nSynthetic"], metrics: ["accuracy", "keptFraction", "keptLabelAccuracy"], markers },
});
