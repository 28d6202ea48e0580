// simulateInWorker in browsers: a study on Web Workers, off the page's main thread. The worker
// module is found the way bundlers understand (new Worker(new URL(..., import.meta.url))); where
// a bundler left it behind (esbuild copies no such file), a worker that imports this very module
// by its URL takes over, so a page, a module worker and any ES bundle need no set-up.
import type { RunnerPort, WorkerEndpoint } from "./endpoint.js";
import type { FromWorker, ToWorker } from "./protocol.js";
import { serveTasks } from "./serve-tasks.js";
import { simulateOnWorkers, type SimulateInWorkerOptions } from "./simulate-on-workers.js";
import type { Row } from "../study/rows.js";

export type { SimulateInWorkerOptions } from "./simulate-on-workers.js";

/** What a dedicated worker's global scope offers (the DOM library types `self` as a window). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

/** Serves the runner from inside a Web Worker: the worker module's one call. */
export function serveWorker(): void {
  const scope = globalThis as unknown as WorkerScope;
  const port: RunnerPort = {
    post: (message) => scope.postMessage(message),
    onMessage: (handler) => scope.addEventListener("message", (event) => handler(event.data as ToWorker)),
  };
  serveTasks(port);
}

function bundledWorker(): Worker {
  return new Worker(new URL("./browser-worker.js", import.meta.url), { type: "module" });
}

/** A worker whose module imports this one by its URL and serves: works wherever this module was loaded from. */
function selfImportingWorker(): Worker {
  const code = `import { serveWorker } from ${JSON.stringify(import.meta.url)}; serveWorker();`;
  return new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })), { type: "module" });
}

/**
 * One Web Worker as the runner sees it. Messages posted before the worker answers are kept, so
 * that if the bundled worker module cannot be loaded, the self-importing worker gets them too.
 */
export function spawnWebWorker(): WorkerEndpoint {
  const sent: ToWorker[] = [];
  const messageHandlers: Array<(message: FromWorker) => void> = [];
  const errorHandlers: Array<(error: Error) => void> = [];
  let answered = false, fellBack = false;
  let worker = bundledWorker();
  const attach = (target: Worker) => {
    target.addEventListener("message", (event) => {
      answered = true;
      for (const handler of messageHandlers) handler(event.data as FromWorker);
    });
    target.addEventListener("error", (event) => {
      event.preventDefault();
      if (!answered && !fellBack) {
        fellBack = true;
        target.terminate();
        worker = selfImportingWorker();
        attach(worker);
        for (const message of sent) worker.postMessage(message);
        return;
      }
      const error = new Error(`a Web Worker failed: ${event.message || "its module could not be loaded"}`);
      for (const handler of errorHandlers) handler(error);
    });
  };
  attach(worker);
  return {
    post: (message) => {
      if (!answered) sent.push(message);
      worker.postMessage(message);
    },
    onMessage: (handler) => void messageHandlers.push(handler),
    onError: (handler) => void errorHandlers.push(handler),
    onExit: () => {},
    terminate: () => worker.terminate(),
  };
}

/**
 * simulate(spec) on Web Workers, off the main thread: the same rows, in the same order,
 * streamed as replicates finish (onRows, onProgress), stopped by an AbortSignal.
 */
export function simulateInWorker(spec: unknown, options: SimulateInWorkerOptions = {}): Promise<Row[]> {
  return simulateOnWorkers(spawnWebWorker, spec, options);
}
