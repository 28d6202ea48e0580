// Messages between a study's runner and its workers, the same in browsers (Web Workers) and in
// Node (worker_threads). A worker is told its study first, then one task at a time; the runner
// ends it when nothing is left.
import type { Task } from "../study/task.js";
import type { Row } from "../study/rows.js";

/**
 * How a finished task's rows travel: as row objects (the library's API), or already formatted
 * as JSON or CSV lines (in rowColumns order, no header), ready for a file or a stream.
 */
export type RowFormat = "rows" | LineFormat;
export type LineFormat = "jsonl" | "csv";

export interface WorkerSetup {
  /** The study spec as given; each worker resolves it itself. */
  spec: unknown;
  /** Modules to import before resolving (e.g. ones registering extra scenarios), as URLs. */
  imports: string[];
  format: RowFormat;
}

export type ToWorker = { type: "setup"; setup: WorkerSetup } | { type: "task"; task: Task };

export type FromWorker =
  | { type: "ready"; build: string }
  /** A finished task: its rows, or its lines (each ending in a newline), as the setup's format says. */
  | { type: "done"; task: Task; rows?: Row[]; lines?: string }
  | { type: "error"; message: string }
  /** A task under way: rounds done of the study's generations (sent at most about once a second). */
  | { type: "generation"; task: Task; generation: number };
