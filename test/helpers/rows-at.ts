// A study's rows in tests: one column at one generation (its values across replicates, or the
// value every replicate shares: a closed form), and two runs' rows compared bit for bit.
import * as assert from "uvu/assert";
import type { Row } from "../../src/index.js";

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

/** Fails unless a and b are the same rows, every value the same bits (Object.is: NaN and -0 too). */
export function assertSameRows(a: readonly Row[], b: readonly Row[], what: string): void {
  assert.is(a.length, b.length, what);
  a.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) if (!Object.is(value, b[i][key])) assert.unreachable(`${what}: row ${i} ${key}: ${value} vs ${b[i][key]}`);
  });
}
