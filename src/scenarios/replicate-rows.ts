// The generation loop the scenarios share: a replicate's rows are its model's metrics at
// generation 0, then after each round, each row joined with what is known of it beforehand (the
// round's conditional expectations, returned by the round) and the cell's theory columns, which
// are computed once for the replicates of a cell (perCell).
import type { Engine, RandomStream } from "../engine/index.js";
import type { MetricValues, ReplicateOptions } from "./scenario.js";

/** A replicate in progress on its random stream. */
export interface ReplicateRun {
  /** The current model's metrics. */
  metrics(): MetricValues;
  /** Round t; returns the columns known before it (the conditional expectations given generation t - 1). */
  step(t: number): MetricValues;
  free(): void;
}

/**
 * The rows of one replicate: row 0 is generation 0's metrics with `initial` (its values of the
 * columns step returns), row t the metrics after round t with what step(t) returned; each gets
 * theory[t]. The run and its stream are freed whatever happens.
 */
export function replicateRows(
  engine: Engine,
  { generations, seed, onGeneration }: ReplicateOptions,
  theory: readonly MetricValues[],
  initial: MetricValues,
  start: (rng: RandomStream) => ReplicateRun,
): MetricValues[] {
  const rng = engine.stream(seed);
  let run: ReplicateRun | undefined;
  try {
    run = start(rng);
    // Object.assign, not a spread: spreading objects that hold nulls makes slow dictionary objects in V8.
    const rows: MetricValues[] = [Object.assign(run.metrics(), initial, theory[0])];
    for (let t = 1; t <= generations; t++) {
      const known = run.step(t);
      rows.push(Object.assign(run.metrics(), known, theory[t]));
      onGeneration?.(t);
    }
    return rows;
  } finally {
    run?.free();
    rng.free();
  }
}

/**
 * `columns` computed once for a run of replicates of one cell: every replicate of a cell asks
 * for the same theory columns, and the tasks of a cell come one after another.
 */
export function perCell<P, R>(columns: (p: P, generations: number) => R): (p: P, generations: number) => R {
  let last: { key: string; value: R } | undefined;
  return (p, generations) => {
    const key = JSON.stringify([p, generations]);
    if (last?.key !== key) last = { key, value: columns(p, generations) };
    return last.value;
  };
}
