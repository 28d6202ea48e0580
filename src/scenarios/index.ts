// The scenarios collapse-sim knows, by name. Each folder exports the same contract (see
// scenario.ts and docs/adding-a-scenario.md).
import type { Scenario } from "./scenario.js";
import { scenario as verifiedMixture } from "./verified-mixture/index.js";
import { scenario as weakData } from "./weak-data/index.js";

export type { Scenario, MetricDefinition, MetricValues, ReplicateOptions } from "./scenario.js";
export { resolveParams } from "./resolve.js";

export const scenarios: Readonly<Record<string, Scenario<any>>> = {
  [verifiedMixture.name]: verifiedMixture,
  [weakData.name]: weakData,
};

export function scenarioNames(): string[] {
  return Object.keys(scenarios);
}
