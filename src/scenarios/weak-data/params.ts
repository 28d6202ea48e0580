// The weak-data scenario's parameters (docs/theory/weak-data.md), each with its meaning:
// schema with defaults and ranges, and the checks across parameters that the schema cannot
// express.
import * as z from "zod/mini";
import { boolean, byKind, integer, oneOf, param, real, strictObject, tuple } from "../../validation/schema.js";
import type { SpecIssue } from "../../validation/spec-error.js";
import { LABEL_ALLOCATIONS, MAX_CATEGORICAL_COLS, type LabelAllocation } from "../../engine/index.js";

import { ARMS, ARM_NAMES, applyArm, type ArmName } from "./arms.js";
import { MODELS, MODEL_MEANINGS, SOFTMAX_PARAMETER, TABLE_PARAMETER, keepModelParameters, misplacedParameters } from "./models.js";
import { memoryIssues } from "./replicate-memory.js";

export const MAX_PROMPTS = 2 ** 24;
export const MAX_SAMPLES = 1024;
/** Labels per prompt per round. */
export const MAX_BUDGET = 100;
export const MAX_FEATURES = 1024;
export const MAX_STEPS = 100_000;

const probability = () => real(0, 1);

const filter = param(byKind([
  param(strictObject({ kind: z.literal("none") }), { description: "accepts every sample" }),
  param(strictObject({
    // May be left out: beside an arm, a filter without kind is the filter of the arms that filter.
    kind: param(z.literal("noisy"), { default: "noisy" }),
    gamma: param(probability(), { default: 0, description: "probability that a wrong sample is accepted" }),
    rho: param(probability(), { default: 0, description: "probability that a correct sample is rejected (a false rejection)" }),
  }), { description: "accepts a wrong sample with probability gamma and rejects a correct one with probability rho (gamma = rho = 0: an oracle); the kind may be left out" }),
]), { description: "which of a round's samples are kept; with an arm, leave kind out: the arm sets it, and gamma and rho are the filter of the arms that filter" });

const ALLOCATION_MEANINGS: Record<LabelAllocation, string> = {
  none: "no labels (filter only)",
  "replace-rejected": "one label per rejected sample, whatever the budget (the analysed procedure)",
  uniform: "budget x prompts labels a round, each to a prompt drawn uniformly",
  proportional: "budget x prompts labels a round, each to a prompt drawn in proportion to its rejections this round",
  hardest: "up to budget x prompts labels a round, one per rejected sample, to the prompts with the most rejections first (ties: the longest run of rounds with a rejection, then at random)",
  resample: "no labels: hardest's amounts spent on extra samples of the prompt instead, filtered like the others (the control that spends the budget on more tries)",
};

const DEFAULT_ALLOCATION: LabelAllocation = "replace-rejected";

const labeler = param(strictObject({
  beta: param(probability(), { default: 0.5, description: "probability that a label is the correct response (else a uniformly chosen wrong one)" }),
  allocation: param(oneOf(LABEL_ALLOCATIONS, ALLOCATION_MEANINGS), { default: DEFAULT_ALLOCATION, description: "which prompts get labels (or, for resample, extra samples)" }),
  // Labels offered per prompt per round to uniform, proportional and hardest; replace-rejected replaces every rejection.
  budget: param(z.nullable(real(0, MAX_BUDGET, { unit: "(labels per prompt per round), or null for no limit" })), {
    default: null,
    description: "labels offered per prompt per round to uniform, proportional and hardest, extra samples to resample (replace-rejected ignores it)",
  }),
}), { description: "the weak labeler, whose labels are added to the kept samples unfiltered" });

const ARM_MEANINGS = Object.fromEntries(ARM_NAMES.map((name) => {
  const { filters, allocation, description } = ARMS[name];
  return [name, `${description}; filter ${filters ? "noisy (the given gamma and rho)" : "none"}, allocation ${allocation}`];
})) as Record<ArmName, string>;

const shape = () => real(0.1, 1000);

export const params = z.pipe(strictObject({
  prompts: param(integer(1, MAX_PROMPTS), { default: 10_000, description: "P: the prompts the model is sampled on and trained on" }),
  responses: param(integer(2, MAX_CATEGORICAL_COLS), {
    default: 16,
    description: "K: possible responses per prompt, one of them correct (the table model: response 0; the softmax model: the teacher's argmax c(x))",
  }),
  unsolvable: param(probability(), { default: 0.1, description: "share of prompts whose initial model never gives the correct response (p_0(0|x) = 0)", ...TABLE_PARAMETER }),
  accuracyBeta: param(tuple([
    param(shape(), { description: "a, the first shape of the Beta law" }),
    param(shape(), { description: "b, the second shape" }),
  ], "a pair [a, b] of numbers in [0.1, 1000]"), {
    default: [1, 3],
    description: "[a, b]: the other prompts draw their initial accuracy p_0(0|x) from Beta(a, b)",
    ...TABLE_PARAMETER,
  }),
  wrongSpread: param(oneOf(["uniform", "dirichlet"], {
    uniform: "evenly",
    dirichlet: "in Dirichlet(1) shares, drawn per prompt",
  }), { default: "uniform", description: "how a prompt's initial wrong mass 1 - p_0(0|x) is spread over its K - 1 wrong responses", ...TABLE_PARAMETER }),
  samples: param(integer(1, MAX_SAMPLES), { default: 4, description: "k: responses sampled per prompt per round" }),
  filter: param(filter, { prefault: { kind: "noisy" } }),
  labeler: param(labeler, { prefault: {} }),
  alpha: param(real(0, 1, { loOpen: true }), {
    default: 0.5,
    description: "weight of a round's data in the refit: p_t+1(.|x) = (1 - alpha) p_t(.|x) + alpha (the prompt's kept samples and labels, as a distribution)",
    ...TABLE_PARAMETER,
  }),
  expected: param(boolean(), { default: false, description: "replace each round's draws by their expectation (the infinite-sample limit)", ...TABLE_PARAMETER }),
  epsilon: param(real(0, 1, { loOpen: true, hiOpen: true }), { default: 0.01, description: "a prompt counts as solved when p_t(0|x) >= 1 - epsilon", ...TABLE_PARAMETER }),
  arm: param(z.nullable(oneOf(ARM_NAMES, ARM_MEANINGS)), {
    default: null,
    description: "a named arm of the comparison: sets filter.kind and labeler.allocation, which a spec then leaves out (one written that differs is refused); filter.gamma and rho apply to the arms that filter (null: as given)",
    sets: ["filter.kind", "labeler.allocation"],
  }),
  model: param(oneOf(MODELS, MODEL_MEANINGS), {
    default: "table",
    description: "what is trained: a table of per-prompt distributions, or one softmax model over prompt features (this project's extension)",
  }),
  features: param(integer(1, MAX_FEATURES), { default: 16, description: "d: features per prompt, x ~ N(0, I_d)", ...SOFTMAX_PARAMETER }),
  testPrompts: param(integer(1, MAX_PROMPTS), {
    default: 4000,
    description: "held-out prompts, drawn as the training ones and never curated: they measure generalization",
    ...SOFTMAX_PARAMETER,
  }),
  initialScale: param(real(0, 1000), {
    default: 1,
    description: "s in W_0 = s (a W* + sqrt(1 - a^2) G) / sqrt(d): large s starts sharply peaked, small s flat",
    ...SOFTMAX_PARAMETER,
  }),
  initialAlignment: param(real(-1, 1), {
    default: 0.3,
    description: "a in W_0: the starting weights' alignment with the teacher W* (0: none, 1: the teacher itself)",
    ...SOFTMAX_PARAMETER,
  }),
  steps: param(integer(0, MAX_STEPS), { default: 30, description: "full-batch gradient steps a round, from the current weights", ...SOFTMAX_PARAMETER }),
  learningRate: param(real(0, 100), { default: 1, description: "the gradient steps' size", ...SOFTMAX_PARAMETER }),
  ridge: param(real(0, 1000), {
    default: 0.001,
    description: "the penalty (ridge / 2) |W|^2 added to the curated pairs' mean cross-entropy",
    ...SOFTMAX_PARAMETER,
  }),
}), z.transform((fields) => keepModelParameters(applyArm(fields))));

export type Params = z.output<typeof params>;
export type TableParams = Extract<Params, { model?: undefined }>;
export type SoftmaxParams = Extract<Params, { model: "softmax" }>;

/** The parameters of a cell that runs the table model (a table preset's, a test's); refuses the softmax model's. */
export function tableParams(params: Params): TableParams {
  if (params.model === "softmax") throw new TypeError("these parameters are the softmax model's, not the table model's");
  return params;
}

/** Limits across parameters, and parameters given to the model that does not have them; paths are relative to params. */
export function checkParams(params: Params, given: Record<string, unknown>): SpecIssue[] {
  const issues: SpecIssue[] = misplacedParameters(given);
  issues.push(...memoryIssues(params));
  const { allocation, budget } = params.labeler;
  if (budget === null && (allocation === "uniform" || allocation === "proportional")) {
    issues.push({
      path: "labeler.budget",
      value: budget,
      problem: "missing",
      allowed: `a number in [0, ${MAX_BUDGET}] (labels per prompt per round) for allocation "${allocation}"`,
    });
  }
  if (params.arm !== null) issues.push(...armConflicts(params.arm, given));
  return issues;
}

/** A key written in the given params (own properties only), or undefined. */
function written(given: Record<string, unknown>, object: string, key: string): unknown {
  const parent = given[object];
  return typeof parent === "object" && parent !== null && Object.hasOwn(parent, key) ? (parent as Record<string, unknown>)[key] : undefined;
}

/**
 * An arm sets filter.kind and labeler.allocation: one written beside it that differs would be
 * silently replaced, so it is refused, the default written out included. A filter without
 * kind gives gamma and rho to the arms that filter; no-curation does not filter.
 */
function armConflicts(arm: ArmName, given: Record<string, unknown>): SpecIssue[] {
  const { filters, allocation } = ARMS[arm];
  const issues: SpecIssue[] = [];
  const kind = filters ? "noisy" : "none";
  const givenKind = written(given, "filter", "kind");
  if (givenKind !== undefined && givenKind !== kind) {
    issues.push({
      path: "filter.kind",
      value: givenKind,
      problem: `conflicts with arm "${arm}", which ${filters ? "filters with a noisy filter" : "does not filter"}`,
      allowed: `the arm's kind "${kind}", or leave filter.kind out (the arm sets it; gamma and rho apply to the arms that filter), or arm null to use this one`,
    });
  }
  const givenAllocation = written(given, "labeler", "allocation");
  if (givenAllocation !== undefined && givenAllocation !== allocation) {
    issues.push({
      path: "labeler.allocation",
      value: givenAllocation,
      problem: `conflicts with arm "${arm}"`,
      allowed: `the arm's allocation "${allocation}", or leave labeler.allocation out (the arm sets it), or arm null to use this one`,
    });
  }
  return issues;
}
