// simulateInWorker in Node: a study on worker_threads, off the event loop's thread and, with
// `workers: N`, in parallel; the rows are simulate()'s, in its order.
import type { RowsOf, TypedSpec } from "../study/typed-spec.js";
import { simulateOnWorkers, type SimulateInWorkerOptions } from "../parallel/simulate-on-workers.js";
import { threadSpawner } from "./worker-pool.js";

/** Typed as simulate is (a built-in scenario's spec checked, its rows typed). */
export function simulateInWorker<const S>(spec: TypedSpec<S>, options: SimulateInWorkerOptions = {}): Promise<RowsOf<S>> {
  const { spawn, imports } = threadSpawner((options.workerImports ?? []).length > 0);
  return simulateOnWorkers(spawn, spec, { ...options, workerImports: [...imports, ...(options.workerImports ?? [])] }) as Promise<RowsOf<S>>;
}
