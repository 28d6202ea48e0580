// collapse-sim's public API in Node (the package's "node" export): the browser API (index.ts),
// with simulateInWorker running on worker_threads instead of Web Workers, and the vega-lite
// chart specs that the Node report renders (left out of the browser module to keep it small).
export * from "./index.js";
export { simulateInWorker } from "./output/simulate-in-threads.js";
export { chartSpec } from "./report/chart-spec.js";
