// The self-consuming loop in which collapse shows: a generator that draws its labels, a
// logistic learner that becomes the next such generator, and verifiers from none to poor,
// over 30 generations.
import * as verifiedMixture from "../scenarios/verified-mixture/index.js";
import { definePreset } from "./preset.js";
import { accuracyLevels } from "./verified-mixture-levels.js";

export const fengCollapseLoop = definePreset(verifiedMixture, {
  name: "feng-collapse-loop",
  title: "The self-consuming loop: labels drawn by the last model, no verifier, good ones and poor ones, over 30 generations",
  source:
    "Feng, Dohmatob, Yang, Charton, Kempe, \"Beyond Model Collapse: Scaling Up with Synthesized Data Requires Verification\", ICLR 2025, arXiv:2406.07515 (training on generated data collapses without verification, and an imperfect verifier can prevent it); the sampling generator and the loop are this project's reconstruction",
  description:
    "A generator at 30 degrees from the class mean draws each label, +1 with probability sigma(4 theta . x) (as a classifier Phi(cos 30) = 0.807, Bayes 0.841); logistic regression is fitted on the kept points (m = 1000 a round, d = 20, ridge 1e-3) and draws the next round's labels with sigma(w . x). Without a verifier the estimation noise compounds and the accuracy drifts below the generator's (0.806, 0.799, 0.790, 0.770, 0.747 at generations 1, 5, 10, 20, 30), and self-selection on the generator's own margin does not stop it (0.765 at 30). The oracle and good imperfect verifiers (a linear one at 20 degrees; one keeping right labels with probability 0.9 and wrong ones with 0.1) lift the loop above the generator within a few rounds and hold it there (0.837, 0.827, 0.836). Poor ones fail: a linear verifier at 80 degrees settles at 0.57, and one that keeps wrong labels more often than right ones (0.6 against 0.5) drives the loop through chance (0.477 at 30).",
  spec: {
    params: {
      d: 20, mu: 1, nSynthetic: 1000, ridge: 0.001, learner: "logistic",
      generator: { kind: "logistic", angle: 30, sharpness: 4 }, verifier: { kind: "none" },
    },
    grid: {
      verifier: [
        { kind: "none" },
        { kind: "oracle" },
        { kind: "linear", angle: 20 },
        { kind: "noisy", phi: 0.9, psi: 0.1 },
        { kind: "self", margin: 0.5 },
        { kind: "linear", angle: 80 },
        { kind: "noisy", phi: 0.5, psi: 0.6 },
      ],
    },
    generations: 30,
    seeds: 20,
    seed: 2408,
  },
  plot: { x: "generation", series: ["verifier.kind", "verifier.angle", "verifier.phi", "verifier.margin"], metrics: ["accuracy", "keptFraction", "keptLabelAccuracy"], markers: accuracyLevels },
});
