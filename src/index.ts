// collapse-sim's public API, as browsers and bundlers import it: everything here runs in a page,
// in a Web Worker and in Node, and nothing here imports a Node module. The Node entry (node.ts)
// is this API with simulateInWorker on worker_threads; the Node-only parts (result files, merge,
// plots on disk, the CLI) live under src/output and src/cli.
export * from "./engine/index.js";
export { scenarios, scenarioNames, builtInScenarios, findScenario, resolveParams } from "./scenarios/index.js";
export { registerScenario } from "./scenarios/register.js";
export type { Scenario, MetricDefinition, MetricValues, ReplicateOptions, ClosedFormKind } from "./scenarios/index.js";
export { describeScenario, type ScenarioReference, type ParameterDoc, type MetricDoc } from "./scenarios/describe.js";
export { appliesText, defaultText, spacedJson } from "./validation/describe-schema.js";
export { real, integer, oneOf, boolean, tuple, strictObject, byKind, param, literal, nullable, transformed, type Schema, type InputOf, type OutputOf, type ObjectSchema, type About, type RealOptions } from "./validation/builders.js";
export { simulate, type SimulateOptions } from "./study/simulate.js";
export type { BuiltInScenarioName, BuiltInScenarioTypes, BuiltInSpec, ParamsOf, RowOf, RowsOf, SpecOf, TypedSpec } from "./study/typed-spec.js";
export { simulateInWorker, serveWorker, type BrowserWorkerOptions, type SimulateInWorkerOptions } from "./parallel/browser.js";
export { resolveStudy, type Study, type StudySpec } from "./study/spec.js";
export { expandGrid, type Cell } from "./study/cells.js";
export { studyTasks, runTask, type Task } from "./study/task.js";
export { shardTasks, type Shard } from "./study/shard.js";
export { applyOverrides, parseOverride, type Override } from "./study/overrides.js";
export { rowColumns, parameterColumns, metricColumns } from "./study/columns.js";
export { replicateSeed, cellKey } from "./study/seeds.js";
export type { Row } from "./study/rows.js";
export { sampleStatistics, t975, type SampleStatistics } from "./report/statistics.js";
export { summarize, summaryColumns, type SummaryRow } from "./report/summary.js";
export { toCsv, csvLine, csvCell } from "./report/csv.js";
export { planCharts, varyingParameters, type ChartPlan, type PlotHints, type Marker } from "./report/chart-plan.js";
export { chartPoints, confidenceBand, type ChartPoint } from "./report/chart-spec.js";
export { derivedRows, derivedStudy, type DerivedMetric } from "./report/derived.js";
export { presets, findPreset, presetNames, type Preset } from "./presets/index.js";
export { SpecError, formatIssue, type SpecIssue } from "./validation/spec-error.js";
export { normalCdf, erfc } from "./math/normal.js";
