// The six curation arms of the weak-data comparison at one label budget, over generations.
import * as weakData from "../scenarios/weak-data/index.js";
import type { Marker } from "../report/chart-plan.js";
import type { Study } from "../study/spec.js";
import { definePreset } from "./preset.js";

const { theory } = weakData;

/**
 * Filtering alone lifts only the prompts the model can solve at all: 1 - unsolvable bounds it.
 * Filter only stays below that bound here: the noisy filter keeps wrong samples (gamma), and a
 * solvable prompt whose few samples keep coming out wrong drifts towards its wrong answers.
 */
function markers(study: Study<weakData.Params>): Marker[] {
  const { unsolvable } = weakData.tableParams(study.cells[0].params);
  return [{ metric: "accuracy", value: theory.filterOnlyPlateau(unsolvable), label: "filtering's bound 1 - unsolvable (a noisy filter stops short of it)" }];
}

export const aminArms = definePreset(weakData, {
  name: "amin-arms",
  title: "Weak data: no curation, filter only, and four labelers at an equal label budget, over 30 generations (uniform and proportional: this project's)",
  source:
    "Amin, Babakniya, Bie, Kong, Syed, Vassilvitskii, \"Escaping Collapse: The Strength of Weak Data for Large Language Model Training\", NeurIPS 2025, arXiv:2502.08924 (boosting-style curation: labels on the prompts the model fails)",
  description:
    "A model refits on its own samples per prompt. Without curation it loses diversity and stays at its starting accuracy (collapse); a noisy filter (gamma = 0.1: the share of wrong samples kept, rho = 0: of correct ones rejected) climbs towards the share of prompts it can ever solve, 1 - unsolvable, and levels below it (at about 0.69 here, where an oracle filter reaches 0.79 by generation 100): a solvable prompt whose few samples keep failing drifts to the wrong answers the filter lets through; a weak labeler (right half the time) with 0.25 labels offered per prompt per round escapes it, and spending them on the prompts failed most (hardest, as in boosting) beats spending them uniformly. replace-rejected is the analysed procedure (one label per rejected sample), shown with its closed form. Filter only against hardest-first labels is the paper's comparison; the uniform and proportional allocations, the equal-budget rule, rho and alpha as written are this project's extensions.",
  spec: {
    params: {
      prompts: 50000,
      responses: 16,
      unsolvable: 0.2,
      accuracyBeta: [1, 3],
      wrongSpread: "dirichlet",
      samples: 4,
      // Without kind: the filter of the arms that filter (no-curation does not).
      filter: { gamma: 0.1, rho: 0 },
      labeler: { beta: 0.5, budget: 0.25 },
      alpha: 0.5,
    },
    grid: { arm: ["no-curation", "filter-only", "filter+uniform", "filter+hardest", "filter+proportional", "replace-rejected"] },
    generations: 30,
    seeds: 8,
    seed: 2502,
  },
  plot: {
    x: "generation",
    series: ["arm"],
    metrics: ["accuracy", "solvedFraction", "unsolved", "labelsTotal", "entropy"],
    markers,
    title: "filter only vs hardest-first labels is the paper's comparison; uniform, proportional, rho and alpha as written are this project's",
  },
});
