// collapse-sim's public API. Everything here runs in Node and in browsers (Web Workers too);
// the Node-only parts (result files, worker pool, CLI) live under src/study/node and src/cli.
export * from "./engine/index.js";
export { scenarios, scenarioNames, resolveParams } from "./scenarios/index.js";
export type { Scenario, MetricDefinition, MetricValues, ReplicateOptions } from "./scenarios/index.js";
export { simulate, type SimulateOptions } from "./study/simulate.js";
export { resolveStudy, expandGrid, type Study, type StudySpec, type Cell } from "./study/spec.js";
export { studyTasks, runTask, type Task } from "./study/task.js";
export { replicateSeed, cellKey } from "./study/seeds.js";
export type { Row } from "./study/rows.js";
export { SpecError, formatIssue, type SpecIssue } from "./validation/spec-error.js";
export { normalCdf, erfc } from "./math/normal.js";
