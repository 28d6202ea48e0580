// Symbol survival under recursive refitting: the support of a Zipf distribution refitted to n
// tokens of its own samples, with the exact binomial chain and the Poisson-branching approximation.
import * as categoricalTails from "../scenarios/categorical-tails/index.js";
import { definePreset } from "./preset.js";

export const sureshSurvival = definePreset(categoricalTails, {
  name: "suresh-survival",
  title: "How many symbols survive recursive refitting: support size and lost mass against generations, with the exact binomial chain and the branching approximation",
  source:
    "Suresh, Thangaraj, Khandavally, \"Rate of Model Collapse in Recursive Training\", arXiv:2412.17646 (symbol survival in the discrete model; the branching lower bound of its Corollary 1); " +
    "the Wright-Fisher model of population genetics",
  description:
    "A Zipf distribution (beta 1.5, K = 1000) refitted under replace to n tokens of its own samples, no transform. A symbol that draws no token is lost for good, the rare ones first; a symbol with n p0 much smaller than t/2 is gone by generation t. " +
    "Dashed: the exact expectation from each symbol's binomial chain (this project's computation, O(t n^2)); dotted: the Poisson-branching approximation 1 - exp(-n p0 g_t), g_(t+1) = 1 - exp(-g_t) ~ 2/t (asymptotic). " +
    "Accumulating the tokens instead freezes the support after round 1 (schedule.kind = accumulate).",
  spec: {
    params: { support: 1000, zipfExponent: 1.5 },
    grid: { samples: [100, 1000] },
    generations: 60,
    seeds: 100,
    seed: 2412,
  },
  plot: { x: "generation", series: ["samples"], metrics: ["supportSize", "lostMass", "gini"] },
});
