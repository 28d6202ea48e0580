// A study run without a result directory: rows on a stream (stdout by default), in canonical
// order as soon as every earlier task is done, with a CSV header first in CSV.
import type { Study } from "../study/spec.js";
import type { Task } from "../study/task.js";
import { rowColumns } from "../study/columns.js";
import { csvCell } from "../report/csv.js";
import { runInWorkers, type PoolOptions } from "./worker-pool.js";
import type { LineFormat } from "../parallel/protocol.js";
import { taskKey } from "./rows-file.js";
import type { ProgressCounter, StudyProgress } from "./study-progress.js";

export interface StreamOptions extends Pick<PoolOptions, "workers" | "workerImports" | "inThreadSeconds" | "warm"> {
  stream: NodeJS.WritableStream;
  format: LineFormat;
  onStart?(progress: StudyProgress): void;
  onProgress?(progress: StudyProgress): void;
}

/** Rows go out in canonical order: finished tasks wait until every earlier one is out. */
export async function runToStream(study: Study, tasks: readonly Task[], counter: ProgressCounter, options: StreamOptions): Promise<void> {
  const { stream, format } = options;
  if (format === "csv") stream.write(`${rowColumns(study).map(csvCell).join(",")}\n`);
  const waiting = new Map<string, string>();
  let next = 0;
  options.onStart?.(counter.progress);
  await runInWorkers(study, tasks, {
    workers: options.workers,
    workerImports: options.workerImports,
    inThreadSeconds: options.inThreadSeconds,
    warm: options.warm,
    format,
    onDone: (task, lines) => {
      waiting.set(taskKey(task), lines);
      counter.done(task);
      options.onProgress?.(counter.progress);
      while (next < tasks.length && waiting.has(taskKey(tasks[next]))) {
        const key = taskKey(tasks[next++]);
        const text = waiting.get(key)!;
        waiting.delete(key);
        stream.write(text);
      }
    },
    onGeneration: (task, generation) => {
      counter.underWay(task, generation);
      options.onProgress?.(counter.progress);
    },
  });
}
