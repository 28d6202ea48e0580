// Adding a scenario to the registry at run time: for library users with their own scenarios
// (and for test fixtures). A study's workers must register it too, e.g. through the runner's
// `workerImports` or Node's `--import`, since each worker resolves the study by itself.
import type { Scenario } from "./scenario.js";
import { scenarios } from "./index.js";

export function registerScenario(scenario: Scenario<any>): void {
  const registry = scenarios as Record<string, Scenario<any>>;
  const existing = registry[scenario.name];
  if (existing !== undefined && existing !== scenario) {
    throw new Error(`a different scenario named ${JSON.stringify(scenario.name)} is already registered`);
  }
  registry[scenario.name] = scenario;
}
