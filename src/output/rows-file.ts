// rows.jsonl: one JSON row per line. During a run, each finished (cell, replicate) is appended
// as whole lines in one write; a crash can leave a torn last line or a task with only some of
// its rows, and reading keeps exactly the tasks whose rows are all there.
//
// Memory: a rows file can outgrow both V8's largest string (about 512 MiB) and a comfortable
// heap, so it is never held. Reading keeps, per task, where its lines are (a few numbers: a
// task's lines are contiguous as appended; only tasks whose lines are not, in a file edited by
// hand, are read a second time with two numbers per line); writing the canonical file
// (canonical-rows.ts) copies each task's bytes through a chunked writer. What stays in memory
// is proportional to the number of tasks (at most MAX_TASKS, a few hundred bytes each), not to
// the rows' size.
import { existsSync } from "node:fs";
import type { Study } from "../study/spec.js";
import type { Task } from "../study/task.js";
import { forEachLine } from "./line-reader.js";

export const ROWS_FILE = "rows.jsonl";

export function taskKey(task: Task): string {
  return `${task.cell}/${task.replicate}`;
}

/** Where a task's lines are: a file and byte ranges [start, end), in generation order. */
export interface TaskRows {
  path: string;
  /** Flat pairs: start, end, start, end, ...; one pair when the lines are contiguous, as appended. */
  ranges: number[];
}

/** Complete tasks' rows by taskKey. */
export type RowIndex = Map<string, TaskRows>;

export interface StoredRows {
  complete: RowIndex;
  /** Lines dropped: torn, unreadable, or of an incomplete task. */
  discarded: number;
}

function isIndex(value: unknown, below: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < below;
}

/** A row's task key and generation, or undefined for a line that is not a row of this study. */
function rowPlace(line: string, study: Study): { key: string; generation: number } | undefined {
  let row: Record<string, unknown>;
  try {
    row = JSON.parse(line);
  } catch {
    return undefined;
  }
  const generations = study.spec.generations + 1;
  if (!isIndex(row?.cell, study.cells.length) || !isIndex(row.replicate, study.spec.seeds) || !isIndex(row.generation, generations)) return undefined;
  return { key: taskKey({ cell: row.cell, replicate: row.replicate }), generation: row.generation };
}

/**
 * A task's lines as the runner writes them: generations 0, 1, ... one after the other in the
 * file. Three numbers per task, however many generations it has.
 */
interface Run {
  next: number;
  start: number;
  end: number;
}

export function readRows(path: string, study: Study): StoredRows {
  const complete: RowIndex = new Map();
  if (!existsSync(path)) return { complete, discarded: 0 };
  const generations = study.spec.generations + 1;
  const runs = new Map<string, Run>();
  // Tasks whose lines are out of order, repeated or scattered (a file edited by hand): read
  // again line by line, each generation's last line kept, as for any task.
  const irregular = new Set<string>();
  let discarded = 0;
  const torn = forEachLine(path, (line, start, end) => {
    const place = rowPlace(line, study);
    if (place === undefined) return void discarded++;
    const { key, generation } = place;
    if (irregular.has(key)) return;
    const run = runs.get(key);
    if (run === undefined && generation === 0) runs.set(key, { next: 1, start, end });
    else if (run !== undefined && generation === run.next && start === run.end) {
      run.next++;
      run.end = end;
    } else {
      runs.delete(key);
      irregular.add(key);
    }
  });
  // The part after the last newline is a torn write.
  if (torn > 0) discarded++;
  for (const [key, run] of runs) {
    if (run.next === generations) complete.set(key, { path, ranges: [run.start, run.end] });
    else discarded += run.next;
  }
  if (irregular.size === 0) return { complete, discarded };
  // Per irregular task, each generation's line as [start, end) at 2g, 2g + 1; -1 where none was seen.
  const slotsOf = new Map<string, number[]>();
  forEachLine(path, (line, start, end) => {
    const place = rowPlace(line, study);
    if (place === undefined || !irregular.has(place.key)) return;
    let slots = slotsOf.get(place.key);
    if (!slots) slotsOf.set(place.key, (slots = new Array<number>(2 * generations).fill(-1)));
    slots[2 * place.generation] = start;
    slots[2 * place.generation + 1] = end;
  });
  for (const [key, slots] of slotsOf) {
    let present = 0;
    for (let g = 0; g < generations; g++) if (slots[2 * g] >= 0) present++;
    if (present === generations) complete.set(key, { path, ranges: joinRanges(slots) });
    else discarded += present;
  }
  return { complete, discarded };
}

/** Ranges in order, adjacent ones joined. */
function joinRanges(slots: readonly number[]): number[] {
  const ranges: number[] = [];
  for (let i = 0; i < slots.length; i += 2) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === slots[i]) ranges[ranges.length - 1] = slots[i + 1];
    else ranges.push(slots[i], slots[i + 1]);
  }
  return ranges;
}
