// Runs a study's tasks on workers, each with its own engine. Tasks are handed out one at a time
// from a shared queue, so a slow cell occupies one worker while the others go on. The same
// runner serves Web Workers and Node's worker_threads, through WorkerEndpoint.
import type { Task } from "../study/task.js";
import type { WorkerEndpoint } from "./endpoint.js";
import type { FromWorker, WorkerSetup } from "./protocol.js";

export interface RunTasksOptions {
  /** Workers to start (no more than there are tasks). */
  workers: number;
  /** Starts one worker. */
  spawn(): WorkerEndpoint;
  setup: WorkerSetup;
  /** Called with the engine build each worker reports when ready. */
  onReady?(build: string): void;
  /** Called once per finished task, in the order they finish, with its rows as the setup's format gives them. */
  onDone(task: Task, result: Extract<FromWorker, { type: "done" }>): void;
  /** Called now and then with the rounds a running task has done. */
  onGeneration?(task: Task, generation: number): void;
  /** Stops every worker and rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Offered each worker left with nothing to do: returning true takes it, still running, for
   * another runner (serve-tasks.ts takes a new setup); this runner then ends it no more and
   * hears nothing more from it.
   */
  handBack?(worker: WorkerEndpoint): boolean;
}

export function runTasks(tasks: readonly Task[], options: RunTasksOptions): Promise<void> {
  const count = Math.min(options.workers, tasks.length);
  if (options.signal?.aborted) return Promise.reject(options.signal.reason);
  if (count === 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const workers: WorkerEndpoint[] = [];
    /** Workers with nothing left to do, ended by the runner: their end is no failure. */
    const retired = new Set<WorkerEndpoint>();
    /** The task each worker is running, so that a worker's end can say what it left undone. */
    const holding = new Map<WorkerEndpoint, Task>();
    /** Workers handed back (options.handBack): no longer this runner's to hear or end. */
    const handedBack = new Set<WorkerEndpoint>();
    let next = 0, finished = 0, failed = false, over = false;

    const fail = (error: unknown) => {
      if (failed || over) return;
      failed = true;
      options.signal?.removeEventListener("abort", abort);
      for (const worker of workers) if (!handedBack.has(worker)) worker.terminate();
      reject(error);
    };
    const abort = () => fail(options.signal?.reason);
    options.signal?.addEventListener("abort", abort, { once: true });
    // Ended rather than asked to stop: a thread that is told to close its port may linger.
    const retire = (worker: WorkerEndpoint) => {
      if (retired.has(worker)) return;
      retired.add(worker);
      if (options.handBack?.(worker)) handedBack.add(worker);
      else worker.terminate();
    };
    const feed = (worker: WorkerEndpoint) => {
      if (next >= tasks.length) return retire(worker);
      holding.set(worker, tasks[next]);
      worker.post({ type: "task", task: tasks[next++] });
    };
    const settle = (worker: WorkerEndpoint, message: FromWorker) => {
      if (message.type === "error") return fail(new Error(`worker failed: ${message.message}`));
      if (message.type === "generation") return options.onGeneration?.(message.task, message.generation);
      if (message.type === "ready") {
        options.onReady?.(message.build);
        return feed(worker);
      }
      holding.delete(worker);
      options.onDone(message.task, message);
      if (++finished < tasks.length) return feed(worker);
      for (const w of workers) retire(w);
      over = true;
      options.signal?.removeEventListener("abort", abort);
      resolve();
    };

    for (let i = 0; i < count && !failed; i++) {
      const worker = options.spawn();
      workers.push(worker);
      worker.onMessage((message) => {
        if (failed || over || handedBack.has(worker)) return;
        try {
          settle(worker, message);
        } catch (error) {
          fail(error);
        }
      });
      worker.onError((error) => {
        if (!handedBack.has(worker)) fail(error);
      });
      // A worker ends only when the runner ends it: any other end, even with code 0
      // (process.exit(0) in a scenario), leaves its task undone, and waiting for it would hang the run.
      worker.onExit((code) => {
        if (retired.has(worker) || over) return;
        const task = holding.get(worker);
        const what = task ? `while running cell ${task.cell} replicate ${task.replicate}` : "before the study finished";
        fail(new Error(`a worker exited with code ${code} ${what}`));
      });
      worker.post({ type: "setup", setup: options.setup });
    }
  });
}
