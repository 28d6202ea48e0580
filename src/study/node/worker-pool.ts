// Runs tasks on worker_threads, each worker with its own engine. Tasks are handed out one at
// a time from a shared queue, so a slow cell occupies one worker while the others go on.
import { Worker } from "node:worker_threads";
import type { Task } from "../task.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./worker-protocol.js";

export interface PoolOptions {
  workers: number;
  /** Modules each worker imports first (URLs or absolute paths), e.g. to register scenarios. */
  workerImports?: readonly string[];
  /** Called with the engine build each worker reports when ready. */
  onReady?(build: string): void;
  /** Called once per finished task, in the order they finish. */
  onDone(task: Task, lines: string): void;
}

// Under tsx (tests, development) this file is TypeScript and so is the worker entry, which
// then needs tsx's loader; from dist both are JavaScript.
const isTypeScript = import.meta.url.endsWith(".ts");
const entry = new URL(isTypeScript ? "./worker.ts" : "./worker.js", import.meta.url);
const execArgv = isTypeScript && !process.execArgv.some((arg) => arg.includes("tsx"))
  ? [...process.execArgv, "--import", "tsx"]
  : process.execArgv;

function importUrl(specifier: string): string {
  return /^[a-z]+:/i.test(specifier) ? specifier : new URL(`file://${specifier.startsWith("/") ? "" : `${process.cwd()}/`}${specifier}`).href;
}

export function runInWorkers(spec: unknown, tasks: readonly Task[], options: PoolOptions): Promise<void> {
  const count = Math.min(options.workers, tasks.length);
  if (count === 0) return Promise.resolve();
  const setup: WorkerSetup = { spec, imports: (options.workerImports ?? []).map(importUrl) };
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;

    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const stopped = new Set<Worker>();
    const send = (worker: Worker, message: ToWorker) => worker.postMessage(message);
    const stop = (worker: Worker) => {
      if (!stopped.has(worker)) send(worker, { type: "stop" });
      stopped.add(worker);
    };
    const feed = (worker: Worker) => {
      if (next < tasks.length) send(worker, { type: "task", task: tasks[next++] });
      else stop(worker);
    };

    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry, { workerData: setup, execArgv });
      workers.push(worker);
      worker.on("message", (message: FromWorker) => {
        if (failed) return;
        if (message.type === "error") return fail(new Error(`worker failed: ${message.message}`));
        if (message.type === "ready") {
          options.onReady?.(message.build);
          return feed(worker);
        }
        try {
          options.onDone(message.task, message.lines);
        } catch (error) {
          return fail(error as Error);
        }
        finished++;
        if (finished === tasks.length) {
          for (const w of workers) stop(w);
          resolve();
        } else feed(worker);
      });
      worker.on("error", (error) => fail(error));
      worker.on("exit", (code) => {
        if (code !== 0 && finished < tasks.length) fail(new Error(`a worker exited with code ${code} before the study finished`));
      });
    }
  });
}
