// What one replicate holds in engine memory, and the limit on it: refused before any work,
// with the largest size that fits.
import type { SpecIssue } from "../../validation/spec-error.js";
import {
  CATEGORICAL_STATS_LENGTH, SOFTMAX_STATS_LENGTH, refitBufferLengths, softmaxModelBufferLengths,
} from "../../engine/index.js";
import { GRADIENT_BLOCK } from "../../engine/constants/softmax-model.js";

/** What one replicate may hold in engine memory (the table, per-prompt arrays, scratch). */
export const MEMORY_LIMIT_BYTES = 2 ** 30;

interface Sizes {
  prompts: number;
  responses: number;
  samples: number;
  /** The table model's expected mode (no per-sample arrays). */
  expected?: boolean;
  /** The softmax model's features and held-out prompts. */
  features?: number;
  testPrompts?: number;
}

/** Bytes of engine memory one replicate needs: the categorical rows of its prompts, and the softmax model's arrays and scratch. */
export function replicateBytes(sizes: Sizes): number {
  const { prompts: rows, responses: cols, samples, features, testPrompts } = sizes;
  const n = refitBufferLengths({ rows, cols, samples, expected: sizes.expected === true });
  const table = 8 * (n.table + n.rejected + n.labels + n.workspace + n.stats) + 4 * (n.streak + n.kept);
  if (features === undefined || testPrompts === undefined) return table;
  const m = softmaxModelBufferLengths({ rows, testRows: testPrompts, cols, features });
  const f64 = m.features + m.testFeatures + m.teacher + m.weights + m.curated + m.targets + m.testTable;
  // Two stats blocks of softmax rows (the categorical one above is replaced) and the training scratch.
  const scratch = 2 * SOFTMAX_STATS_LENGTH - CATEGORICAL_STATS_LENGTH + 2 * cols * features + GRADIENT_BLOCK * cols;
  return table + 8 * (f64 + scratch) + 4 * (m.correct + m.testCorrect);
}

/** The largest count of `key` that fits the limit, the other sizes as given (bytes are affine in each count). */
function mostFitting(sizes: Sizes, key: "prompts" | "testPrompts"): number {
  const perUnit = replicateBytes({ ...sizes, [key]: 2 }) - replicateBytes({ ...sizes, [key]: 1 });
  const fixed = replicateBytes({ ...sizes, [key]: 1 }) - perUnit;
  return Math.floor((MEMORY_LIMIT_BYTES - fixed) / perUnit);
}

/** The replicate over the limit: the count to lower (the held-out prompts when the rest fits with one, else the prompts). */
export function memoryIssues(sizes: Sizes): SpecIssue[] {
  if (replicateBytes(sizes) <= MEMORY_LIMIT_BYTES) return [];
  const heldOutOnly = sizes.testPrompts !== undefined && replicateBytes({ ...sizes, testPrompts: 1 }) <= MEMORY_LIMIT_BYTES;
  const blamed = heldOutOnly ? "testPrompts" : "prompts";
  const others = [`responses = ${sizes.responses}`, `samples = ${sizes.samples}`];
  if (sizes.features !== undefined) others.push(`features = ${sizes.features}`);
  if (blamed === "prompts" && sizes.testPrompts !== undefined) others.push(`testPrompts = ${sizes.testPrompts}`);
  if (blamed === "testPrompts") others.push(`prompts = ${sizes.prompts}`);
  const what = sizes.features === undefined ? "prompts x responses probabilities and the per-prompt arrays" : "the prompts' features and probabilities and the per-prompt arrays";
  return [{
    path: blamed,
    value: sizes[blamed],
    problem: "too large",
    allowed: `at most ${mostFitting(sizes, blamed)} ${blamed === "prompts" ? "prompts" : "held-out prompts"} with ${others.join(", ").replace(/, ([^,]*)$/, " and $1")} ` +
      `(${what} must fit in ${MEMORY_LIMIT_BYTES / 2 ** 30} GiB)`,
  }];
}
