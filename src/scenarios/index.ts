// The scenarios collapse-sim knows, by name. Each folder exports the same contract (see
// scenario.ts and docs/adding-a-scenario.md).
import type { Scenario } from "./scenario.js";
import { scenario as verifiedMixture } from "./verified-mixture/index.js";
import { scenario as weakData } from "./weak-data/index.js";
import { scenario as gaussianRefit } from "./gaussian-refit/index.js";
import { scenario as regressionChain } from "./regression-chain/index.js";
import { scenario as categoricalTails } from "./categorical-tails/index.js";
import { scenario as curatedChoice } from "./curated-choice/index.js";

export type { Scenario, MetricDefinition, MetricValues, ReplicateOptions, ClosedFormKind } from "./scenario.js";
export { resolveParams } from "./resolve.js";

/** The scenarios that ship with collapse-sim, in the order the docs present them. */
export const builtInScenarios: readonly Scenario<any>[] = [verifiedMixture, weakData, gaussianRefit, regressionChain, categoricalTails, curatedChoice];

/** The registry: the built-in scenarios and those added by registerScenario. */
export const scenarios: Readonly<Record<string, Scenario<any>>> = Object.fromEntries(builtInScenarios.map((s) => [s.name, s]));

export function scenarioNames(): string[] {
  return Object.keys(scenarios);
}

/** The registered scenario of that name (not a property every object has, such as "constructor"). */
export function findScenario(name: string): Scenario<any> | undefined {
  return Object.hasOwn(scenarios, name) ? scenarios[name] : undefined;
}
