// Shared set-up for the weak-data tests: resolved parameters, runs on an engine, and the
// per-prompt quantities read back from a run's table.
import { createEngine, resolveParams, type Engine } from "../../src/index.js";
import { scenario as weakData, tableParams, TableModelRun, type Params as WeakDataParams } from "../../src/scenarios/weak-data/index.js";

export const wasm: Engine = await createEngine("wasm");
export const js: Engine = await createEngine("js");

export function weakDataParams(overrides: Record<string, unknown>): WeakDataParams {
  return resolveParams(weakData, overrides);
}

export function startRun(engine: Engine, overrides: Record<string, unknown>, seed: bigint): TableModelRun {
  return new TableModelRun(engine, tableParams(weakDataParams(overrides)), seed);
}

/** p(0|x) of every prompt. */
export function heads(run: TableModelRun): Float64Array {
  const { rows, cols } = run.settings;
  const table = run.buffers.table.view;
  return Float64Array.from({ length: rows }, (_, x) => table[x * cols]);
}

/** 1 - sum_i p(i|x)^2 of every prompt. */
export function ginis(run: TableModelRun): Float64Array {
  const { rows, cols } = run.settings;
  const table = run.buffers.table.view;
  return Float64Array.from({ length: rows }, (_, x) => {
    let squares = 0;
    for (let j = 0; j < cols; j++) squares += table[x * cols + j] ** 2;
    return 1 - squares;
  });
}

/** Whether a prompt's distribution sits on one response. */
export function fixed(run: TableModelRun): boolean[] {
  const { rows, cols } = run.settings;
  const table = run.buffers.table.view;
  return Array.from({ length: rows }, (_, x) => table.subarray(x * cols, (x + 1) * cols).some((p) => p === 1));
}

export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

/** Runs `rounds` rounds and frees the run, returning what `read` took from it at the end. */
export function afterRounds<T>(run: TableModelRun, rounds: number, read: (run: TableModelRun) => T): T {
  try {
    for (let t = 0; t < rounds; t++) run.step();
    return read(run);
  } finally {
    run.free();
  }
}
