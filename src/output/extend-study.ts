// Extending a study on --resume: a spec that only adds seeds, or values to its grid keys, keeps
// every finished task, because a replicate's numbers depend only on its cell's parameters, its
// replicate index and the base seed. Only the cell numbers move (a cell is numbered by its place
// in the grid's expansion): rows.jsonl is rewritten with the new numbers, in the new canonical
// order, so that the finished directory is byte for byte a fresh run of the extended spec.
import { canonicalJson } from "../study/canonical.js";
import { resolveStudy, type Study } from "../study/spec.js";
import { studyTasks } from "../study/task.js";
import { ROWS_FILE, readRows, taskKey } from "./rows-file.js";
import { RowsReader } from "./rows-reader.js";
import { AtomicWriter } from "./atomic-write.js";
import type { StudyRecord } from "./study-record.js";
import { join } from "node:path";

/** Why `next` does not extend `old` (undefined when it does). */
export function extensionProblem(old: StudyRecord, next: StudyRecord): string | undefined {
  if (old.collapseSim !== next.collapseSim || old.engineBuild !== next.engineBuild) return "the collapse-sim version or engine build differ";
  if (old.shard !== null || next.shard !== null) return "a shard cannot be extended (extend the merged study)";
  const { seeds: oldSeeds, grid: oldGrid, ...oldRest } = old.spec;
  const { seeds, grid, ...rest } = next.spec;
  if (canonicalJson(oldRest) !== canonicalJson(rest)) return "only seeds and grid values may change";
  if (seeds < oldSeeds) return `seeds fell from ${oldSeeds} to ${seeds}`;
  const oldKeys = Object.keys(oldGrid), keys = Object.keys(grid);
  if (canonicalJson(oldKeys) !== canonicalJson(keys)) return "the grid's keys differ (values may be added to them, in any place)";
  for (const key of keys) {
    const values = new Set(grid[key].map((value) => canonicalJson(value)));
    const dropped = oldGrid[key].find((value) => !values.has(canonicalJson(value)));
    if (dropped !== undefined) return `grid.${key} no longer has ${canonicalJson(dropped)}`;
  }
  return undefined;
}

/** Rewrites DIR/rows.jsonl of `old`'s complete tasks with `next`'s cell numbers, in `next`'s order. */
export function extendRows(dir: string, old: StudyRecord, next: Study): void {
  const before = resolveStudy(old.spec);
  const path = join(dir, ROWS_FILE);
  const stored = readRows(path, before).complete;
  const byParams = new Map(before.cells.map((cell) => [canonicalJson(cell.params), cell.index]));
  const reader = new RowsReader();
  const writer = new AtomicWriter(path);
  try {
    const fromCell = next.cells.map((cell) => byParams.get(canonicalJson(cell.params)));
    for (const task of studyTasks(next)) {
      const from = fromCell[task.cell];
      if (from === undefined || task.replicate >= before.spec.seeds) continue;
      const rows = stored.get(taskKey({ cell: from, replicate: task.replicate }));
      if (rows === undefined) continue;
      writer.write(renumber(reader.text(rows), from, task.cell));
    }
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    reader.close();
  }
  writer.commit();
}

/** A task's lines with cell `from` numbered `to`: rows begin {"cell":N, as the runner writes them. */
function renumber(lines: string, from: number, to: number): string {
  if (from === to) return lines;
  const prefix = `{"cell":${from},`;
  return lines
    .split("\n")
    .map((line) => (line === "" ? line : line.startsWith(prefix) ? `{"cell":${to},${line.slice(prefix.length)}` : JSON.stringify({ ...JSON.parse(line), cell: to })))
    .join("\n");
}
