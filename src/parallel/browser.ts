// simulateInWorker in browsers: a study on Web Workers, off the page's main thread. The worker
// module is found the way Vite, webpack, Parcel and Rollup bundle it (new Worker(new URL(...,
// import.meta.url))); where that is not bundled (esbuild copies no such file), pass `worker`: a
// function that starts one from a module that calls serveWorker (the package's "./worker" export).
import type { RunnerPort, WorkerEndpoint } from "./endpoint.js";
import type { FromWorker, ToWorker } from "./protocol.js";
import { serveTasks } from "./serve-tasks.js";
import { simulateOnWorkers, type SimulateInWorkerOptions } from "./simulate-on-workers.js";

export type { SimulateInWorkerOptions } from "./simulate-on-workers.js";
import type { RowsOf, TypedSpec } from "../study/typed-spec.js";

export interface BrowserWorkerOptions extends SimulateInWorkerOptions {
  /** Starts one Web Worker (a module worker whose module calls serveWorker); by default the bundled one. */
  worker?: () => Worker;
}

/** What a dedicated worker's global scope offers (the DOM library types `self` as a window). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

/** Serves simulateInWorker's runner from inside a Web Worker: the one call of a worker module. */
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

/** One Web Worker as the runner sees it. */
function webWorkerEndpoint(start: () => Worker): WorkerEndpoint {
  const worker = start();
  return {
    post: (message: ToWorker) => worker.postMessage(message),
    onMessage: (handler) => worker.addEventListener("message", (event) => handler(event.data as FromWorker)),
    onError: (handler) => worker.addEventListener("error", (event) => {
      event.preventDefault();
      handler(new Error(
        `simulateInWorker: a Web Worker failed (${event.message || "its module could not be loaded"}). Where a bundler leaves ` +
          `new Worker(new URL(...)) alone (esbuild), bundle a module that calls serveWorker() (the package's "./worker" export) and ` +
          `pass { worker: () => new Worker(itsUrl, { type: "module" }) }`,
      ));
    }),
    onExit: () => {},
    terminate: () => worker.terminate(),
  };
}

/**
 * simulate(spec) on Web Workers, off the main thread: the same rows, in the same order,
 * streamed as replicates finish (onRows, onProgress), stopped by an AbortSignal.
 */
export function simulateInWorker<const S>(spec: TypedSpec<S>, options: BrowserWorkerOptions = {}): Promise<RowsOf<S>> {
  const start = options.worker ?? bundledWorker;
  return simulateOnWorkers(() => webWorkerEndpoint(start), spec, options) as Promise<RowsOf<S>>;
}
