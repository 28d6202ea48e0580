// assembly/categorical-rows-fill.ts in plain TypeScript, consuming the random stream in the same order.
import { nextUniformPositive } from "./rng.js";
import { nextGamma } from "./gamma.js";
import { detLog } from "../../math/fdlibm.js";

export function fillBetaCategoricalRows(
  state: Uint32Array, table: Float64Array, rows: number, cols: number, zeroRows: number, betaA: number, betaB: number, dirichletTail: boolean,
): void {
  const even = 1.0 / (cols - 1);
  for (let x = 0; x < rows; x++) {
    const row = x * cols;
    let head = 0;
    if (x >= zeroRows) {
      const g = nextGamma(state, betaA);
      const h = nextGamma(state, betaB);
      head = g / (g + h);
    }
    table[row] = head;
    const rest = 1.0 - head;
    if (dirichletTail) {
      let sum = 0;
      for (let j = 1; j < cols; j++) {
        const e = -detLog(nextUniformPositive(state));
        table[row + j] = e;
        sum += e;
      }
      for (let j = 1; j < cols; j++) table[row + j] = sum > 0 ? rest * (table[row + j] / sum) : rest * even;
    } else {
      for (let j = 1; j < cols; j++) table[row + j] = rest * even;
    }
  }
}
