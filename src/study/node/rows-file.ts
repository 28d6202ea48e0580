// rows.jsonl: one JSON row per line. During a run, each finished (cell, replicate) is appended
// as whole lines in one write; a crash can leave a torn last line or a task with only some of
// its rows, and reading keeps exactly the tasks whose rows are all there.
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import type { Study } from "../spec.js";
import type { Task } from "../task.js";
import { writeAll } from "./atomic-write.js";

export const ROWS_FILE = "rows.jsonl";

export function taskKey(task: Task): string {
  return `${task.cell}/${task.replicate}`;
}

export interface StoredRows {
  /** Complete tasks' lines (each ending in a newline), in generation order, by taskKey. */
  complete: Map<string, string>;
  /** Lines dropped: torn, unreadable, or of an incomplete task. */
  discarded: number;
}

function isIndex(value: unknown, below: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < below;
}

export function readRows(path: string, study: Study): StoredRows {
  const complete = new Map<string, string>();
  if (!existsSync(path)) return { complete, discarded: 0 };
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  // The part after the last newline is a torn write (or empty when the file ends cleanly).
  let discarded = lines.pop() === "" ? 0 : 1;
  const generations = study.spec.generations + 1;
  const partial = new Map<string, Array<string | undefined>>();
  for (const line of lines) {
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line);
    } catch {
      discarded++;
      continue;
    }
    if (!isIndex(row?.cell, study.cells.length) || !isIndex(row.replicate, study.spec.seeds) || !isIndex(row.generation, generations)) {
      discarded++;
      continue;
    }
    const key = taskKey({ cell: row.cell, replicate: row.replicate });
    let slots = partial.get(key);
    if (!slots) partial.set(key, (slots = new Array(generations)));
    slots[row.generation] = `${line}\n`;
  }
  for (const [key, slots] of partial) {
    const present = slots.filter((s) => s !== undefined).length;
    if (present === generations) complete.set(key, slots.join(""));
    else discarded += present;
  }
  return { complete, discarded };
}

/** The rows of `tasks` in canonical order (cell, replicate, generation), as one text. */
export function canonicalRowsText(tasks: readonly Task[], rows: ReadonlyMap<string, string>): string {
  let text = "";
  for (const task of tasks) {
    const lines = rows.get(taskKey(task));
    if (lines !== undefined) text += lines;
  }
  return text;
}

/** Appends whole tasks' lines to rows.jsonl; each append is one write, flushed to the OS. */
export class RowsAppender {
  private readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, "a");
  }

  append(lines: string): void {
    writeAll(this.fd, lines);
  }

  close(): void {
    closeSync(this.fd);
  }
}
