// A Tale of Tails: top-k, top-p and temperature cut a Zipf distribution's tail, and the learner's
// error stops falling with more data once the cut dominates.
import type { Row } from "../study/rows.js";
import * as categoricalTails from "../scenarios/categorical-tails/index.js";
import { definePreset } from "./preset.js";

/** lostMass after round 1: the test error of one round's learner, which plateaus at the cut mass as n grows. */
function firstRoundLostMass(rows: readonly Row[]): number | null {
  return (rows[1]?.lostMass as number | null) ?? null;
}

const WHOSE = "the tail cut and its plateau are the paper's claims; the exact generation-1 and conditional columns and the expected-mode overlay are this project's derivations";

export const taleOfTails = definePreset(categoricalTails, {
  name: "tale-of-tails",
  title: "Top-k, top-p and temperature cut a Zipf tail: lost mass and tail mass over generations, and the learner's error plateauing at the cut mass as n grows",
  source:
    "Dohmatob, Feng, Yang, Charton, Kempe, \"A Tale of Tails: Model Collapse as a Change of Scaling Laws\", ICML 2024, arXiv:2402.07043 (the tail cut, tail narrowing, and the plateau of the memorisation model's test error)",
  description:
    "A Zipf distribution (beta 1.5, K = 1000 symbols) refitted under replace to n tokens of its own samples, drawn through temperature, then top-k, then top-p. lostMass is the chance that a real token is one the model can no longer produce (the memorisation model's test error). " +
    "Without a cut the loss is sampling drift alone and falls with n; top-k = 30 cuts the mass after rank 30 (0.26) in round 1 whatever n is, top-p 0.9 keeps eating the tail until its fixed rank, and temperature 0.8 narrows it. " +
    "Charts against the generation, one per n: dashed the exact conditional expectation given the previous generation, dotted the expected-mode trajectory (n = infinity, an asymptotic overlay); the exact generation-1 value where there is one. " +
    "derived.csv: lostMass after round 1 against n, falling like n^-(1 - 1/beta) without a cut and flattening at the cut mass with one.",
  spec: {
    params: { support: 1000, zipfExponent: 1.5 },
    grid: { samples: [300, 3000, 30000], topK: [null, 30], topP: [1, 0.9], temperature: [1, 0.8] },
    generations: 12,
    seeds: 40,
    seed: 2402,
  },
  plot: { x: "generation", series: ["topK", "topP", "temperature"], facet: "samples", metrics: ["lostMass", "tailMass"], title: WHOSE },
  derived: [{ name: "firstRoundLostMass", description: "lostMass after round 1: one round's test error", compute: firstRoundLostMass }],
  derivedPlot: { x: "samples", series: ["topK", "topP", "temperature"], xTitle: "samples (n, tokens a round)", title: WHOSE },
});
