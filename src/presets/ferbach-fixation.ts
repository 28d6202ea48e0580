// Curation against drift: with finitely many samples the better of two atoms takes over only
// with some probability, which the exact two-atom chain gives generation by generation.
import * as curatedChoice from "../scenarios/curated-choice/index.js";
import { definePreset } from "./preset.js";

const WHOSE = "the K-choice curator is the paper's; the finite-sample fixation chain and Kimura's approximation applied to it are this project's";

export const ferbachFixation = definePreset(curatedChoice, {
  name: "ferbach-fixation",
  title: "Curation against drift: the chance that the better of two atoms takes over, by generation, for K = 1, 2, 4 and infinite",
  source:
    "Ferbach, Bertrand, Bose, Gidel, \"Self-Consuming Generative Models with Curated Data Provably Optimize Human Preferences\", NeurIPS 2024, arXiv:2407.09499 (K-choice curation); " +
    "the finite-sample chain is the Wright-Fisher model with the curation map as selection, and Kimura's diffusion approximation of its fixation probability (this project's extension)",
  description:
    "Two atoms: the better one (reward 1) starts with a fifth of the mass (Zipf base, exponent 2), the curation weights differ by rewardScale 0.2, and each round refits to 50 curated samples (replace). " +
    "In the infinite-sample loop the better atom always wins; with 50 samples drift can lose it first. " +
    "topFixed is 1 once the better atom holds all the mass: its mean is the chance that it has taken over by generation t, which rises to the fixation probability (0.859 for K = 2, 0.950 for K = 4, 0.983 for K = infinite, against 0.2 without curation). " +
    "Dashed: the exact two-atom chain (and the exact one-step conditional); dotted: Kimura's approximation of the eventual fixation probability (K = 2 only).",
  spec: {
    params: { support: 2, base: { kind: "zipf", exponent: 2 }, reward: { kind: "linear", from: 0, to: 1 }, rewardScale: 0.2, samples: 50 },
    grid: { choices: [1, 2, 4, "infinite"] },
    generations: 150,
    seeds: 300,
    seed: 2407,
  },
  plot: { x: "generation", series: ["choices"], metrics: ["topFixed", "topMass"], title: WHOSE },
});
