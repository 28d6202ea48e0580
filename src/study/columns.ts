// The columns of a study's rows, fixed before any row exists: cell, replicate, generation,
// the union of the cells' dotted parameters (cells may differ, e.g. generator.eps beside
// generator.angle), then the scenario's metrics. CSV output and summaries use this order.
import type { Study } from "./spec.js";

export const KEY_COLUMNS = ["cell", "replicate", "generation"] as const;

export function parameterColumns(study: Study): string[] {
  const seen = new Set<string>();
  for (const cell of study.cells) for (const key of Object.keys(cell.flat)) seen.add(key);
  return [...seen];
}

export function metricColumns(study: Study): string[] {
  return study.scenario.metrics.map((m) => m.name);
}

export function rowColumns(study: Study): string[] {
  return [...KEY_COLUMNS, ...parameterColumns(study), ...metricColumns(study)];
}
