// Step 3's data of a row of the categorical rows (see categorical-rows-refit.ts), sampling mode:
// what a row is refit on after the draw and the allocation. The table's refit mixes it into the
// row; the softmax model (softmax-model-curate.ts) trains on it. src/engine/reference/categorical-rows-curate.ts
// is the same computation in TypeScript and consumes the random stream in the same order.
import { nextUniform } from "./rng";
import { at, atI32 } from "./address";
import { drawKept } from "./categorical-rows-draw";

// @ts-ignore: decorator
@inline function addOne(counts: usize, outcome: i32): void {
  const c = at(counts, outcome);
  store<f64>(c, load<f64>(c) + 1.0);
}

/**
 * Adds row x's curated data to counts (by outcome, 0 the correct one): its kept samples, then
 * labels[x] labels (one uniform each: correct with probability beta, else a uniformly chosen
 * wrong outcome) or, when resample is set, labels[x] extra samples of the row (drawKept: one
 * outcome uniform each and a filter uniform unless the keep probability is 0 or 1), of which
 * the kept ones count. Returns how many data points it added. Inlined: it runs once a row.
 */
// @ts-ignore: decorator
@inline export function countCurated(
  rng: usize, row: usize, x: i32, rejected: usize, labels: usize, kept: usize, counts: usize,
  cols: i32, samples: i32, gamma: f64, rho: f64, beta: f64, resample: bool,
): i32 {
  let n = samples - <i32>load<f64>(at(rejected, x));
  const slots = kept + ((<usize>x * <usize>samples) << 2);
  // All the row's slots, those past its kept samples masked out: a loop whose length changes
  // from row to row would cost a mispredicted exit per row. The correct ones, most of them, are
  // counted in a local (counts are integers: the order of adding is free; counts[0] is 0 here).
  let correct = 0;
  for (let s = 0; s < samples; s++) {
    const outcome = load<i32>(atI32(slots, s));
    const counted = <i32>(s < n);
    correct += counted & <i32>(outcome == 0);
    if (counted & <i32>(outcome != 0)) addOne(counts, outcome);
  }
  store<f64>(counts, <f64>correct);
  const given = <i32>load<f64>(at(labels, x));
  if (resample) {
    for (let e = 0; e < given; e++) {
      const outcome = drawKept(rng, row, cols, gamma, rho);
      if (outcome < 0) continue;
      addOne(counts, outcome);
      n++;
    }
    return n;
  }
  const wrongSpan = <f64>(cols - 1);
  for (let l = 0; l < given; l++) {
    const u = nextUniform(rng);
    addOne(counts, u < beta ? 0 : min<i32>(cols - 1, 1 + <i32>((u - beta) / (1.0 - beta) * wrongSpan)));
  }
  return n + given;
}
