// K-choice curation (Bradley-Terry / Plackett-Luce with K options): each curated sample draws K
// atoms iid from p, then keeps one of them with probability proportional to its weight w.
// src/engine/reference/curated-choice.ts consumes the stream the same way.
import { nextUniform } from "./rng";

// @ts-ignore: decorator
@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 3);
}

/** The first j with cdf[j] > u cdf[m - 1]: an atom of probability 0 is never drawn. */
// @ts-ignore: decorator
@inline function atomOf(cdf: usize, m: i32, u: f64): i32 {
  const target = u * load<f64>(at(cdf, m - 1));
  let lo = 0, hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (load<f64>(at(cdf, mid)) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * counts (m entries, f64) = the atoms of `samples` curated samples of p (m probabilities), each
 * drawn as `choices` atoms from p (one uniform each, by the cumulative table in work[0..m)), then
 * one uniform choosing among them in proportion to w (their indices in work[m..m + choices)).
 */
export function curatedCounts(state: usize, p: usize, w: usize, m: i32, choices: i32, samples: f64, counts: usize, work: usize): void {
  let running = 0.0;
  for (let i = 0; i < m; i++) {
    running += load<f64>(at(p, i));
    store<f64>(at(work, i), running);
    store<f64>(at(counts, i), 0.0);
  }
  const picks = at(work, m);
  for (let s = 0.0; s < samples; s += 1.0) {
    let total = 0.0;
    for (let j = 0; j < choices; j++) {
      const atom = atomOf(work, m, nextUniform(state));
      store<f64>(at(picks, j), <f64>atom);
      total += load<f64>(at(w, atom));
    }
    const target = nextUniform(state) * total;
    let chosen = <i32>load<f64>(at(picks, choices - 1));
    let sum = 0.0;
    for (let j = 0; j < choices - 1; j++) {
      const atom = <i32>load<f64>(at(picks, j));
      sum += load<f64>(at(w, atom));
      if (sum > target) {
        chosen = atom;
        break;
      }
    }
    store<f64>(at(counts, chosen), load<f64>(at(counts, chosen)) + 1.0);
  }
}
