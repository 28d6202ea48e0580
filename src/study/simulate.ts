// simulate(spec): a whole study in this thread, returning its rows. The parallel runner with
// result files (src/output/run-study.ts) produces the same rows.
import { createEngine, type Engine } from "../engine/index.js";
import { resolveStudy } from "./spec.js";
import { studyTasks, runTask } from "./task.js";
import type { Row } from "./rows.js";

export interface SimulateOptions {
  /** An engine to reuse; by default one of the spec's kind is created. */
  engine?: Engine;
  /** Called after each finished replicate. */
  onProgress?(done: number, total: number): void;
}

export async function simulate(spec: unknown, options: SimulateOptions = {}): Promise<Row[]> {
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
