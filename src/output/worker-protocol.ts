// Messages between the runner and its workers.
import type { Task } from "../study/task.js";

export interface WorkerSetup {
  /** The study spec as given; each worker resolves it itself. */
  spec: unknown;
  /** Modules to import before resolving (e.g. ones registering extra scenarios), as URLs. */
  imports: string[];
  /** How a finished task's rows are sent: JSON lines, or CSV lines in rowColumns order (no header). */
  format: RowFormat;
}

export type RowFormat = "jsonl" | "csv";

export type ToWorker = { type: "task"; task: Task } | { type: "stop" };

export type FromWorker =
  | { type: "ready"; build: string }
  /** A finished task's rows as lines of the setup's format, each ending in a newline. */
  | { type: "done"; task: Task; lines: string }
  | { type: "error"; message: string };
