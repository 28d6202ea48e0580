// Shared set-up for the regression-chain tests: a study's rows through simulate, and one
// metric's values across replicates at a generation (rows-at.ts).
import { simulate, type Row } from "../../src/index.js";

export { valuesAt, sharedAt } from "../helpers/rows-at.js";

export type ChainParams = Record<string, unknown>;

/** The rows of `seeds` replicates over `generations` rounds. */
export function runChain(params: ChainParams, generations: number, seeds: number, seed = 1, engine: "wasm" | "js" = "wasm"): Promise<Row[]> {
  return simulate({ scenario: "regression-chain", params, generations, seeds, seed, engine });
}

/** testError - conditionalTestError at generation t, one per replicate. */
export function pairedAt(rows: readonly Row[], t: number): number[] {
  return rows.filter((row) => row.generation === t).map((row) => (row.testError as number) - (row.conditionalTestError as number));
}
