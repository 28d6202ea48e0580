// The strength of weak data, isolated: weak labels against the same budget spent on more
// samples (the resampling control), and against filtering alone, as the share of prompts the
// model can never answer grows and as the labeler weakens to beta = 0.05.
import * as weakData from "../scenarios/weak-data/index.js";
import type { Row } from "../study/rows.js";
import { definePreset } from "./preset.js";
import { aminArms } from "./amin-arms.js";

/** The accuracy after the last round. */
function finalAccuracy(rows: readonly Row[]): number | null {
  return (rows[rows.length - 1].accuracy as number | null) ?? null;
}

const WHOSE = "filter only vs hardest-first labels is the paper's comparison; the resampling control, rho and alpha as written are this project's";

export const aminWeakVsResample = definePreset(weakData, {
  name: "amin-weak-vs-resample",
  title: "Weak data against more tries: filter only, filter+resample (this project's control) and filter+hardest at an equal budget, against unsolvable and beta",
  source:
    "Amin, Babakniya, Bie, Kong, Syed, Vassilvitskii, \"Escaping Collapse: The Strength of Weak Data for Large Language Model Training\", NeurIPS 2025, arXiv:2502.08924 (the strength of weak data: labels on the prompts the model fails)",
  description:
    "The table model in sampling mode after 20 rounds, three arms at one budget (0.25 per prompt a round): filter only; filter+resample, which spends the budget on extra samples of the prompts with the most rejections (one per rejected sample, filtered like the others), and filter+hardest, which spends it on weak labels for the same prompts. Resampling is this project's control: it asks whether a weak label is worth more than another try. It is not: resampling ends where filtering alone does, and never lifts a prompt the model cannot answer (unsolved stays at unsolvable), while labels beat it by a margin that grows with unsolvable and shrinks as beta falls to 0.05 (still positive there: on prompts the model answers less often than beta, even a 5%-right label helps). Charts against unsolvable, one per beta; derived.csv and its charts: the final accuracy against beta, one per unsolvable.",
  spec: {
    // amin-arms's setting, with fewer prompts; the grid sets unsolvable and beta.
    params: { ...aminArms.spec.params, prompts: 20000 },
    grid: { arm: ["filter-only", "filter+resample", "filter+hardest"], unsolvable: [0, 0.2, 0.4, 0.6], "labeler.beta": [0.05, 0.1, 0.25, 0.5] },
    generations: 20,
    seeds: 4,
    seed: 2504,
  },
  plot: { x: "unsolvable", series: ["arm"], facet: "labeler.beta", metrics: ["accuracy", "unsolved"], title: WHOSE },
  derived: [{ name: "finalAccuracy", description: "accuracy after the last round", compute: finalAccuracy }],
  derivedPlot: { x: "labeler.beta", series: ["arm"], facet: "unsolvable", xTitle: "labeler.beta (the labeler's accuracy)", title: WHOSE },
});
