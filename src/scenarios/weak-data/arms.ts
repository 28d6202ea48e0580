// The named arms of the comparison, as presets of the parameters: each arm fixes the filter's
// kind and the labeler's allocation, while filter.gamma, filter.rho, labeler.beta and
// labeler.budget keep the study's values, so `"grid": { "arm": [...] }` compares the arms at
// one filter, one labeler and one label budget.
//
// The budget is equal in labels OFFERED per round: labeler.budget x prompts labels to each
// budgeted arm (uniform, proportional, hardest). uniform and proportional spend all of it
// (proportional none in a round without rejections); hardest gives at most one label per
// rejected sample, so it may spend less. Offered, not spent, because the budget is what an
// experimenter fixes before a round, and forcing equal spending would change what an arm is
// (labels on prompts without rejections for hardest, withheld labels for uniform). Rows report
// the labels actually spent (`labels`, `labelsTotal`), so a win of hardest over uniform is a
// win at no greater cost. replace-rejected is the analysed procedure, not a budgeted rule: it
// replaces every rejected sample (its rows show what that costs) and its accuracy follows the
// closed form; no-curation and filter-only spend nothing.
import type { LabelAllocation } from "../../engine/index.js";

export interface ArmPreset {
  /** Whether the arm filters its samples (with the study's gamma and rho). */
  filters: boolean;
  allocation: LabelAllocation;
  /** What the arm stands for in practice. */
  description: string;
}

export const ARMS = {
  "no-curation": { filters: false, allocation: "none", description: "self-training on every sample: model collapse" },
  "filter-only": { filters: true, allocation: "none", description: "rejection-sampling fine-tuning, ReST-EM, expert iteration" },
  "filter+uniform": { filters: true, allocation: "uniform", description: "labels on prompts chosen uniformly" },
  "filter+hardest": { filters: true, allocation: "hardest", description: "labels on the prompts failed most (boosting)" },
  "filter+proportional": { filters: true, allocation: "proportional", description: "labels on prompts in proportion to their rejections" },
  "replace-rejected": { filters: true, allocation: "replace-rejected", description: "one label per rejected sample (the analysed procedure, STaR)" },
  "filter+resample": { filters: true, allocation: "resample", description: "hardest's budget spent on extra samples instead of labels: more tries, no weak data (the control)" },
} as const satisfies Record<string, ArmPreset>;

export type ArmName = keyof typeof ARMS;
export const ARM_NAMES = Object.keys(ARMS) as [ArmName, ...ArmName[]];

/** The parts of the parameters an arm decides. */
interface ArmTarget {
  arm: ArmName | null;
  filter: { kind: "none" } | { kind: "noisy"; gamma: number; rho: number };
  labeler: { allocation: LabelAllocation };
}

/**
 * The parameters with the arm's filter kind and allocation in place, so that rows show what
 * ran. A filtering arm keeps the study's noisy filter; one given `filter: {kind: "none"}` is
 * left for the parameter check to report.
 */
export function applyArm<P extends ArmTarget>(params: P): P {
  if (params.arm === null) return params;
  const preset: ArmPreset = ARMS[params.arm];
  return {
    ...params,
    filter: preset.filters ? params.filter : { kind: "none" },
    labeler: { ...params.labeler, allocation: preset.allocation },
  };
}
