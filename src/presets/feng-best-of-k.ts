// Best-of-k selection: the generator proposes k labels per point and the verifier takes the
// first it accepts; accuracy and kept fraction against k, with the closed forms.
import * as verifiedMixture from "../scenarios/verified-mixture/index.js";
import { definePreset } from "./preset.js";
import { accuracyLevels } from "./verified-mixture-levels.js";

export const fengBestOfK = definePreset(verifiedMixture, {
  name: "feng-best-of-k",
  title: "Best-of-k selection: accuracy, kept fraction and kept-label accuracy against k, for several verifiers, with theory",
  source:
    "Feng, Dohmatob, Yang, Charton, Kempe, \"Beyond Model Collapse: Scaling Up with Synthesized Data Requires Verification\", arXiv:2406.07515 v1 (selection by choosing the best of several guesses); closed forms: this project's, through the finite-size formula of El Firdoussi et al., ICLR 2025, arXiv:2410.08942",
  description:
    "Labels flipped with probability 0.4 (d = 100, m = 2000, ridge 0.5); for each point the generator proposes k labels and the verifier takes the first it accepts, dropping the point if it accepts none. A label-only verifier keeps 1 - (1 - alpha)^k of the points, its kept labels as accurate as under filtering (0.714 for phi = 0.5, psi = 0.3; 1 for the oracle, which keeps 1 - 0.4^k): more data at the same quality, so the accuracy climbs with k along the finite-size formula (dashed; noisy verifier 0.743, 0.772, 0.780 at k = 1, 3, 8 against 0.746, 0.771, 0.778). Random acceptance and no verifier keep the generator's 0.6. A linear verifier at 20 degrees takes a candidate that agrees with it: as k grows it keeps nearly every point, its kept labels turn into its own (0.877 at k = 1, 0.829 at k = 8, towards Phi(cos 20) = 0.826) and the model into it; its kept fraction and label accuracy have closed forms, its accuracy none.",
  spec: {
    params: {
      d: 100, mu: 1, nSynthetic: 2000, ridge: 0.5, selection: { kind: "bestOfK", k: 1 },
      generator: { kind: "flip", eps: 0.4 }, verifier: { kind: "noisy", phi: 0.5, psi: 0.3 },
    },
    grid: {
      verifier: [
        { kind: "noisy", phi: 0.5, psi: 0.3 },
        { kind: "oracle" },
        { kind: "random", keep: 0.5 },
        { kind: "none" },
        { kind: "linear", angle: 20 },
      ],
      "selection.k": [1, 2, 3, 4, 6, 8],
    },
    generations: 1,
    seeds: 20,
    seed: 2410,
  },
  plot: { x: "selection.k", series: ["verifier.kind"], metrics: ["accuracy", "keptFraction", "keptLabelAccuracy"], markers: (study) => accuracyLevels(study, "keptLabelAccuracy", "generator's labels") },
});
