// How fast weak labels escape collapse: rounds until every prompt is within epsilon of
// correct, against the labeler's accuracy beta and the filter's false acceptance gamma,
// beside the exact rounds of the error recursion and the paper's bound.
import type { Preset } from "./preset.js";
import type { Row } from "../study/rows.js";

interface Params {
  alpha: number;
  epsilon: number;
  filter: { kind: string; gamma?: number; rho?: number };
  labeler: { beta: number };
}

function rates(params: unknown): { alpha: number; beta: number; gamma: number; epsilon: number } {
  const p = params as Params;
  return { alpha: p.alpha, beta: p.labeler.beta, gamma: p.filter.kind === "noisy" ? p.filter.gamma! : 1, epsilon: p.epsilon };
}

/** The first generation at which every prompt is solved (accuracy >= 1 - epsilon); null if none is. */
function roundsToEpsilon(rows: readonly Row[]): number | null {
  const reached = rows.find((row) => row.solvedFraction === 1);
  return reached === undefined ? null : (reached.generation as number);
}

/** alpha beta (1 - gamma): the share of a prompt's error removed each round. */
function shrinkage(params: unknown): number {
  const { alpha, beta, gamma } = rates(params);
  return alpha * beta * (1 - gamma);
}

/**
 * ceil(ln(1/epsilon) / -ln c), c = 1 - alpha beta (1 - gamma): exact for the worst prompt (error
 * 1) with rho = 0. Null where no error shrinks (beta = 0 or gamma = 1): no count of rounds
 * applies. At c = 0 one round clears every error (the formula's ln 0 would give 0 rounds).
 */
function exactRounds(params: unknown): number | null {
  const shrink = shrinkage(params);
  if (shrink === 0) return null;
  if (shrink === 1) return 1;
  return Math.ceil(Math.log(1 / rates(params).epsilon) / -Math.log(1 - shrink));
}

/** The paper's bound: ceil(ln(1/epsilon) / (alpha beta (1 - gamma))) rounds bring every prompt within epsilon; null where nothing shrinks. */
function boundRounds(params: unknown): number | null {
  const shrink = shrinkage(params);
  return shrink === 0 ? null : Math.ceil(Math.log(1 / rates(params).epsilon) / shrink);
}

export const aminRate: Preset = {
  name: "amin-rate",
  title: "Weak data: rounds to bring every prompt within epsilon, against the labeler's accuracy beta and the filter's gamma, with the bound",
  source:
    "Amin, Babakniya, Bie, Kong, Syed, Vassilvitskii, \"Escaping Collapse: The Strength of Weak Data for Large Language Model Training\", NeurIPS 2025, arXiv:2502.08924 (convergence in O(log(1/epsilon)/beta) rounds)",
  description:
    "Replace-rejected curation in the infinite-sample (expected) mode, with a filter that never rejects a correct answer (rho = 0) and a fifth of the prompts unsolvable at the start. Every prompt's error shrinks by c = 1 - alpha beta (1 - gamma) a round, so ln(1/epsilon)/-ln c rounds bring the worst one within epsilon; the paper's bound ln(1/epsilon)/(alpha beta (1 - gamma)) is above it, and both grow like 1/beta.",
  spec: {
    scenario: "weak-data",
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
  plot: { x: "generation", metrics: ["accuracy", "solvedFraction", "labelsTotal"] },
  derived: [
    {
      name: "roundsToEpsilon",
      description: "rounds until every prompt has accuracy >= 1 - epsilon (solvedFraction = 1)",
      compute: roundsToEpsilon,
      theories: [
        { name: "theoryRounds", description: "exact rounds for the worst prompt: ceil(ln(1/epsilon) / -ln(1 - alpha beta (1 - gamma)))", compute: exactRounds },
        { name: "boundRounds", description: "the paper's bound: ceil(ln(1/epsilon) / (alpha beta (1 - gamma)))", compute: boundRounds },
      ],
    },
  ],
  derivedPlot: { x: "labeler.beta", series: ["filter.gamma"], xTitle: "labeler.beta (the labeler's accuracy)" },
};
