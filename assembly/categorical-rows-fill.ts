// The initial table of categorical rows: entry 0 of each row (the correct outcome) from a Beta
// law, the rest of the row's mass over the other outcomes. src/engine/reference/categorical-rows-fill.ts
// is the same computation in TypeScript and consumes the random stream in the same order.
import { nextUniformPositive } from "./rng";
import { nextGamma } from "./gamma";
import { detLog } from "./math";
import { at } from "./address";

/**
 * Rows of a categorical table: entry 0 ~ Beta(betaA, betaB) (Gamma ratio), exactly 0 in the
 * first zeroRows rows; the rest of each row's mass split evenly over entries 1..cols-1, or in
 * Dirichlet(1) shares (normalised exponentials) when dirichletTail is set. Per row the stream
 * gives the two gamma draws (not for zero rows), then cols - 1 uniforms (Dirichlet only).
 */
export function fillBetaCategoricalRows(
  rng: usize, table: usize, rows: i32, cols: i32, zeroRows: i32, betaA: f64, betaB: f64, dirichletTail: bool,
): void {
  const even = 1.0 / <f64>(cols - 1);
  for (let x = 0; x < rows; x++) {
    const row = table + <usize>x * (<usize>cols << 3);
    let head: f64 = 0;
    if (x >= zeroRows) {
      const g = nextGamma(rng, betaA);
      const h = nextGamma(rng, betaB);
      head = g / (g + h);
    }
    store<f64>(row, head);
    const rest = 1.0 - head;
    if (dirichletTail) {
      let sum: f64 = 0;
      for (let j = 1; j < cols; j++) {
        const e = -detLog(nextUniformPositive(rng));
        store<f64>(at(row, j), e);
        sum += e;
      }
      // All exponentials 0 (every uniform exactly 1) has probability 2^(-53 (cols - 1)): split evenly.
      for (let j = 1; j < cols; j++) store<f64>(at(row, j), sum > 0 ? rest * (load<f64>(at(row, j)) / sum) : rest * even);
    } else {
      for (let j = 1; j < cols; j++) store<f64>(at(row, j), rest * even);
    }
  }
}
