// Samplers of counts, exact: binomial and hypergeometric draws, and count vectors over K symbols
// by conditional univariate draws in symbol order, in O(K) draws whatever the number of tokens
// (no per-token search); a long tail of rare symbols gets its few tokens placed one by one in one
// pass instead (multinomialCounts). Symbols of probability (or pool count) 0 consume nothing, nor
// does any symbol once every token is placed. src/engine/reference/count-samplers.ts gives the
// same bits.
import { nextBinomial } from "./binomial";
import { nextHypergeometric } from "./hypergeometric";
import { nextUniform } from "./rng";
import { detExp, detLog } from "./math";
import { PLACE_BELOW_MEAN, PLACE_MIN_SYMBOLS, WEIGHTS_VALID, NO_POSITIVE_WEIGHT } from "../src/engine/constants/count-samplers";

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
 * positive weight whatever is left (so rounding in the running weight never loses a token). From
 * the first symbol expected to get under PLACE_BELOW_MEAN tokens, with PLACE_MIN_SYMBOLS or more
 * of positive weight to go, the tokens left are placed instead (placeTokens): the same law, drawn
 * in one pass.
 * Checks the weights on its first pass, before drawing anything: returns WEIGHTS_VALID, the index
 * of the first weight that is negative or not finite, or NO_POSITIVE_WEIGHT.
 */
export function multinomialCounts(state: usize, weights: usize, k: i32, tokens: f64, counts: usize): i32 {
  let total = 0.0;
  let last = -1, positive = 0;
  for (let i = 0; i < k; i++) {
    const w = load<f64>(weights + (<usize>i << 3));
    if (!(w >= 0.0 && w < Infinity)) return i;
    total += w;
    if (w > 0.0) {
      last = i;
      positive++;
    }
  }
  if (!(total > 0.0)) return NO_POSITIVE_WEIGHT;
  let left = tokens, rest = total;
  for (let i = 0; i < k; i++) {
    const w = load<f64>(weights + (<usize>i << 3));
    let x = 0.0;
    if (left > 0.0 && w > 0.0) {
      // Symbols of weight 0 count for nothing here, so dropping them leaves every draw as it is.
      if (i != last && left * (w / rest) < PLACE_BELOW_MEAN && positive >= PLACE_MIN_SYMBOLS) {
        placeTokens(state, weights, i, k, left, rest, last, counts);
        return WEIGHTS_VALID;
      }
      x = i == last ? left : nextBinomial(state, left, w / rest);
      left -= x;
    }
    if (w > 0.0) positive--;
    rest -= w;
    store<f64>(counts + (<usize>i << 3), x);
  }
  return WEIGHTS_VALID;
}

/**
 * The smallest of `count` uniforms on [above, 1): above + (1 - above)(1 - V^(1/count)), V uniform
 * on (0, 1]. Drawn in turn, they are the order statistics of `count` uniforms, smallest first.
 */
// @ts-ignore: decorator
@inline function smallestAbove(state: usize, above: f64, count: f64): f64 {
  return above + (1.0 - above) * (1.0 - detExp(detLog(1.0 - nextUniform(state)) / count));
}

/**
 * Multinomial counts of `tokens` over symbols from..k-1 (their weight `rest` in all, `last` the
 * last of positive weight): the tokens' positions, uniform on [0, rest), drawn in increasing
 * order, each counted for the symbol whose running weight first passes it; every token still
 * left at `last` goes to it (the running weight can fall short of rest by rounding).
 */
function placeTokens(state: usize, weights: usize, from: i32, k: i32, tokens: f64, rest: f64, last: i32, counts: usize): void {
  let left = tokens, running = 0.0;
  let u = smallestAbove(state, 0.0, left);
  for (let i = from; i < k; i++) {
    running += load<f64>(weights + (<usize>i << 3));
    let x = 0.0;
    if (i == last) {
      x = left;
      left = 0.0;
    }
    while (left > 0.0 && u * rest < running) {
      x += 1.0;
      left -= 1.0;
      if (left > 0.0) u = smallestAbove(state, u, left);
    }
    store<f64>(counts + (<usize>i << 3), x);
    if (left == 0.0) {
      // Every token placed: the rest of the tail gets none.
      memory.fill(counts + (<usize>(i + 1) << 3), 0, <usize>(k - i - 1) << 3);
      return;
    }
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
