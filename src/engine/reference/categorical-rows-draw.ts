// assembly/categorical-rows-draw.ts in plain TypeScript (step 1 of a round: every row's samples
// drawn and filtered, or their expectation), consuming the random stream in the same order.
import { nextUniform } from "./rng.js";

/** First j >= 1 whose running sum p0 + ... + p_j exceeds u, else the last outcome with positive probability. */
function wrongOutcome(table: Float64Array, row: number, cols: number, u: number): number {
  let running = table[row];
  for (let j = 1; j < cols; j++) {
    running += table[row + j];
    if (running > u) return j;
  }
  let j = cols - 1;
  while (j > 1 && !(table[row + j] > 0)) j--;
  return j;
}

export function drawAndFilter(
  state: Uint32Array, table: Float64Array, streak: Int32Array, rejected: Float64Array, kept: Int32Array, byRejections: Float64Array,
  rows: number, cols: number, samples: number, gamma: number, rho: number,
): number {
  byRejections.fill(0, 0, samples + 1);
  const drawCorrect = rho > 0 && rho < 1;
  const drawWrong = gamma > 0 && gamma < 1;
  const keepCorrect = rho === 0;
  const keepWrong = gamma === 1;
  let keptTotal = 0;
  for (let x = 0; x < rows; x++) {
    const row = x * cols;
    const head = table[row];
    const slots = x * samples;
    let n = 0;
    for (let s = 0; s < samples; s++) {
      const u = nextUniform(state);
      const correct = u < head;
      let keep: boolean;
      if (correct ? drawCorrect : drawWrong) {
        const v = nextUniform(state);
        keep = correct ? v >= rho : v < gamma;
      } else {
        keep = correct ? keepCorrect : keepWrong;
      }
      if (keep) kept[slots + n++] = correct ? 0 : wrongOutcome(table, row, cols, u);
    }
    const r = samples - n;
    rejected[x] = r;
    streak[x] = r > 0 ? streak[x] + 1 : 0;
    byRejections[r] += 1;
    keptTotal += n;
  }
  return keptTotal;
}

/** One more sample of a row by step 1's rule: its outcome if the filter keeps it, else -1. */
export function drawKept(state: Uint32Array, table: Float64Array, row: number, cols: number, gamma: number, rho: number): number {
  const u = nextUniform(state);
  const correct = u < table[row];
  let keep = correct ? rho === 0 : gamma === 1;
  if (correct ? rho > 0 && rho < 1 : gamma > 0 && gamma < 1) {
    const v = nextUniform(state);
    keep = correct ? v >= rho : v < gamma;
  }
  return !keep ? -1 : correct ? 0 : wrongOutcome(table, row, cols, u);
}

export function expectedRejections(
  table: Float64Array, rejected: Float64Array, rows: number, cols: number, samples: number, gamma: number, rho: number,
): number {
  const k = samples;
  let keptTotal = 0;
  for (let x = 0; x < rows; x++) {
    const a = table[x * cols];
    const e = Math.max(0.0, 1.0 - a);
    rejected[x] = k * (rho * a + (1.0 - gamma) * e);
    keptTotal += k * (a * (1.0 - rho) + gamma * e);
  }
  return keptTotal;
}
