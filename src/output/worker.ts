// A worker_threads worker of the parallel runner: serves it (src/parallel/serve-tasks.ts) on
// its parent port.
import { parentPort } from "node:worker_threads";
import type { ToWorker } from "../parallel/protocol.js";
import { serveTasks } from "../parallel/serve-tasks.js";

const port = parentPort!;
serveTasks({
  post: (message) => port.postMessage(message),
  onMessage: (handler) => void port.on("message", (message: ToWorker) => handler(message)),
});
