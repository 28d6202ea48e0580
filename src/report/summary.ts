// The summary table: one row per cell and generation, with the mean, standard deviation,
// standard error and count over replicates of every simulated metric, and each theory column
// (a closed form, MetricDefinition.theoryOf) as its value, or, where it follows each
// replicate's own draws and so differs between them, its mean: the prediction of the mean.
import type { Study } from "../study/spec.js";
import type { Cell } from "../study/cells.js";
import type { Row } from "../study/rows.js";
import { parameterColumns } from "../study/columns.js";
import { sampleStatistics } from "./statistics.js";
import { groupRows } from "./group-rows.js";

export type SummaryRow = Record<string, string | number | boolean | null>;

export const STATISTICS = ["mean", "sd", "se", "n"] as const;

export function summaryColumns(study: Study): string[] {
  const columns = ["cell", "generation", ...parameterColumns(study), "replicates"];
  for (const metric of study.scenario.metrics) {
    if (metric.theoryOf) columns.push(metric.name);
    else for (const stat of STATISTICS) columns.push(`${metric.name}_${stat}`);
  }
  return columns;
}

/** Rows in any order in; summary rows ordered by cell, then generation. */
export function summarize(study: Study, rows: readonly Row[]): SummaryRow[] {
  const byCell = groupRows(rows, (row) => String(row.cell));
  return study.cells.flatMap((cell) => summarizeCell(study, cell, byCell.get(String(cell.index)) ?? []));
}

/** One cell's rows (any order) in; its summary rows, by generation. */
export function summarizeCell(study: Study, cell: Cell, rows: readonly Row[]): SummaryRow[] {
  const groups = groupRows(rows, (row) => String(row.generation));
  const out: SummaryRow[] = [];
  for (let generation = 0; generation <= study.spec.generations; generation++) {
    const group = groups.get(String(generation));
    if (!group) continue;
    group.sort((a, b) => (a.replicate as number) - (b.replicate as number));
    const summary: SummaryRow = { cell: cell.index, generation, ...cell.flat, replicates: group.length };
    for (const metric of study.scenario.metrics) {
      const values = group.map((row) => row[metric.name] as number | null);
      const stats = sampleStatistics(values);
      if (metric.theoryOf) {
        // A closed form is usually the same in every replicate: keep its digits exactly.
        summary[metric.name] = values.every((v) => v === values[0]) ? values[0] : stats.mean;
      } else {
        summary[`${metric.name}_mean`] = stats.mean;
        summary[`${metric.name}_sd`] = stats.sd;
        summary[`${metric.name}_se`] = stats.se;
        summary[`${metric.name}_n`] = stats.count;
      }
    }
    out.push(summary);
  }
  return out;
}
