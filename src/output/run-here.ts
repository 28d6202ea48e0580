// Small studies run in the runner's own thread. A worker thread takes about 0.15 s to be ready
// (a thread, the bundled library, the wasm compiled), more than a study of a few short tasks
// takes in all. One generation of the first task, run here, is the probe (with one generation,
// it is the task, and its rows are kept): if the whole study (the probe, times the generations
// and the tasks) should take under the budget, it runs here, and goes on here only while the
// slowest task so far, times those left, stays under it (a round's cost may grow with the
// generation); what is left goes to the workers, which the pool starts before the probe.
// So the thread is held for one round of one task, or about the budget, and progress, rows on
// disk and signals wait no longer than that.
import { createEngine } from "../engine/index.js";
import type { Study } from "../study/spec.js";
import type { Row } from "../study/rows.js";
import { runTask, type Task } from "../study/task.js";
import { taskLines } from "../parallel/task-lines.js";
import type { LineFormat } from "../parallel/protocol.js";

export const IN_THREAD_SECONDS = 0.25;

export interface RunHereOptions {
  format: LineFormat;
  /** The budget of work done here, in seconds; 0: nothing runs here. */
  seconds: number;
  onReady?(build: string): void;
  onDone(task: Task, lines: string): void;
  /** Checked between tasks: stops with the signal's reason. */
  signal?: AbortSignal;
}

/** runTask, a failure naming the task (as a worker's failure names the worker). */
function runNamed(engine: Parameters<typeof runTask>[0], study: Study, task: Task): { rows: Row[]; seconds: number } {
  const start = performance.now();
  try {
    return { rows: runTask(engine, study, task), seconds: (performance.now() - start) / 1000 };
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new Error(`cell ${task.cell} replicate ${task.replicate} failed: ${text}`);
  }
}

/** Runs what it should of `tasks` in this thread (see above); returns the tasks left for workers. */
export async function runHere(study: Study, tasks: readonly Task[], options: RunHereOptions): Promise<readonly Task[]> {
  if (tasks.length === 0 || options.seconds <= 0) return tasks;
  const engine = await createEngine(study.spec.engine);
  const { generations } = study.spec;
  const lines = taskLines(study, options.format);
  const oneRound = generations <= 1;
  const probe = runNamed(engine, oneRound ? study : { ...study, spec: { ...study.spec, generations: 1 } }, tasks[0]);
  let next = 0;
  if (oneRound) {
    options.onReady?.(engine.build);
    options.onDone(tasks[0], lines(probe.rows));
    next = 1;
  }
  if (probe.seconds * Math.max(generations, 1) * tasks.length > options.seconds) return tasks.slice(next);
  if (!oneRound) options.onReady?.(engine.build);
  let slowest = oneRound ? probe.seconds : 0;
  for (; next < tasks.length; next++) {
    if (slowest * (tasks.length - next) > options.seconds) return tasks.slice(next);
    // Between tasks, let the event loop write rows, show progress and take signals.
    await new Promise((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
    const { rows, seconds } = runNamed(engine, study, tasks[next]);
    slowest = Math.max(slowest, seconds);
    options.onDone(tasks[next], lines(rows));
  }
  return [];
}
