// The categorical-tails passes over K symbols, one loop each, every sum in index order
// (src/engine/reference/categorical-tails.ts gives the same bits): the temperature step of the
// sampling transform, a model's metrics against the base p0, and the exact expectations of the
// next round's metrics given the current state.
import { detExp, detLog } from "./math";
import { detLog1p } from "./log-factorial";

// @ts-ignore: decorator
@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 3);
}

/**
 * out = p^(1/tau) on the support of p, normalised: exp((ln p - ln max p) / tau), which cannot
 * underflow for the largest entry.
 */
export function temperatureTransform(p: usize, k: i32, inverseTemperature: f64, out: usize): void {
  let top = 0.0;
  for (let i = 0; i < k; i++) {
    const x = load<f64>(at(p, i));
    if (x > top) top = x;
  }
  const logTop = detLog(top);
  let total = 0.0;
  for (let i = 0; i < k; i++) {
    const x = load<f64>(at(p, i));
    const v = x > 0.0 ? detExp((detLog(x) - logTop) * inverseTemperature) : 0.0;
    store<f64>(at(out, i), v);
    total += v;
  }
  for (let i = 0; i < k; i++) store<f64>(at(out, i), load<f64>(at(out, i)) / total);
}

/**
 * stats[0..4] = supportSize, lostMass (the p0 mass where p = 0), tailMass (p's mass from index
 * tailRank on), gini = 1 - sum p^2 and entropy -sum p ln p, of the model p.
 */
export function categoricalTailsMetrics(p: usize, p0: usize, k: i32, tailRank: i32, stats: usize): void {
  let support = 0.0, lost = 0.0, tail = 0.0, squares = 0.0, entropy = 0.0;
  for (let i = 0; i < k; i++) {
    const x = load<f64>(at(p, i));
    if (x > 0.0) {
      support += 1.0;
      squares += x * x;
      entropy -= x * detLog(x);
    } else {
      lost += load<f64>(at(p0, i));
    }
    if (i >= tailRank) tail += x;
  }
  store<f64>(stats, support);
  store<f64>(stats, lost, 8);
  store<f64>(stats, tail, 16);
  store<f64>(stats, 1.0 - squares, 24);
  store<f64>(stats, entropy, 32);
}

/**
 * keep[0..m) = the entries i < k with source_i > 0, in order; returns m, with dead[0] = the sum
 * of p0 over the others (in index order). Without branches: on a large support, which symbols
 * are still alive is a coin flip for each rare one.
 */
export function liveSymbols(source: usize, p0: usize, k: i32, keep: usize, dead: usize): i32 {
  let m = 0, lost = 0.0;
  for (let i = 0; i < k; i++) {
    const alive = load<f64>(at(source, i)) > 0.0;
    store<i32>(keep + (<usize>m << 2), i);
    m += <i32>alive;
    lost += select<f64>(0.0, load<f64>(at(p0, i)), alive);
  }
  store<f64>(dead, lost);
  return m;
}

/** Below this q, ln(1 - q) is its six-term series (error under q^7/7, far below rounding): no logarithm for the tail. */
// @ts-ignore: decorator
@inline const SERIES_BELOW: f64 = 0.0009765625;

/** (1 - q)^m, the chance that m tokens of a distribution giving q miss the symbol. */
// @ts-ignore: decorator
@inline function miss(q: f64, m: f64): f64 {
  if (m == 0.0 || q <= 0.0) return 1.0;
  if (q >= 1.0) return 0.0;
  const log = q < SERIES_BELOW ? -q * (1.0 + q * (0.5 + q * (1.0 / 3.0 + q * (0.25 + q * (0.2 + q / 6.0))))) : detLog1p(-q);
  return detExp(m * log);
}

/**
 * stats[0..3] = E[supportSize, lostMass, tailMass, gini of the next model | now], for a round that
 * trains on fixed counts F (hasFixed; the pool or a real set), `real` fresh tokens from p0 and
 * `synthetic` tokens from q: a symbol is absent when F_i = 0 and no fresh token hits it, and
 * E sum p^2 expands over the three parts.
 */
export function categoricalTailsConditional(
  p0: usize, q: usize, fixed: usize, hasFixed: bool, k: i32, real: f64, synthetic: f64, tailRank: i32, stats: usize,
): void {
  let fixedTotal = 0.0, ff = 0.0, fq = 0.0, f0 = 0.0, qq = 0.0, q0 = 0.0, p2 = 0.0;
  let support = 0.0, lost = 0.0, tailFixed = 0.0, tailBase = 0.0, tailQ = 0.0;
  // Without fixed counts or real tokens (replace, for one), the sums of f and of p0's products
  // stay 0 and only four are needed: the same terms in the same order, so the same bits.
  const synthesisOnly = !hasFixed && real == 0.0;
  for (let i = 0; synthesisOnly && i < k; i++) {
    const x = load<f64>(at(q, i));
    qq += x * x;
    const absent = miss(x, synthetic);
    support += 1.0 - absent;
    lost += load<f64>(at(p0, i)) * absent;
    if (i >= tailRank) tailQ += x;
  }
  for (let i = 0; !synthesisOnly && i < k; i++) {
    const f = hasFixed ? load<f64>(at(fixed, i)) : 0.0;
    const b = load<f64>(at(p0, i)), x = load<f64>(at(q, i));
    fixedTotal += f;
    ff += f * f;
    fq += f * x;
    f0 += f * b;
    qq += x * x;
    q0 += x * b;
    p2 += b * b;
    const absent = f > 0.0 ? 0.0 : miss(x, synthetic) * miss(b, real);
    support += 1.0 - absent;
    lost += b * absent;
    if (i >= tailRank) {
      tailFixed += f;
      tailBase += b;
      tailQ += x;
    }
  }
  const total = fixedTotal + real + synthetic;
  const squares =
    (ff + 2.0 * synthetic * fq + 2.0 * real * f0 + real + real * (real - 1.0) * p2 + 2.0 * real * synthetic * q0 + synthetic + synthetic * (synthetic - 1.0) * qq) /
    (total * total);
  store<f64>(stats, support);
  store<f64>(stats, lost, 8);
  store<f64>(stats, (tailFixed + real * tailBase + synthetic * tailQ) / total, 16);
  store<f64>(stats, 1.0 - squares, 24);
}
