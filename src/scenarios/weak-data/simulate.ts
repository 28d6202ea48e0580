// One replicate of the weak-data scenario: the model its parameters choose, trained round by
// round, each generation's metrics with the theory columns beside them (the table model's closed
// forms; the softmax model has none).
import type { Engine } from "../../engine/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import type { Params } from "./params.js";
import { TheoryColumns, NO_THEORY, inMetricOrder } from "./metrics.js";
import { TableModelRun } from "./table-model-run.js";
import { SoftmaxModelRun } from "./softmax-model-run.js";

/** The model params choose, drawn from seed: its generation 0. */
export function startModelRun(engine: Engine, params: Params, seed: bigint): TableModelRun | SoftmaxModelRun {
  return params.model === "softmax" ? new SoftmaxModelRun(engine, params, seed) : new TableModelRun(engine, params, seed);
}

export function runReplicate(engine: Engine, params: Params, options: ReplicateOptions): MetricValues[] {
  const run = startModelRun(engine, params, options.seed);
  try {
    const initial = run.metrics();
    const theory = run instanceof TableModelRun
      ? new TheoryColumns(run.settings, { accuracy: initial.accuracy as number, unsolved: initial.unsolved as number, gini: initial.gini as number })
      : NO_THEORY;
    const rows: MetricValues[] = [inMetricOrder({ ...initial, ...theory.at(0) })];
    for (let t = 1; t <= options.generations; t++) {
      run.step();
      rows.push(inMetricOrder({ ...run.metrics(), ...theory.at(t) }));
      options.onGeneration?.(t);
    }
    return rows;
  } finally {
    run.free();
  }
}
