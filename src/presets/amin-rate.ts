// How fast weak labels escape collapse: rounds until every prompt is within epsilon of
// correct, against the labeler's accuracy beta and the filter's false acceptance gamma,
// beside the exact rounds of the error recursion and the looser count that follows from it
// (both this project's reconstruction, with the paper's O(log(1/epsilon)/beta) rate; not the
// paper's own bound).
import * as weakData from "../scenarios/weak-data/index.js";
import type { Row } from "../study/rows.js";
import { definePreset } from "./preset.js";

const { theory } = weakData;

/** The first generation at which every prompt is solved (accuracy >= 1 - epsilon); null if none is. */
function simulatedRounds(rows: readonly Row[]): number | null {
  const reached = rows.find((row) => row.solvedFraction === 1);
  return reached === undefined ? null : (reached.generation as number);
}

/** The curation the error recursion takes (rho = 0 here); without a filter every sample is kept: gamma = 1. */
function curation(params: weakData.TableParams): Omit<weakData.theory.Curation, "rho"> {
  return { alpha: params.alpha, beta: params.labeler.beta, gamma: params.filter.kind === "noisy" ? params.filter.gamma : 1 };
}

/**
 * A closed form's rounds for a cell, or null where no count of rounds applies: no error shrinks
 * (beta = 0 or gamma = 1), the closed forms' Infinity.
 */
function roundsFrom(count: (epsilon: number, rule: Omit<weakData.theory.Curation, "rho">) => number) {
  return (cell: weakData.Params): number | null => {
    const params = weakData.tableParams(cell);
    const rounds = count(params.epsilon, curation(params));
    return Number.isFinite(rounds) ? rounds : null;
  };
}

export const aminRate = definePreset(weakData, {
  name: "amin-rate",
  title: "Weak data: rounds to bring every prompt within epsilon, against the labeler's accuracy beta and the filter's gamma, with this project's round counts (not the paper's bound)",
  source:
    "Amin, Babakniya, Bie, Kong, Syed, Vassilvitskii, \"Escaping Collapse: The Strength of Weak Data for Large Language Model Training\", NeurIPS 2025, arXiv:2502.08924 (convergence in O(log(1/epsilon)/beta) rounds)",
  description:
    "Replace-rejected curation in the infinite-sample (expected) mode, with a filter that never rejects a correct answer (rho = 0) and a fifth of the prompts unsolvable at the start. Every prompt's error shrinks by c = 1 - alpha beta (1 - gamma) a round, so ln(1/epsilon)/-ln c rounds bring the worst one within epsilon; the bound ln(1/epsilon)/(alpha beta (1 - gamma)), from -ln c >= alpha beta (1 - gamma), is above it, and both grow like 1/beta, as the paper's O(log(1/epsilon)/beta) rate does. Both counts, the recursion and its mixing weight alpha are this project's reconstruction; the paper's own bound is not reproduced.",
  spec: {
    params: {
      prompts: 2000,
      responses: 8,
      unsolvable: 0.2,
      accuracyBeta: [1, 3],
      samples: 4,
      filter: { kind: "noisy", gamma: 0, rho: 0 },
      labeler: { beta: 0.5, allocation: "replace-rejected" },
      alpha: 1,
      expected: true,
      epsilon: 0.01,
    },
    grid: { "labeler.beta": [0.2, 0.3, 0.4, 0.5, 0.7, 0.9], "filter.gamma": [0, 0.25, 0.5] },
    generations: 50,
    seeds: 2,
    seed: 2503,
  },
  plot: { x: "generation", metrics: ["accuracy", "solvedFraction", "labelsTotal"], title: "the recursion and alpha as written are this project's reconstruction" },
  derived: [
    {
      name: "roundsToEpsilon",
      description: "rounds until every prompt has accuracy >= 1 - epsilon (solvedFraction = 1)",
      compute: simulatedRounds,
      theories: [
        {
          name: "theoryRounds",
          description: "exact rounds for the worst prompt: ceil(ln(1/epsilon) / -ln(1 - alpha beta (1 - gamma)))",
          compute: roundsFrom((epsilon, rule) => theory.roundsToEpsilon(1, epsilon, rule)),
        },
        {
          name: "boundRounds",
          description: "the looser count the recursion gives (this project's reconstruction, with the paper's rate; not its bound): ceil(ln(1/epsilon) / (alpha beta (1 - gamma)))",
          compute: roundsFrom(theory.roundsToEpsilonBound),
        },
      ],
    },
  ],
  derivedPlot: {
    x: "labeler.beta",
    series: ["filter.gamma"],
    xTitle: "labeler.beta (the labeler's accuracy)",
    title: "theoryRounds and boundRounds: this project's counts from the recursion, not the paper's bound",
  },
});
