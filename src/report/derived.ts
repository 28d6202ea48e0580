// Metrics of a whole replicate rather than of one generation, e.g. the rounds a run needs to
// reach a target: computed from each replicate's rows, then summarised over replicates per cell
// like any metric (in derived.csv), with an optional closed form per cell as theory column.
import type { ClosedFormKind, MetricDefinition } from "../scenarios/index.js";
import type { Study } from "../study/spec.js";
import type { Row } from "../study/rows.js";
import { groupRows } from "./group-rows.js";

/** A metric of whole replicates of a scenario whose params are P. */
export interface DerivedMetric<P = unknown> {
  name: string;
  description: string;
  /** From one replicate's rows, generation 0 first; null where it does not apply. */
  compute(rows: readonly Row[], params: P): number | null;
  /** Closed forms of the same quantity (values, bounds) from the cell's parameters and the study's generations. */
  theories?: Array<{ name: string; description: string; closedForm?: ClosedFormKind; compute(params: P, generations: number): number | null }>;
}

/** The study seen as having only the derived metrics, all recorded at the last generation. */
export function derivedStudy<P>(study: Study<P>, derived: readonly DerivedMetric<P>[]): Study<P> {
  const metrics: MetricDefinition[] = [];
  for (const d of derived) {
    metrics.push({ name: d.name, description: d.description });
    for (const t of d.theories ?? []) metrics.push({ name: t.name, description: t.description, theoryOf: d.name, ...(t.closedForm && { closedForm: t.closedForm }) });
  }
  return { ...study, scenario: { ...study.scenario, metrics } };
}

/** One row per (cell, replicate), at the last generation, holding the derived metrics. */
export function derivedRows<P>(study: Study<P>, rows: readonly Row[], derived: readonly DerivedMetric<P>[]): Row[] {
  const byTask = groupRows(rows, (row) => `${row.cell}/${row.replicate}`);
  const out: Row[] = [];
  for (const list of byTask.values()) {
    list.sort((a, b) => (a.generation as number) - (b.generation as number));
    const cell = study.cells[list[0].cell as number];
    const row: Row = { cell: cell.index, replicate: list[0].replicate, generation: study.spec.generations, ...cell.flat };
    for (const d of derived) {
      row[d.name] = d.compute(list, cell.params);
      for (const t of d.theories ?? []) row[t.name] = t.compute(cell.params, study.spec.generations);
    }
    out.push(row);
  }
  return out;
}
