// K-choice curation as assembly/curated-choice.ts: Vose's alias table of p, `choices` atoms drawn
// from it (one uniform each), then one kept in proportion to its weight.
import { nextUniform } from "./rng.js";

function aliasTable(p: Float64Array, m: number, work: Float64Array): void {
  const lists = 2 * m;
  let total = 0, top = 0;
  for (let i = 0; i < m; i++) {
    total += p[i];
    if (p[i] > p[top]) top = i;
  }
  let small = 0, large = m;
  for (let i = 0; i < m; i++) {
    const scaled = (p[i] * m) / total;
    work[i] = scaled;
    if (scaled < 1) work[lists + small++] = i;
    else work[lists + --large] = i;
  }
  while (small > 0 && large < m) {
    const l = work[lists + --small];
    const g = work[lists + large++];
    work[m + l] = g;
    const rest = work[g] + work[l] - 1;
    work[g] = rest;
    if (rest < 1) work[lists + small++] = g;
    else work[lists + --large] = g;
  }
  while (large < m) {
    const g = work[lists + large++];
    work[g] = 1;
    work[m + g] = g;
  }
  while (small > 0) {
    const l = work[lists + --small];
    const live = p[l] > 0;
    work[l] = live ? 1 : 0;
    work[m + l] = live ? l : top;
  }
}

export function curatedCounts(
  state: Uint32Array, p: Float64Array, w: Float64Array, m: number, choices: number, samples: number, counts: Float64Array, work: Float64Array,
): void {
  aliasTable(p, m, work);
  counts.fill(0, 0, m);
  const picks = 3 * m;
  for (let s = 0; s < samples; s += 1) {
    let total = 0;
    for (let j = 0; j < choices; j++) {
      const x = nextUniform(state) * m;
      const column = Math.min(Math.floor(x), m - 1);
      const atom = x - column < work[column] ? column : work[m + column];
      work[picks + j] = atom;
      total += w[atom];
    }
    const target = nextUniform(state) * total;
    let chosen = work[picks + choices - 1];
    let sum = 0;
    for (let j = 0; j < choices - 1; j++) {
      const atom = work[picks + j];
      sum += w[atom];
      if (sum > target) {
        chosen = atom;
        break;
      }
    }
    counts[chosen] += 1;
  }
}
