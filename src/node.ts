// collapse-sim's public API in Node (the package's "node" export): the browser API (index.ts),
// with simulateInWorker running on worker_threads instead of Web Workers, and two things left out
// of the browser module to keep it small: the vega-lite chart specs the Node report renders, and
// the reference engine's class (browsers get the reference through createEngine("js")).
export * from "./index.js";
export { simulateInWorker } from "./output/simulate-in-threads.js";
export { chartSpec } from "./report/chart-spec.js";
export { ReferenceEngine } from "./engine/reference-engine.js";
