// collapse-sim presets | scenarios: what can be run, with sources (and a scenario's parameters).
import { presets } from "../presets/index.js";
import { scenarios } from "../scenarios/index.js";
import { describeScenario } from "../scenarios/describe.js";
import { parametersText } from "./reference-text.js";

export function presetsCommand(): void {
  for (const p of presets) {
    process.stdout.write(`${p.name}\t${p.title}\n\tscenario: ${String(p.spec.scenario)}\n\tsource: ${p.source}\n`);
  }
}

/** Every scenario with its parameters; `collapse-sim describe NAME` adds the metrics. */
export function scenariosCommand(): void {
  const texts = Object.values(scenarios).map((scenario) => parametersText(describeScenario(scenario)));
  process.stdout.write(`${texts.join("\n")}\nA scenario's metrics: collapse-sim describe SCENARIO\n`);
}
