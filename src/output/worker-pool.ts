// The parallel runner (src/parallel/run-tasks.ts) on Node's worker_threads: starting a worker
// that serves it (worker.ts), under plain Node and under tsx alike; a small study runs in this
// thread instead (run-here.ts).
import { Worker } from "node:worker_threads";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Task } from "../study/task.js";
import type { WorkerEndpoint } from "../parallel/endpoint.js";
import type { LineFormat } from "../parallel/protocol.js";
import { runTasks } from "../parallel/run-tasks.js";
import type { Study } from "../study/spec.js";
import { IN_THREAD_SECONDS, runHere } from "./run-here.js";
import { preloadsModules } from "./preloads.js";
import { startedAhead, type WarmWorkers } from "./warm-workers.js";

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
  /** Work a small study may do in this thread, in seconds (run-here.ts); 0: all on worker threads. */
  inThreadSeconds?: number;
  /** Called now and then with the rounds a running task has done. */
  onGeneration?(task: Task, generation: number): void;
  /** Stops every worker and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Workers kept from an earlier run of this command (warm-workers.ts), taken before any is started. */
  warm?: WarmWorkers;
  /** Hand the workers this run leaves idle to `warm` instead of ending them (the cost estimate's calibration). */
  keepWarm?: boolean;
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

/**
 * From dist, a worker loads bundle/worker.js (the worker and the library in one file: it starts
 * several times faster than dist's ~200 modules). Where the workers import modules of their own
 * (workerImports, or Node's preloads, which threads run too), they load output/worker.js
 * instead: those modules register scenarios in dist's registry, and the bundle has its own.
 * Both paths are written from dist/<folder>/, so they hold from this module and from the
 * bundled CLI alike.
 */
function workerLaunch(workerImports: boolean): WorkerLaunch {
  if (!isTypeScript) {
    const entry = workerImports || preloadsModules() ? "../output/worker.js" : "../bundle/worker.js";
    return { entry: new URL(entry, import.meta.url), execArgv: undefined, imports: [] };
  }
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

/**
 * Starts worker_threads workers, each serving the runner (see worker.ts), for the parallel
 * runner; `workerImports`: whether the workers will import modules of their own.
 */
export function threadSpawner(workerImports: boolean): { spawn: () => WorkerEndpoint; imports: string[] } {
  const launch = workerLaunch(workerImports);
  return { spawn: () => spawnThread(launch), imports: launch.imports };
}

/**
 * Runs tasks, each finished task's rows as lines of `format` (JSON lines by default): a small
 * study in this thread (run-here.ts), the rest on worker threads.
 */
export async function runInWorkers(study: Study, tasks: readonly Task[], options: PoolOptions): Promise<void> {
  const format = options.format ?? "jsonl";
  const { onReady, onDone } = options;
  const { spawn, imports } = threadSpawner((options.workerImports ?? []).length > 0);
  const seconds = options.inThreadSeconds ?? IN_THREAD_SECONDS;
  const wanted = Math.min(options.workers, tasks.length);
  // Workers kept warm by an earlier run go first (told this study when the runner sets them up).
  const launch = JSON.stringify(options.workerImports ?? []);
  const started = options.warm?.take(launch, wanted) ?? [];
  // Started before the probe, so that a large study loses no time to it; ended if unused.
  if (seconds > 0) while (started.length < wanted) started.push(startedAhead(spawn()));
  const keep = options.keepWarm && options.warm ? (worker: WorkerEndpoint) => options.warm!.keep(launch, worker) : undefined;
  let left: readonly Task[] = [];
  try {
    left = await runHere(study, tasks, { format, seconds, onReady, onDone, signal: options.signal });
  } finally {
    for (const worker of started.splice(Math.min(options.workers, left.length))) if (!keep?.(worker)) worker.terminate();
  }
  return runTasks(left, {
    handBack: keep,
    workers: options.workers,
    spawn: () => started.shift() ?? spawn(),
    setup: { spec: study.spec, imports: [...imports, ...(options.workerImports ?? []).map(moduleUrl)], format },
    onReady,
    onDone: (task, result) => onDone(task, result.lines ?? ""),
    onGeneration: options.onGeneration,
    signal: options.signal,
  });
}
