// The weak-data scenario's parameters (docs/theory/weak-data.md), each with its meaning:
// schema with defaults and ranges, and the checks across parameters that the schema cannot
// express.
import * as z from "zod/mini";
import { boolean, byKind, integer, oneOf, param, real, strictObject, tuple } from "../../validation/schema.js";
import type { SpecIssue } from "../../validation/spec-error.js";
import { LABEL_ALLOCATIONS, MAX_CATEGORICAL_COLS, refitBufferLengths, type LabelAllocation } from "../../engine/index.js";

import { ARMS, ARM_NAMES, applyArm, type ArmName } from "./arms.js";

export const MAX_PROMPTS = 2 ** 24;
export const MAX_SAMPLES = 1024;
/** Labels per prompt per round. */
export const MAX_BUDGET = 100;
/** What one replicate may hold in engine memory (the table, per-prompt arrays, scratch). */
export const MEMORY_LIMIT_BYTES = 2 ** 30;

const probability = () => real(0, 1);

const filter = param(byKind([
  param(strictObject({ kind: z.literal("none") }), { description: "accepts every sample" }),
  param(strictObject({
    kind: z.literal("noisy"),
    gamma: param(probability(), { default: 0, description: "probability that a wrong sample is accepted" }),
    rho: param(probability(), { default: 0, description: "probability that a correct sample is rejected (a false rejection)" }),
  }), { description: "accepts a wrong sample with probability gamma and rejects a correct one with probability rho (gamma = rho = 0: an oracle)" }),
]), { description: "which of a round's samples are kept" });

const ALLOCATION_MEANINGS: Record<LabelAllocation, string> = {
  none: "no labels (filter only)",
  "replace-rejected": "one label per rejected sample, whatever the budget (the analysed procedure)",
  uniform: "budget x prompts labels a round, each to a prompt drawn uniformly",
  proportional: "budget x prompts labels a round, each to a prompt drawn in proportion to its rejections this round",
  hardest: "up to budget x prompts labels a round, one per rejected sample, to the prompts with the most rejections first (ties: the longest run of rounds with a rejection, then at random)",
  resample: "no labels: hardest's amounts spent on extra samples of the prompt instead, filtered like the others (the control that spends the budget on more tries)",
};

const labeler = param(strictObject({
  beta: param(probability(), { default: 0.5, description: "probability that a label is the correct response (else a uniformly chosen wrong one)" }),
  allocation: param(oneOf(LABEL_ALLOCATIONS, ALLOCATION_MEANINGS), { default: "replace-rejected", description: "which prompts get labels" }),
  // Labels offered per prompt per round to uniform, proportional and hardest; replace-rejected replaces every rejection.
  budget: param(z.nullable(real(0, MAX_BUDGET, { unit: "(labels per prompt per round), or null for no limit" })), {
    default: null,
    description: "labels offered per prompt per round to uniform, proportional and hardest (replace-rejected ignores it)",
  }),
}), { description: "the weak labeler, whose labels are added to the kept samples unfiltered" });

const ARM_MEANINGS = Object.fromEntries(ARM_NAMES.map((name) => {
  const { filters, allocation, description } = ARMS[name];
  return [name, `${description}; filter ${filters ? "noisy (the given gamma and rho)" : "none"}, allocation ${allocation}`];
})) as Record<ArmName, string>;

const shape = () => real(0.1, 1000);

export const params = z.pipe(strictObject({
  prompts: param(integer(1, MAX_PROMPTS), { default: 10_000, description: "P: prompts, each with its own distribution over responses" }),
  responses: param(integer(2, MAX_CATEGORICAL_COLS), { default: 16, description: "K: possible responses per prompt, response 0 the correct one" }),
  unsolvable: param(probability(), { default: 0.1, description: "share of prompts whose initial model never gives the correct response (p_0(0|x) = 0)" }),
  accuracyBeta: param(tuple([
    param(shape(), { description: "a, the first shape of the Beta law" }),
    param(shape(), { description: "b, the second shape" }),
  ], "a pair [a, b] of numbers in [0.1, 1000]"), {
    default: [1, 3],
    description: "[a, b]: the other prompts draw their initial accuracy p_0(0|x) from Beta(a, b)",
  }),
  wrongSpread: param(oneOf(["uniform", "dirichlet"], {
    uniform: "evenly",
    dirichlet: "in Dirichlet(1) shares, drawn per prompt",
  }), { default: "uniform", description: "how a prompt's initial wrong mass 1 - p_0(0|x) is spread over its K - 1 wrong responses" }),
  samples: param(integer(1, MAX_SAMPLES), { default: 4, description: "k: responses sampled per prompt per round" }),
  filter: param(filter, { prefault: { kind: "noisy" } }),
  labeler: param(labeler, { prefault: {} }),
  alpha: param(real(0, 1, { loOpen: true }), {
    default: 0.5,
    description: "weight of a round's data in the refit: p_t+1(.|x) = (1 - alpha) p_t(.|x) + alpha (the prompt's kept samples and labels, as a distribution)",
  }),
  expected: param(boolean(), { default: false, description: "replace each round's draws by their expectation (the infinite-sample limit)" }),
  epsilon: param(real(0, 1, { loOpen: true, hiOpen: true }), { default: 0.01, description: "a prompt counts as solved when p_t(0|x) >= 1 - epsilon" }),
  arm: param(z.nullable(oneOf(ARM_NAMES, ARM_MEANINGS)), {
    default: null,
    description: "a named arm of the comparison: sets filter.kind and labeler.allocation (null: as given)",
  }),
}), z.transform(applyArm));

export type Params = z.output<typeof params>;

/** Bytes of engine memory one replicate needs. */
export function replicateBytes(params: Pick<Params, "prompts" | "responses" | "samples" | "expected">): number {
  const n = refitBufferLengths({ rows: params.prompts, cols: params.responses, samples: params.samples, expected: params.expected });
  return 8 * (n.table + n.rejected + n.labels + n.workspace + n.stats) + 4 * (n.streak + n.kept);
}

/** Limits across parameters; paths are relative to params. */
export function checkParams(params: Params): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (replicateBytes(params) > MEMORY_LIMIT_BYTES) {
    const perPrompt = replicateBytes({ ...params, prompts: 2 }) - replicateBytes({ ...params, prompts: 1 });
    const fixed = replicateBytes({ ...params, prompts: 1 }) - perPrompt;
    const most = Math.floor((MEMORY_LIMIT_BYTES - fixed) / perPrompt);
    issues.push({
      path: "prompts",
      value: params.prompts,
      problem: "too large",
      allowed: `at most ${most} prompts with responses = ${params.responses} and samples = ${params.samples} ` +
        `(prompts x responses probabilities and the per-prompt arrays must fit in ${MEMORY_LIMIT_BYTES / 2 ** 30} GiB)`,
    });
  }
  const { allocation, budget } = params.labeler;
  if (budget === null && (allocation === "uniform" || allocation === "proportional")) {
    issues.push({
      path: "labeler.budget",
      value: budget,
      problem: "missing",
      allowed: `a number in [0, ${MAX_BUDGET}] (labels per prompt per round) for allocation "${allocation}"`,
    });
  }
  if (params.arm !== null && ARMS[params.arm].filters && params.filter.kind === "none") {
    issues.push({
      path: "filter",
      value: params.filter,
      problem: "unusable",
      allowed: `a noisy filter {"kind": "noisy", "gamma", "rho"}: arm "${params.arm}" filters with it`,
    });
  }
  return issues;
}
