// A finished task's rows as the lines a file or a stream takes: JSON lines, or CSV lines in
// rowColumns order (no header). Workers format here, where the rows are objects, rather than
// have the runner parse them back; a task run in the runner's own thread formats the same way.
import type { Study } from "../study/spec.js";
import type { Row } from "../study/rows.js";
import { rowColumns } from "../study/columns.js";
import { csvLine } from "../report/csv.js";
import type { LineFormat } from "./protocol.js";

export function taskLines(study: Study, format: LineFormat): (rows: readonly Row[]) => string {
  if (format === "jsonl") return (rows) => rows.map((row) => `${JSON.stringify(row)}\n`).join("");
  const columns = rowColumns(study);
  return (rows) => rows.map((row) => csvLine(columns, row)).join("");
}
