// collapse-sim's public API in Node (the package's "node" export): the browser API (index.ts),
// with simulateInWorker running on worker_threads instead of Web Workers.
export * from "./index.js";
export { simulateInWorker } from "./output/simulate-in-threads.js";
