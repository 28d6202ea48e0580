// The weak-data scenario's metrics per generation, and its theory columns: closed forms
// (theory.ts) wherever one applies to the cell's settings (the table model only), null elsewhere.
import type { MetricDefinition, MetricValues } from "../scenario.js";
import { errorAfter, expectedLabels, filterOnlyAccuracy, giniAfter, type Curation } from "./theory.js";
import type { RoundSettings } from "./settings.js";

// Columns added after the first release go last, so that the earlier ones keep their places in rows.
export const metrics: readonly MetricDefinition[] = [
  { name: "accuracy", description: "mean over prompts of p_t(0|x), the probability of the correct response (the softmax model: over its training prompts)" },
  { name: "solvedFraction", description: "share of prompts with p_t(0|x) >= 1 - epsilon (the table model; else null)" },
  { name: "unsolved", description: "share of prompts with p_t(0|x) = 0 (the table model; else null)" },
  { name: "acceptedFraction", description: "share of this round's samples the filter kept, extra samples aside (null at generation 0)" },
  { name: "labels", description: "labels spent this round per prompt, the unit of labeler.budget (null at generation 0)" },
  { name: "labelsTotal", description: "labels spent so far per prompt" },
  { name: "entropy", description: "mean entropy of p_t(.|x) in nats: the diversity that self-training without curation loses (the softmax model: over its held-out prompts)" },
  { name: "gini", description: "mean Gini diversity 1 - sum_i p_t(i|x)^2 (the table model; else null)" },
  {
    name: "theoryAccuracy",
    theoryOf: "accuracy",
    description: "closed-form mean accuracy: the affine error recursion (replace-rejected; hardest while the budget does not bind " +
      "in expectation), the filter-only curve (filter only or resample, expected mode, gamma = 0), or the initial accuracy without curation; else null",
  },
  {
    name: "theoryGini",
    theoryOf: "gini",
    description: "without curation: gini_0 (1 - alpha^2 / samples)^t (Wright-Fisher; constant in expected mode); else null",
  },
  {
    name: "theoryLabelsTotal",
    theoryOf: "labelsTotal",
    description: "expected labels per prompt so far where theoryAccuracy's recursion applies (0 where no labels can be spent); else null",
  },
  { name: "testAccuracy", description: "the softmax model: mean p_W(c(x)|x) over the held-out prompts (the table model: null)" },
  { name: "testTop1", description: "the softmax model: share of held-out prompts whose correct response is the most probable (the table model: null)" },
  { name: "extraSamples", description: "extra samples drawn this round per prompt, filter+resample's spending of labeler.budget (null at generation 0)" },
  { name: "extraSamplesTotal", description: "extra samples drawn so far per prompt" },
];

/** A generation's values in the order of the metrics above, which rows keep. */
export function inMetricOrder(values: MetricValues): MetricValues {
  return Object.fromEntries(metrics.map(({ name }) => [name, values[name] ?? null]));
}

type TheoryValues = Pick<MetricValues, "theoryAccuracy" | "theoryGini" | "theoryLabelsTotal">;

/** The theory columns of a model without closed forms (the softmax model). */
export const NO_THEORY = { at: (): TheoryValues => ({ theoryAccuracy: null, theoryGini: null, theoryLabelsTotal: null }) };

/** Generation 0's statistics that the closed forms start from. */
export interface InitialModel {
  accuracy: number;
  unsolved: number;
  gini: number;
}

/**
 * Theory columns of generation t, asked for in order t = 0, 1, 2, ...: whether the budget
 * has bound in an earlier round is carried from one call to the next.
 */
export class TheoryColumns {
  private readonly curation: Curation;
  private readonly keepsEverything: boolean;
  private readonly spendsLabels: boolean;
  private boundBefore = false;

  constructor(
    private readonly settings: RoundSettings,
    private readonly initial: InitialModel,
  ) {
    const { gamma, rho, beta, alpha, allocation, budgetPerPrompt } = settings;
    this.curation = { alpha, beta, gamma, rho };
    this.keepsEverything = gamma === 1 && rho === 0;
    // replace-rejected ignores the budget (every rejection gets a label, budget 0 included);
    // the other allocations spend nothing at budget 0. Without rejections only uniform
    // allocation has anywhere to put labels. resample spends its budget on samples, not labels:
    // its kept data are those of filtering only, whose closed form it shares.
    const budgetAllowsLabels = allocation === "replace-rejected" || budgetPerPrompt !== 0;
    const labels = allocation !== "none" && allocation !== "resample";
    this.spendsLabels = labels && budgetAllowsLabels && !(this.keepsEverything && allocation !== "uniform");
  }

  at(t: number): TheoryValues {
    const { settings, initial, curation } = this;
    const e0 = 1 - initial.accuracy;
    if (!this.spendsLabels) {
      if (this.keepsEverything) {
        const gini = settings.expected ? initial.gini : giniAfter(initial.gini, t, settings.samples, settings.alpha);
        return { theoryAccuracy: initial.accuracy, theoryGini: gini, theoryLabelsTotal: 0 };
      }
      const filterOnly = settings.expected && settings.gamma === 0 && settings.rho < 1;
      return {
        theoryAccuracy: filterOnly ? filterOnlyAccuracy(initial.accuracy, initial.unsolved, settings.alpha, t) : null,
        theoryGini: null,
        theoryLabelsTotal: 0,
      };
    }
    const replaces = settings.allocation === "replace-rejected" || settings.allocation === "hardest";
    if (!replaces) return { theoryAccuracy: null, theoryGini: null, theoryLabelsTotal: null };
    // hardest replaces every rejected sample until a round's expected rejections exceed the budget.
    if (settings.allocation === "hardest" && t > 0) {
      const rejectedPerPrompt = expectedLabels(errorAfter(e0, t - 1, curation), 1, settings.samples, curation);
      if (rejectedPerPrompt > settings.budgetPerPrompt) this.boundBefore = true;
    }
    if (this.boundBefore) return { theoryAccuracy: null, theoryGini: null, theoryLabelsTotal: null };
    return {
      theoryAccuracy: 1 - errorAfter(e0, t, curation),
      theoryGini: null,
      theoryLabelsTotal: expectedLabels(e0, t, settings.samples, curation),
    };
  }
}
