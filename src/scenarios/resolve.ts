// Turning user parameters into a scenario's full, checked parameters.
import type { Scenario } from "./scenario.js";
import { parseOrThrow } from "../validation/schema.js";
import { SpecError } from "../validation/spec-error.js";

/**
 * Defaults filled in and every constraint checked; problems are reported under `base`. `given`
 * is what the user wrote, for the checks that tell an explicit setting from a default (a study's
 * grid fills some defaults into `params` that the user did not write).
 */
export function resolveParams<P>(scenario: Scenario<P>, params: unknown, base = "params", given: unknown = params): P {
  const resolved = parseOrThrow(scenario.params, params ?? {}, base);
  const issues = scenario.check?.(resolved, (given ?? {}) as Record<string, unknown>) ?? [];
  if (issues.length > 0) {
    throw new SpecError(issues.map((issue) => ({ ...issue, path: issue.path ? `${base}.${issue.path}` : base })));
  }
  return resolved;
}
