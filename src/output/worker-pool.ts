// Runs tasks on worker_threads, each worker with its own engine. Tasks are handed out one at
// a time from a shared queue, so a slow cell occupies one worker while the others go on.
import { Worker } from "node:worker_threads";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Task } from "../study/task.js";
import type { FromWorker, RowFormat, ToWorker, WorkerSetup } from "./worker-protocol.js";

export interface PoolOptions {
  workers: number;
  /** Modules each worker imports first (URLs or file paths), e.g. to register scenarios. */
  workerImports?: readonly string[];
  /** The format of the lines onDone receives; default jsonl. */
  format?: RowFormat;
  /** Called with the engine build each worker reports when ready. */
  onReady?(build: string): void;
  /** Called once per finished task, in the order they finish. */
  onDone(task: Task, lines: string): void;
}

// From dist the worker entry is worker.js, and the worker inherits the process's options:
// passing process.execArgv explicitly would be refused for options a thread cannot take
// (node --max-old-space-size=4096 ... fails with ERR_WORKER_INVALID_EXEC_ARGV), while the
// inherited ones are applied where they can be. Under tsx (tests, development) the entry is
// worker.ts, and on Node 20 tsx does not register itself in worker threads: a bootstrap
// registers it, then imports the entry. Node's own --import preloads of TypeScript files
// would run before that, so they are taken out of execArgv and imported by the worker
// afterwards instead.
const isTypeScript = import.meta.url.endsWith(".ts");

interface WorkerLaunch {
  entry: URL;
  /** Undefined: inherit the process's options. */
  execArgv: string[] | undefined;
  /** Preloads moved from execArgv, imported by the worker before anything else. */
  imports: string[];
}

function workerLaunch(): WorkerLaunch {
  if (!isTypeScript) return { entry: new URL("./worker.js", import.meta.url), execArgv: undefined, imports: [] };
  const execArgv: string[] = [];
  const imports: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const match = /^--(import|require|loader|experimental-loader)(?:=(.*))?$/.exec(args[i]);
    if (!match) {
      execArgv.push(args[i]);
      continue;
    }
    const value = match[2] ?? args[++i];
    if (!/(^|[/\\])tsx([/\\]|$)/.test(value) && match[1] === "import") imports.push(importUrl(value));
  }
  const api = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./worker.ts", import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(entry)});`;
  return { entry: new URL(`data:text/javascript,${encodeURIComponent(code)}`), execArgv, imports };
}

/** As Node reads --import: a URL, a path starting with / or ., else a package. */
function importUrl(specifier: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(specifier)) return specifier;
  if (specifier.startsWith("/") || specifier.startsWith(".")) return pathToFileURL(resolve(specifier)).href;
  return import.meta.resolve(specifier);
}

/** A URL, or a file path (relative to the working directory). */
function moduleUrl(specifier: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(specifier) && !/^[a-z]:[\\/]/i.test(specifier) ? specifier : pathToFileURL(resolve(specifier)).href;
}

export function runInWorkers(spec: unknown, tasks: readonly Task[], options: PoolOptions): Promise<void> {
  const count = Math.min(options.workers, tasks.length);
  if (count === 0) return Promise.resolve();
  const launch = workerLaunch();
  const setup: WorkerSetup = { spec, imports: [...launch.imports, ...(options.workerImports ?? []).map(moduleUrl)], format: options.format ?? "jsonl" };
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
    /** The task each worker is running, so that a worker's end can say what it left undone. */
    const holding = new Map<Worker, Task>();
    const feed = (worker: Worker) => {
      if (next < tasks.length) {
        holding.set(worker, tasks[next]);
        send(worker, { type: "task", task: tasks[next++] });
      } else stop(worker);
    };

    for (let i = 0; i < count; i++) {
      const worker = new Worker(launch.entry, { workerData: setup, execArgv: launch.execArgv });
      workers.push(worker);
      worker.on("message", (message: FromWorker) => {
        if (failed) return;
        if (message.type === "error") return fail(new Error(`worker failed: ${message.message}`));
        try {
          if (message.type === "ready") {
            options.onReady?.(message.build);
            return feed(worker);
          }
          holding.delete(worker);
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
      // A worker ends only when told to stop: any other end, even with code 0 (process.exit(0)
      // in a scenario), leaves its task undone, and waiting for it would hang the run.
      worker.on("exit", (code) => {
        if (finished === tasks.length || (code === 0 && stopped.has(worker))) return;
        const task = holding.get(worker);
        const what = task ? `while running cell ${task.cell} replicate ${task.replicate}` : "before the study finished";
        fail(new Error(`a worker exited with code ${code} ${what}`));
      });
    }
  });
}
