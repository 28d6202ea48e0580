// Verifier quality with x-dependent generator errors: a linear generator, verifiers of
// several angles and the oracle, against the number of synthetic points m.
import * as verifiedMixture from "../scenarios/verified-mixture/index.js";
import { definePreset } from "./preset.js";
import { accuracyLevels } from "./verified-mixture-levels.js";

export const fengVerifierQuality = definePreset(verifiedMixture, {
  name: "feng-verifier-quality",
  title: "Verifier quality: a linear generator at 50 degrees, linear verifiers of several angles and the oracle, against m",
  source:
    "Feng, Dohmatob, Yang, Charton, Kempe, \"Beyond Model Collapse: Scaling Up with Synthesized Data Requires Verification\", ICLR 2025, arXiv:2406.07515 (selection by verifiers of varying quality; a poor verifier ends below the generator)",
  description:
    "Labels come from a linear classifier at 50 degrees from the class mean (accuracy Phi(mu cos 50) = 0.833, Bayes 0.933). An oracle or a well-aligned verifier (20 or -80 degrees) lifts the trained model above the generator; a badly aligned one (80 degrees) drops it below: collapse. More synthetic data makes each verdict clearer. Dashed: what each verifier keeps and how accurate its kept labels are, in closed form (the oracle's and no verifier's from the generator's accuracy, the linear verifiers' from bivariate normal probabilities); the trained accuracy has no closed form here.",
  spec: {
    params: { d: 50, mu: 1.5, ridge: 0.001, nReal: 0, generator: { kind: "linear", angle: 50 }, verifier: { kind: "oracle" } },
    grid: {
      verifier: [
        { kind: "none" },
        { kind: "oracle" },
        { kind: "linear", angle: 20 },
        { kind: "linear", angle: 80 },
        { kind: "linear", angle: -80 },
      ],
      nSynthetic: [300, 1000, 3000, 10000, 30000],
    },
    generations: 1,
    seeds: 10,
    seed: 2407,
  },
  plot: { x: "nSynthetic", series: ["verifier.kind", "verifier.angle"], logX: true, metrics: ["accuracy", "keptFraction", "keptLabelAccuracy"], markers: accuracyLevels },
});
