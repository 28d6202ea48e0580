// What the kernels run with, derived from the parameters: the filter as (gamma, rho) (none
// keeps everything: gamma = 1, rho = 0), the budget in labels per round, the unsolvable rows.
import type { CategoricalRefitRound, LabelAllocation } from "../../engine/index.js";
import type { Params } from "./params.js";

export interface RoundSettings extends CategoricalRefitRound {
  /** labeler.budget: labels offered per prompt per round (Infinity for no limit; replace-rejected does not use it). */
  budgetPerPrompt: number;
  /** The first zeroRows prompts start with p_0(0|x) = 0. */
  zeroRows: number;
}

export function roundSettings(params: Params): RoundSettings {
  const { prompts, labeler } = params;
  const noisy = params.filter.kind === "noisy" ? params.filter : null;
  const budgetPerPrompt = labeler.budget ?? Infinity;
  const allocation: LabelAllocation = labeler.allocation;
  return {
    rows: prompts,
    cols: params.responses,
    samples: params.samples,
    gamma: noisy ? noisy.gamma : 1,
    rho: noisy ? noisy.rho : 0,
    beta: labeler.beta,
    allocation,
    // Sampling hands out whole labels: the budget rounds to the nearest integer.
    budget: labeler.budget === null ? Infinity : params.expected ? labeler.budget * prompts : Math.round(labeler.budget * prompts),
    budgetPerPrompt,
    alpha: params.alpha,
    expected: params.expected,
    epsilon: params.epsilon,
    zeroRows: Math.round(params.unsolvable * prompts),
  };
}
