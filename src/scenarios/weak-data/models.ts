// The two models of the weak-data scenario and the parameters that belong to each: the table
// (one distribution per prompt, the default) and the softmax model (one weight matrix for all
// prompts, with held-out prompts). A parameter of one model given with the other is refused,
// and resolved parameters keep only the chosen model's: rows show what ran. The table model
// is written as no `model` at all, so that specs from before the softmax model keep their
// cells, and so their seeds and rows.
import type { SpecIssue } from "../../validation/spec-error.js";

export const MODELS = ["table", "softmax"] as const;
export type ModelName = (typeof MODELS)[number];

export const MODEL_MEANINGS: Record<ModelName, string> = {
  table: "one distribution per prompt, refit prompt by prompt: labels on one prompt never help another",
  softmax: "p(j|x) = softmax(W x)_j over features x, one W for all prompts, trained by gradient steps; held-out prompts measure generalization (this project's model)",
};

/** The parameters only the table model has, and only the softmax model has. */
export const TABLE_ONLY = ["unsolvable", "accuracyBeta", "wrongSpread", "alpha", "expected", "epsilon"] as const;
export const SOFTMAX_ONLY = ["features", "testPrompts", "initialScale", "initialAlignment", "steps", "learningRate", "ridge"] as const;

/** What param() records of a parameter of one model only. */
export const TABLE_PARAMETER = { appliesWhen: { model: "table" } };
export const SOFTMAX_PARAMETER = { appliesWhen: { model: "softmax" } };

type TableOnly = (typeof TABLE_ONLY)[number];
type SoftmaxOnly = (typeof SOFTMAX_ONLY)[number];

/** Resolved parameters: the shared ones and the chosen model's. */
export type ForModel<Fields> =
  | (Omit<Fields, "model" | SoftmaxOnly> & { model?: undefined })
  | (Omit<Fields, "model" | TableOnly> & { model: "softmax" });

/** The parameters without the other model's (defaults the schema filled in), the table model as no model. */
export function keepModelParameters<Fields extends { model: ModelName }>(params: Fields): ForModel<Fields> {
  const { model, ...rest } = params;
  const other: readonly string[] = model === "softmax" ? TABLE_ONLY : SOFTMAX_ONLY;
  const kept = Object.fromEntries(Object.entries(rest).filter(([key]) => !other.includes(key)));
  return (model === "softmax" ? { ...kept, model } : kept) as ForModel<Fields>;
}

/** Parameters given (before defaults) that the chosen model does not have. */
export function misplacedParameters(given: Record<string, unknown>): SpecIssue[] {
  const model = given.model === "softmax" ? "softmax" : "table";
  const other: readonly string[] = model === "softmax" ? TABLE_ONLY : SOFTMAX_ONLY;
  return other.filter((key) => given[key] !== undefined).map((key) => ({
    path: key,
    value: given[key],
    problem: "does not apply",
    allowed: `only with model "${model === "softmax" ? "table" : "softmax"}" (model is "${model}")`,
  }));
}
