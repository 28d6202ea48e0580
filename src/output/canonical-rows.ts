// rows.jsonl rewritten in canonical order (cell, replicate, generation): what a run, a resume and
// a merge leave, whatever order the tasks finished in. Each task's bytes are copied through a
// chunked writer, never joined into one string.
import type { Task } from "../study/task.js";
import { AtomicWriter } from "./atomic-write.js";
import { taskKey, type RowIndex } from "./rows-file.js";
import { RowsReader } from "./rows-reader.js";

/**
 * Writes the rows of `tasks` to `path` in canonical order (cell, replicate, generation),
 * atomically, copying each task's bytes from where `rows` says they are (possibly `path`
 * itself). Returns where they are now.
 */
export function writeCanonicalRows(path: string, tasks: readonly Task[], rows: RowIndex): RowIndex {
  const reader = new RowsReader();
  const writer = new AtomicWriter(path);
  const placed: RowIndex = new Map();
  let position = 0;
  try {
    for (const task of tasks) {
      const stored = rows.get(taskKey(task));
      if (stored === undefined) continue;
      const bytes = reader.bytes(stored);
      writer.write(bytes);
      placed.set(taskKey(task), { path, ranges: [position, position + bytes.length] });
      position += bytes.length;
    }
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    // Closed before the rename replaces a file it may be reading.
    reader.close();
  }
  writer.commit();
  return placed;
}
