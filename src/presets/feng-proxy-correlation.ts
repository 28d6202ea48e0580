// Does a measurable proxy predict which verifier helps? Many verifiers of one generator's
// labels, one cell each, and the trained accuracy against each proxy and against the
// verifier's own accuracy, with the rank correlation across verifiers.
import * as verifiedMixture from "../scenarios/verified-mixture/index.js";
import { definePreset } from "./preset.js";
import { accuracyLevels } from "./verified-mixture-levels.js";

const ANGLES = [-90, -75, -60, -45, -30, -15, 0, 15, 30, 45, 60, 75, 90];
const MARGINS = [0, 0.5, 1];

export const fengProxyCorrelation = definePreset(verifiedMixture, {
  name: "feng-proxy-correlation",
  title: "Which verifier helps: the trained accuracy against measurable proxies and against the verifier's own accuracy, across 47 verifiers",
  source:
    "Feng, Dohmatob, Yang, Charton, Kempe, \"Beyond Model Collapse: Scaling Up with Synthesized Data Requires Verification\", ICLR 2025, arXiv:2406.07515 (a measurable proxy, p*, predicts whether selection helps; a stronger model is not automatically a better verifier); the proxies' definitions here are this project's",
  description:
    "A linear generator at 50 degrees labels m = 10^4 points (d = 50, mu = 1.5: generator 0.833, Bayes 0.933); 47 verifiers select them (linear ones at 13 angles and 3 margins, noisy ones, self-selection, the oracle, none) and logistic regression is fitted on what they keep. Each point of a scatter plot is one verifier. The accuracy of the kept labels (keptLabelAccuracy), and the breakdown point its rates imply, phi-hat / (phi-hat + psi-hat), predict the trained accuracy (rank correlation 0.745 over the 47 verifiers; 0.912 over the 13 linear ones without margin); the verifier's own accuracy does not (0.561 over the 42 that are classifiers; 0.244 over those 13): a linear verifier at 45 degrees, more accurate than the generator (0.856 against 0.833), helps little (0.850 against 0.836 with no verifier), its errors falling where the generator's do, while one at -45 degrees, as accurate, lifts the model to 0.933. The rank correlations are printed on each scatter plot and written to correlations.csv.",
  spec: {
    params: { d: 50, mu: 1.5, nSynthetic: 10000, ridge: 0.001, learner: "logistic", generator: { kind: "linear", angle: 50 }, verifier: { kind: "none" } },
    grid: {
      verifier: [
        ...ANGLES.flatMap((angle) => MARGINS.map((margin) => ({ kind: "linear" as const, angle, margin }))),
        { kind: "noisy", phi: 0.9, psi: 0.1 },
        { kind: "noisy", phi: 0.7, psi: 0.3 },
        { kind: "noisy", phi: 0.5, psi: 0.5 },
        { kind: "noisy", phi: 0.3, psi: 0.7 },
        { kind: "self", margin: 0.5 },
        { kind: "self", margin: 1 },
        { kind: "oracle" },
        { kind: "none" },
      ],
    },
    generations: 1,
    seeds: 10,
    seed: 2409,
  },
  plot: {
    x: "verifier.angle",
    series: ["verifier.margin"],
    metrics: ["accuracy", "keptLabelAccuracy", "verifierAccuracy"],
    markers: accuracyLevels,
    scatter: { x: ["keptLabelAccuracy", "breakdownPoint", "keptCorrectRate", "keptWrongRate", "verifierAccuracy"], y: "accuracy", color: ["verifier.kind"] },
  },
});
