// Shared set-up for the regression-chain tests: a study's rows through simulate, and one
// metric's values across replicates at a generation.
import { simulate, type Row } from "../../src/index.js";

export type ChainParams = Record<string, unknown>;

/** The rows of `seeds` replicates over `generations` rounds. */
export function runChain(params: ChainParams, generations: number, seeds: number, seed = 1, engine: "wasm" | "js" = "wasm"): Promise<Row[]> {
  return simulate({ scenario: "regression-chain", params, generations, seeds, seed, engine });
}

/** A column's values at generation t, one per replicate (nulls kept out). */
export function valuesAt(rows: readonly Row[], t: number, column: string): number[] {
  return rows.filter((row) => row.generation === t && row[column] !== null).map((row) => row[column] as number);
}

/** A column's value at generation t, which every replicate shares (a closed form). */
export function sharedAt(rows: readonly Row[], t: number, column: string): number | null {
  const values = new Set(rows.filter((row) => row.generation === t).map((row) => row[column]));
  if (values.size !== 1) throw new Error(`${column} at generation ${t} differs across replicates`);
  return [...values][0] as number | null;
}

/** testError - conditionalTestError at generation t, one per replicate. */
export function pairedAt(rows: readonly Row[], t: number): number[] {
  return rows.filter((row) => row.generation === t).map((row) => (row.testError as number) - (row.conditionalTestError as number));
}
