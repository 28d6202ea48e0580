// A scenario's reference: its parameters (from its schema, describe-schema.ts) and its metrics,
// with the metric each closed-form column predicts. What `collapse-sim describe` prints and
// docs/parameters.md holds.
import type { Scenario } from "./scenario.js";
import { describeParameters, type ParameterDoc } from "../validation/describe-schema.js";

export type { ParameterDoc, ValueMeaning } from "../validation/describe-schema.js";

export interface MetricDoc {
  name: string;
  description: string;
  /** For a closed-form column: the simulated metric it predicts. */
  theoryOf?: string;
}

export interface ScenarioReference {
  name: string;
  title: string;
  source: string;
  parameters: ParameterDoc[];
  metrics: MetricDoc[];
}

export function describeScenario(scenario: Scenario<any>): ScenarioReference {
  return {
    name: scenario.name,
    title: scenario.title,
    source: scenario.source,
    parameters: describeParameters(scenario.params),
    metrics: scenario.metrics.map(({ name, description, theoryOf }) => ({ name, description, ...(theoryOf && { theoryOf }) })),
  };
}
