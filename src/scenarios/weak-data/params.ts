// The weak-data scenario's parameters (shared/theory/weak-data.md): schema with defaults and
// ranges, and the checks across parameters that the schema cannot express.
import { z } from "zod";
import { boolean, byKind, integer, oneOf, real, strictObject } from "../../validation/schema.js";
import type { SpecIssue } from "../../validation/spec-error.js";
import { LABEL_ALLOCATIONS, MAX_CATEGORICAL_COLS, refitBufferLengths } from "../../engine/index.js";

import { ARMS, ARM_NAMES, applyArm } from "./arms.js";

export const MAX_PROMPTS = 2 ** 24;
export const MAX_SAMPLES = 1024;
/** Labels per prompt per round. */
export const MAX_BUDGET = 100;
/** What one replicate may hold in engine memory (the table, per-prompt arrays, scratch). */
export const MEMORY_LIMIT_BYTES = 2 ** 30;

const probability = () => real(0, 1);

const filter = byKind([
  strictObject({ kind: z.literal("none") }),
  strictObject({ kind: z.literal("noisy"), gamma: probability().default(0), rho: probability().default(0) }),
]);

const labeler = strictObject({
  beta: probability().default(0.5),
  allocation: oneOf(LABEL_ALLOCATIONS).default("replace-rejected"),
  // Labels offered per prompt per round to uniform, proportional and hardest; replace-rejected replaces every rejection.
  budget: real(0, MAX_BUDGET, { unit: "(labels per prompt per round), or null for no limit" }).nullable().default(null),
});

const shape = () => real(0.1, 1000);

export const params = strictObject({
  prompts: integer(1, MAX_PROMPTS).default(10_000),
  responses: integer(2, MAX_CATEGORICAL_COLS).default(16),
  unsolvable: probability().default(0.1),
  accuracyBeta: z.tuple([shape(), shape()], { error: "a pair [a, b] of numbers in [0.1, 1000]" }).default([1, 3]),
  wrongSpread: oneOf(["uniform", "dirichlet"]).default("uniform"),
  samples: integer(1, MAX_SAMPLES).default(4),
  filter: filter.prefault({ kind: "noisy" }),
  labeler: labeler.prefault({}),
  alpha: real(0, 1, { loOpen: true }).default(0.5),
  expected: boolean().default(false),
  epsilon: real(0, 1, { loOpen: true, hiOpen: true }).default(0.01),
  arm: oneOf(ARM_NAMES).nullable().default(null),
}).transform(applyArm);

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
