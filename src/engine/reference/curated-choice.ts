// K-choice curation as assembly/curated-choice.ts: `choices` atoms drawn from p by the cumulative
// table, then one kept in proportion to its weight.
import { nextUniform } from "./rng.js";

function atomOf(cdf: Float64Array, m: number, u: number): number {
  const target = u * cdf[m - 1];
  let lo = 0, hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function curatedCounts(
  state: Uint32Array, p: Float64Array, w: Float64Array, m: number, choices: number, samples: number, counts: Float64Array, work: Float64Array,
): void {
  let running = 0;
  for (let i = 0; i < m; i++) {
    running += p[i];
    work[i] = running;
    counts[i] = 0;
  }
  for (let s = 0; s < samples; s += 1) {
    let total = 0;
    for (let j = 0; j < choices; j++) {
      const atom = atomOf(work, m, nextUniform(state));
      work[m + j] = atom;
      total += w[atom];
    }
    const target = nextUniform(state) * total;
    let chosen = work[m + choices - 1];
    let sum = 0;
    for (let j = 0; j < choices - 1; j++) {
      const atom = work[m + j];
      sum += w[atom];
      if (sum > target) {
        chosen = atom;
        break;
      }
    }
    counts[chosen] += 1;
  }
}
