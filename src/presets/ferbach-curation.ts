// Curation by preference: a model refitted to the samples a K-choice Bradley-Terry curator keeps
// climbs the reward, with or without real data mixed in.
import * as curatedChoice from "../scenarios/curated-choice/index.js";
import { definePreset } from "./preset.js";

const WHOSE = "the K-choice curator, the rising reward and real data's stabilising role are the paper's; the exact finite-K map and the conditional columns are this project's derivations";

export const ferbachCuration = definePreset(curatedChoice, {
  name: "ferbach-curation",
  title: "Self-consuming training on curated samples: mean reward and top mass against generations for K = 1 to infinity, fully synthetic and with real data",
  source:
    "Ferbach, Bertrand, Bose, Gidel, \"Self-Consuming Generative Models with Curated Data Provably Optimize Human Preferences\", NeurIPS 2024, arXiv:2407.09499 (K-choice curation; the reward rising to its maximum; real data injected at every step keeps the loop stable)",
  description:
    "A categorical model on 10 atoms (Zipf base; reward linear from 0 on the most likely atom to 2 on the rarest) refitted to 1000 samples a round, each the choice of a Bradley-Terry curator among K draws (K = 1: no curation). " +
    "Fully synthetic (replace), the mean reward rises and the mass moves to the best atom, faster for larger K (K = infinite is the RLHF-like tilt p exp(r)); finite samples also lose atoms for good. " +
    "With the real set mixed back in (fixed-real, lambda = 1) the reward rises less and stays bounded, and the model stays near the data. " +
    "Dashed: the exact expectation given the previous generation, through the exact curation map; dotted: the expected-mode trajectory (infinite samples, an asymptotic overlay).",
  spec: {
    params: { support: 10, samples: 1000 },
    grid: { choices: [1, 2, 4, 16, "infinite"], "schedule.kind": ["replace", "fixed-real"] },
    generations: 30,
    seeds: 50,
    seed: 2407,
  },
  plot: { x: "generation", series: ["choices"], facet: "schedule.kind", metrics: ["meanReward", "topMass", "klFromBase"], title: WHOSE },
});
