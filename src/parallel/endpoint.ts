// The two ends of a worker, whatever the platform's worker is: what the runner holds of each
// worker, and what a worker holds of its runner. browser.ts and the Node output layer adapt
// Web Workers and worker_threads to these.
import type { FromWorker, ToWorker } from "./protocol.js";

/** The runner's side of one worker. */
export interface WorkerEndpoint {
  post(message: ToWorker): void;
  onMessage(handler: (message: FromWorker) => void): void;
  /** The worker failed to load or threw outside a task. */
  onError(handler: (error: Error) => void): void;
  /** The worker ended (Node tells the exit code; a browser never calls this). */
  onExit(handler: (code: number) => void): void;
  terminate(): void;
}

/** A worker's side: its messages from the runner, and how it answers. */
export interface RunnerPort {
  post(message: FromWorker): void;
  onMessage(handler: (message: ToWorker) => void): void;
}
