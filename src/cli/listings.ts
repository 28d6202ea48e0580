// collapse-sim presets | scenarios: what can be run, with sources.
import { presets } from "../presets/index.js";
import { scenarios } from "../scenarios/index.js";

export function presetsCommand(): void {
  for (const p of presets) {
    process.stdout.write(`${p.name}\t${p.title}\n\tscenario: ${String(p.spec.scenario)}\n\tsource: ${p.source}\n`);
  }
}

export function scenariosCommand(): void {
  for (const s of Object.values(scenarios)) process.stdout.write(`${s.name}\t${s.title}\n\t${s.source}\n`);
}
