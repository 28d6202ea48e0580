// K-choice curation (Bradley-Terry / Plackett-Luce with K options): each curated sample draws K
// atoms iid from p, then keeps one of them with probability proportional to its weight w. The
// atoms come from Walker's alias table (Vose's construction), one uniform each, in O(1): a
// search of the cumulative table costs a mispredicted branch a level.
// src/engine/reference/curated-choice.ts builds the same table and consumes the stream the same way.
import { nextUniform } from "./rng";
import { at } from "./address";


/**
 * Vose's alias table of p (m entries) into prob = work[0..m) and alias = work[m..2m), with
 * work[2m..3m) as the two work lists (the small ones from the bottom, the large from the top). An
 * atom of probability 0 keeps prob 0, so it is never drawn.
 */
function aliasTable(p: usize, m: i32, work: usize): void {
  const prob = work, alias = at(work, m), lists = at(work, 2 * m);
  let total = 0.0, top = 0;
  for (let i = 0; i < m; i++) {
    total += load<f64>(at(p, i));
    if (load<f64>(at(p, i)) > load<f64>(at(p, top))) top = i;
  }
  let small = 0, large = m;
  for (let i = 0; i < m; i++) {
    const scaled = (load<f64>(at(p, i)) * <f64>m) / total;
    store<f64>(at(prob, i), scaled);
    if (scaled < 1.0) store<f64>(at(lists, small++), <f64>i);
    else store<f64>(at(lists, --large), <f64>i);
  }
  while (small > 0 && large < m) {
    const l = <i32>load<f64>(at(lists, --small));
    const g = <i32>load<f64>(at(lists, large++));
    store<f64>(at(alias, l), <f64>g);
    const rest = load<f64>(at(prob, g)) + load<f64>(at(prob, l)) - 1.0;
    store<f64>(at(prob, g), rest);
    if (rest < 1.0) store<f64>(at(lists, small++), <f64>g);
    else store<f64>(at(lists, --large), <f64>g);
  }
  // Leftovers (rounding): full columns, except an atom of probability 0, which points to the most likely.
  while (large < m) {
    const g = <i32>load<f64>(at(lists, large++));
    store<f64>(at(prob, g), 1.0);
    store<f64>(at(alias, g), <f64>g);
  }
  while (small > 0) {
    const l = <i32>load<f64>(at(lists, --small));
    const live = load<f64>(at(p, l)) > 0.0;
    store<f64>(at(prob, l), live ? 1.0 : 0.0);
    store<f64>(at(alias, l), <f64>(live ? l : top));
  }
}

/**
 * counts (m entries, f64) = the atoms of `samples` curated samples of p (m probabilities, any
 * positive total), each drawn as `choices` atoms from p (one uniform each: its column
 * floor(u m), kept when the fraction u m - column is below the column's prob, else its alias; the
 * indices in work[3m..3m + choices)), then one uniform choosing among them in proportion to w.
 */
export function curatedCounts(state: usize, p: usize, w: usize, m: i32, choices: i32, samples: f64, counts: usize, work: usize): void {
  aliasTable(p, m, work);
  for (let i = 0; i < m; i++) store<f64>(at(counts, i), 0.0);
  const picks = at(work, 3 * m), alias = at(work, m);
  const columns = <f64>m;
  for (let s = 0.0; s < samples; s += 1.0) {
    let total = 0.0;
    for (let j = 0; j < choices; j++) {
      const x = nextUniform(state) * columns;
      const column = min<i32>(<i32>Math.floor(x), m - 1);
      const atom = x - <f64>column < load<f64>(at(work, column)) ? column : <i32>load<f64>(at(alias, column));
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
