// Shared set-up for the gaussian-refit tests: a study's rows through simulate, and one
// metric's values across replicates at a generation (rows-at.ts).
import { simulate, type Row } from "../../src/index.js";

export { valuesAt, sharedAt } from "../helpers/rows-at.js";

export type GaussianParams = Record<string, unknown>;

/** The rows of `seeds` replicates over `generations` rounds. */
export function runGaussian(params: GaussianParams, generations: number, seeds: number, seed = 1, engine: "wasm" | "js" = "wasm"): Promise<Row[]> {
  return simulate({ scenario: "gaussian-refit", params, generations, seeds, seed, engine });
}

/** theoryMeanError for meanError, and so on. */
export function theoryOf(metric: string): string {
  return `theory${metric[0].toUpperCase()}${metric.slice(1)}`;
}
