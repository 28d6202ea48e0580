// Turning user parameters into a scenario's full, checked parameters.
import type { Scenario } from "./scenario.js";
import { parseOrThrow } from "../validation/schema.js";
import { SpecError } from "../validation/spec-error.js";

/** Defaults filled in and every constraint checked; problems are reported under `base`. */
export function resolveParams<P>(scenario: Scenario<P>, params: unknown, base = "params"): P {
  const given = params ?? {};
  const resolved = parseOrThrow(scenario.params, given, base);
  const issues = scenario.check?.(resolved, given as Record<string, unknown>) ?? [];
  if (issues.length > 0) {
    throw new SpecError(issues.map((issue) => ({ ...issue, path: issue.path ? `${base}.${issue.path}` : base })));
  }
  return resolved;
}
