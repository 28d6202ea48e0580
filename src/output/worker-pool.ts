// The parallel runner (src/parallel/run-tasks.ts) on Node's worker_threads: starting a worker
// that serves it (worker.ts), under plain Node and under tsx alike.
import { Worker } from "node:worker_threads";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Task } from "../study/task.js";
import type { WorkerEndpoint } from "../parallel/endpoint.js";
import type { LineFormat } from "../parallel/protocol.js";
import { runTasks } from "../parallel/run-tasks.js";

export interface PoolOptions {
  workers: number;
  /** Modules each worker imports first (URLs or file paths), e.g. to register scenarios. */
  workerImports?: readonly string[];
  /** The format of the lines onDone receives; default jsonl. */
  format?: LineFormat;
  /** Called with the engine build each worker reports when ready. */
  onReady?(build: string): void;
  /** Called once per finished task, in the order they finish. */
  onDone(task: Task, lines: string): void;
  /** Called now and then with the rounds a running task has done. */
  onGeneration?(task: Task, generation: number): void;
  /** Stops every worker and rejects with the signal's reason. */
  signal?: AbortSignal;
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

/** One worker_threads worker as the runner sees it. */
function spawnThread(launch: WorkerLaunch): WorkerEndpoint {
  const worker = new Worker(launch.entry, { execArgv: launch.execArgv });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (handler) => void worker.on("message", handler),
    onError: (handler) => void worker.on("error", handler),
    onExit: (handler) => void worker.on("exit", handler),
    terminate: () => void worker.terminate(),
  };
}

/** Starts worker_threads workers, each serving the runner (see worker.ts), for the parallel runner. */
export function threadSpawner(): { spawn: () => WorkerEndpoint; imports: string[] } {
  const launch = workerLaunch();
  return { spawn: () => spawnThread(launch), imports: launch.imports };
}

/** Runs tasks on worker threads, each finished task's rows as lines of `format` (JSON lines by default). */
export function runInWorkers(spec: unknown, tasks: readonly Task[], options: PoolOptions): Promise<void> {
  const { spawn, imports } = threadSpawner();
  return runTasks(tasks, {
    workers: options.workers,
    spawn,
    setup: { spec, imports: [...imports, ...(options.workerImports ?? []).map(moduleUrl)], format: options.format ?? "jsonl" },
    onReady: options.onReady,
    onDone: (task, result) => options.onDone(task, result.lines ?? ""),
    onGeneration: options.onGeneration,
    signal: options.signal,
  });
}
