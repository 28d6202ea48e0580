// Result rows (DESIGN.md): cell, replicate, generation, the cell's parameters under dotted
// names, then the scenario's metrics.
import type { MetricValues } from "../scenarios/index.js";
import type { Cell } from "./cells.js";
import type { Scalar } from "./flatten.js";

export type Row = Record<string, Scalar>;

export function replicateRows(cell: Cell, replicate: number, generations: MetricValues[]): Row[] {
  return generations.map((metrics, generation) => ({
    cell: cell.index,
    replicate,
    generation,
    ...cell.flat,
    ...metrics,
  }));
}
