// Samplers of counts, exact: binomial and hypergeometric draws, and count vectors over K symbols
// by conditional univariate draws in symbol order, in O(K) draws whatever the number of tokens
// (no per-token search). Symbols of probability (or pool count) 0 consume nothing, nor does any
// symbol once every token is placed. src/engine/reference/count-samplers.ts gives the same bits.
import { nextBinomial } from "./binomial";
import { nextHypergeometric } from "./hypergeometric";

/** out[i] = Binomial(trials, p). */
export function fillBinomial(state: usize, out: usize, n: i32, trials: f64, p: f64): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), nextBinomial(state, trials, p));
}

/** out[i] = good items among `sample` drawn without replacement from good + bad. */
export function fillHypergeometric(state: usize, out: usize, n: i32, good: f64, bad: f64, sample: f64): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), nextHypergeometric(state, good, bad, sample));
}

/**
 * counts (k entries, f64) = Multinomial(tokens, weights / sum(weights)) for weights >= 0 with a
 * positive sum: symbol i gets Binomial(tokens left, w_i / weight left), the last symbol of
 * positive weight whatever is left (so rounding in the running weight never loses a token).
 */
export function multinomialCounts(state: usize, weights: usize, k: i32, tokens: f64, counts: usize): void {
  let total = 0.0;
  let last = -1;
  for (let i = 0; i < k; i++) {
    const w = load<f64>(weights + (<usize>i << 3));
    total += w;
    if (w > 0.0) last = i;
  }
  let left = tokens, rest = total;
  for (let i = 0; i < k; i++) {
    const w = load<f64>(weights + (<usize>i << 3));
    let x = 0.0;
    if (left > 0.0 && w > 0.0) {
      x = i == last ? left : nextBinomial(state, left, w / rest);
      left -= x;
    }
    rest -= w;
    store<f64>(counts + (<usize>i << 3), x);
  }
}

/**
 * counts (k entries) = a subsample of `tokens` tokens drawn without replacement from the pool's
 * counts (integer-valued, tokens <= their sum): multivariate hypergeometric, symbol i getting
 * Hypergeometric(pool_i, pool left after i, tokens left).
 */
export function hypergeometricCounts(state: usize, pool: usize, k: i32, tokens: f64, counts: usize): void {
  let total = 0.0;
  for (let i = 0; i < k; i++) total += load<f64>(pool + (<usize>i << 3));
  let left = tokens, rest = total;
  for (let i = 0; i < k; i++) {
    const c = load<f64>(pool + (<usize>i << 3));
    rest -= c;
    let x = 0.0;
    if (left > 0.0 && c > 0.0) {
      x = nextHypergeometric(state, c, rest, left);
      left -= x;
    }
    store<f64>(counts + (<usize>i << 3), x);
  }
}
