// Shared set-up for the categorical-tails tests: a study's rows through simulate.
import { simulate, type Row } from "../../src/index.js";
export { valuesAt, sharedAt, theoryOf } from "../gaussian-refit/helpers.js";

/** The rows of `seeds` replicates over `generations` rounds. */
export function runTails(params: Record<string, unknown>, generations: number, seeds: number, seed = 1, engine: "wasm" | "js" = "wasm"): Promise<Row[]> {
  return simulate({ scenario: "categorical-tails", params, generations, seeds, seed, engine });
}

/** A small Zipf world where every closed form is quick: K = 200, beta 1.5, n = 100, tail after rank 5. */
export const SMALL = { support: 200, zipfExponent: 1.5, samples: 100, tailRank: 5 };
