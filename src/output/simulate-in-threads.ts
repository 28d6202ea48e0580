// simulateInWorker in Node: a study on worker_threads, off the event loop's thread and, with
// `workers: N`, in parallel; the rows are simulate()'s, in its order.
import type { Row } from "../study/rows.js";
import { simulateOnWorkers, type SimulateInWorkerOptions } from "../parallel/simulate-on-workers.js";
import { threadSpawner } from "./worker-pool.js";

export function simulateInWorker(spec: unknown, options: SimulateInWorkerOptions = {}): Promise<Row[]> {
  const { spawn, imports } = threadSpawner((options.workerImports ?? []).length > 0);
  return simulateOnWorkers(spawn, spec, { ...options, workerImports: [...imports, ...(options.workerImports ?? [])] });
}
