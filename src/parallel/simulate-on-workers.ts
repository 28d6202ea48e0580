// A study on workers, its rows collected in the order simulate() returns them, whatever the
// number of workers and the order in which replicates finish: the platform-neutral part of
// simulateInWorker (browser.ts for Web Workers; the Node entry for worker_threads).
import { resolveStudy } from "../study/spec.js";
import { studyTasks, type Task } from "../study/task.js";
import type { Row } from "../study/rows.js";
import type { WorkerEndpoint } from "./endpoint.js";
import { runTasks } from "./run-tasks.js";

export interface SimulateInWorkerOptions {
  /** Workers that run replicates in parallel (default 1); the rows do not depend on it. */
  workers?: number;
  /** Each finished replicate's rows, as soon as it finishes (replicates finish in any order). */
  onRows?(rows: Row[], task: Task): void;
  onProgress?(progress: { done: number; total: number }): void;
  /** Aborting stops every worker; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Modules each worker imports before the study (URLs), e.g. one that registers a scenario of your own. */
  workerImports?: readonly string[];
}

export async function simulateOnWorkers(spawn: () => WorkerEndpoint, spec: unknown, options: SimulateInWorkerOptions = {}): Promise<Row[]> {
  // The spec is checked here, before any worker starts: a bad one throws a SpecError at once.
  const study = resolveStudy(spec);
  const tasks = studyTasks(study);
  const rowsOf = new Map<string, Row[]>();
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
  await runTasks(tasks, {
    workers,
    spawn,
    setup: { spec, imports: [...(options.workerImports ?? [])], format: "rows" },
    signal: options.signal,
    onDone: (task, { rows = [] }) => {
      rowsOf.set(`${task.cell}/${task.replicate}`, rows);
      options.onRows?.(rows, task);
      options.onProgress?.({ done: rowsOf.size, total: tasks.length });
    },
  });
  return tasks.flatMap((task) => rowsOf.get(`${task.cell}/${task.replicate}`) ?? []);
}
