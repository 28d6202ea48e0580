// assembly/categorical-rows-curate.ts in plain TypeScript (step 3's data of a row: its kept
// samples, then its labels or extra samples), consuming the random stream in the same order.
import { nextUniform } from "./rng.js";
import { drawKept } from "./categorical-rows-draw.js";

/** Adds row x's curated data (starting at table[row]) to counts; returns how many data points. */
export function countCurated(
  state: Uint32Array, table: Float64Array, row: number, x: number, rejected: Float64Array, labels: Float64Array, kept: Int32Array,
  counts: Float64Array, cols: number, samples: number, gamma: number, rho: number, beta: number, resample: boolean,
): number {
  let n = samples - rejected[x];
  const slots = x * samples;
  for (let s = 0; s < n; s++) counts[kept[slots + s]] += 1;
  const given = labels[x];
  if (resample) {
    for (let e = 0; e < given; e++) {
      const outcome = drawKept(state, table, row, cols, gamma, rho);
      if (outcome < 0) continue;
      counts[outcome] += 1;
      n++;
    }
    return n;
  }
  const wrongSpan = cols - 1;
  for (let l = 0; l < given; l++) {
    const u = nextUniform(state);
    counts[u < beta ? 0 : Math.min(cols - 1, 1 + Math.trunc(((u - beta) / (1.0 - beta)) * wrongSpan))] += 1;
  }
  return n + given;
}
