// simulate(spec): a whole study in this thread, returning its rows. The parallel runner with
// result files (src/output/run-study.ts) produces the same rows.
import { createEngine, type Engine } from "../engine/index.js";
import { resolveStudy } from "./spec.js";
import { studyTasks, runTask } from "./task.js";
import type { Row } from "./rows.js";
import type { RowsOf, TypedSpec } from "./typed-spec.js";

export interface SimulateOptions {
  /** An engine to reuse; by default one of the spec's kind is created. */
  engine?: Engine;
  /** Called after each finished replicate. */
  onProgress?(done: number, total: number): void;
}

/**
 * A spec of a built-in scenario is type-checked against its parameters, and its rows are typed
 * by its metrics (typed-spec.ts); any other spec (a plug-in scenario's, or `unknown`) is checked
 * at run time only.
 */
export async function simulate<const S>(spec: TypedSpec<S>, options: SimulateOptions = {}): Promise<RowsOf<S>> {
  return (await simulateRows(spec, options)) as RowsOf<S>;
}

async function simulateRows(spec: unknown, options: SimulateOptions): Promise<Row[]> {
  const study = resolveStudy(spec);
  const engine = options.engine ?? (await createEngine(study.spec.engine));
  if (engine.kind !== study.spec.engine) {
    throw new Error(`spec asks for engine "${study.spec.engine}" but a "${engine.kind}" engine was passed`);
  }
  const tasks = studyTasks(study);
  const rows: Row[] = [];
  tasks.forEach((task, i) => {
    rows.push(...runTask(engine, study, task));
    options.onProgress?.(i + 1, tasks.length);
  });
  return rows;
}
