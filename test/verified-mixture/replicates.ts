// Running R replicates of one verified-mixture cell through the public simulate(), and pulling
// one metric of one generation out of the rows. Engines are made once per test process.
import { simulate, createEngine, type Engine, type EngineKind, type Row } from "../../src/index.js";

const engines = new Map<EngineKind, Promise<Engine>>();

export function engine(kind: EngineKind = "wasm"): Promise<Engine> {
  if (!engines.has(kind)) engines.set(kind, createEngine(kind));
  return engines.get(kind)!;
}

export interface RunOptions {
  generations?: number;
  seed?: number;
  engine?: EngineKind;
}

export async function runCell(params: Record<string, unknown>, replicates: number, options: RunOptions = {}): Promise<Row[]> {
  const kind = options.engine ?? "wasm";
  return simulate(
    { scenario: "verified-mixture", params, seeds: replicates, generations: options.generations ?? 1, seed: options.seed ?? 1, engine: kind },
    { engine: await engine(kind) },
  );
}

/** The metric's values at one generation, one per replicate. */
export function metric(rows: Row[], name: string, generation = 1): number[] {
  return rows.filter((row) => row.generation === generation).map((row) => row[name] as number);
}
