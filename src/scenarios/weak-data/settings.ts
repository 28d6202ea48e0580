// What the kernels run with, derived from the parameters: the curation of a round, the same for
// both models (the filter as (gamma, rho): none keeps everything, gamma = 1, rho = 0; the budget
// in labels per round), and the table model's refit on top of it (alpha, expected mode, the
// unsolvable rows).
import type { CategoricalCuration, CategoricalRefitRound } from "../../engine/index.js";
import type { Params, TableParams } from "./params.js";

export interface CurationSettings extends CategoricalCuration {
  /** labeler.budget: labels offered per prompt per round (Infinity for no limit; replace-rejected does not use it). */
  budgetPerPrompt: number;
}

export interface RoundSettings extends CategoricalRefitRound, CurationSettings {
  /** The first zeroRows prompts start with p_0(0|x) = 0. */
  zeroRows: number;
}

export function curationSettings(params: Params): CurationSettings {
  const { prompts, labeler } = params;
  const noisy = params.filter.kind === "noisy" ? params.filter : null;
  const expected = params.model !== "softmax" && params.expected;
  return {
    samples: params.samples,
    gamma: noisy ? noisy.gamma : 1,
    rho: noisy ? noisy.rho : 0,
    beta: labeler.beta,
    allocation: labeler.allocation,
    // Sampling hands out whole labels: the budget rounds to the nearest integer.
    budget: labeler.budget === null ? Infinity : expected ? labeler.budget * prompts : Math.round(labeler.budget * prompts),
    budgetPerPrompt: labeler.budget ?? Infinity,
  };
}

export function roundSettings(params: TableParams): RoundSettings {
  return {
    ...curationSettings(params),
    rows: params.prompts,
    cols: params.responses,
    alpha: params.alpha,
    expected: params.expected,
    epsilon: params.epsilon,
    zeroRows: Math.round(params.unsolvable * params.prompts),
  };
}
