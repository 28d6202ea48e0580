// Result rows: cell, replicate, generation (0 = the starting model), the cell's parameters
// under dotted names, then the scenario's metrics.
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
