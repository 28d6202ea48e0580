// Samplers over a random stream: uniform, normal (ziggurat), Bernoulli, categorical, gamma
// and chi-square. Bulk fills keep the stream's cursor in a local; rare branches go through
// nextPair, which keeps it in memory.
import { CURSOR_OFFSET, BUFFER_PAIRS } from "./rng-state";
import { rngRefill, pairAt, pairToUniform, nextPair, nextUniform, nextUniformPositive } from "./rng";
import { ZIG_X, ZIG_F, ZIG_RATIO, ZIG_R } from "./ziggurat";
import { detExp, detLog } from "./math";

/** out[i] = uniform on [0, 1). */
export function fillUniform(state: usize, out: usize, n: i32): void {
  let cursor = load<u32>(state + CURSOR_OFFSET);
  for (let i = 0; i < n; i++) {
    if (cursor == BUFFER_PAIRS) {
      rngRefill(state);
      cursor = 0;
    }
    store<f64>(out + (<usize>i << 3), pairToUniform(pairAt(state, cursor++)));
  }
  store<u32>(state + CURSOR_OFFSET, cursor);
}

// @ts-ignore: decorator
@inline function layerOf(pair: u64): usize {
  return <usize>(<u32>pair & 255);
}

// @ts-ignore: decorator
@inline function signedUniform(pair: u64): f64 {
  return 2.0 * pairToUniform(pair) - 1.0;
}

/** Normal tail beyond ZIG_R (Marsaglia 1964). */
function normalTail(state: usize, negative: bool): f64 {
  let x: f64, y: f64;
  do {
    x = detLog(nextUniformPositive(state)) / ZIG_R;
    y = detLog(nextUniformPositive(state));
  } while (-2.0 * y < x * x);
  return negative ? x - ZIG_R : ZIG_R - x;
}

/** The ziggurat's rare branch: the base strip's tail, or the wedge test, then fresh attempts. */
function normalSlow(state: usize, u: f64, layer: usize): f64 {
  while (true) {
    if (layer == 0) return normalTail(state, u < 0);
    const x = u * load<f64>(ZIG_X + (layer << 3));
    const f0 = load<f64>(ZIG_F + (layer << 3));
    const f1 = load<f64>(ZIG_F + ((layer + 1) << 3));
    if (f0 + nextUniform(state) * (f1 - f0) < detExp(-0.5 * x * x)) return x;
    const pair = nextPair(state);
    layer = layerOf(pair);
    u = signedUniform(pair);
    if (Math.abs(u) < load<f64>(ZIG_RATIO + (layer << 3))) return u * load<f64>(ZIG_X + (layer << 3));
  }
}

/** One standard normal. */
export function nextNormal(state: usize): f64 {
  const pair = nextPair(state);
  const layer = layerOf(pair);
  const u = signedUniform(pair);
  if (Math.abs(u) < load<f64>(ZIG_RATIO + (layer << 3))) return u * load<f64>(ZIG_X + (layer << 3));
  return normalSlow(state, u, layer);
}

/** out[i] = standard normal. */
export function fillNormal(state: usize, out: usize, n: i32): void {
  let cursor = load<u32>(state + CURSOR_OFFSET);
  for (let i = 0; i < n; i++) {
    if (cursor == BUFFER_PAIRS) {
      rngRefill(state);
      cursor = 0;
    }
    const pair = pairAt(state, cursor++);
    const layer = layerOf(pair);
    const u = signedUniform(pair);
    let z: f64;
    if (Math.abs(u) < load<f64>(ZIG_RATIO + (layer << 3))) {
      z = u * load<f64>(ZIG_X + (layer << 3));
    } else {
      store<u32>(state + CURSOR_OFFSET, cursor);
      z = normalSlow(state, u, layer);
      cursor = load<u32>(state + CURSOR_OFFSET);
    }
    store<f64>(out + (<usize>i << 3), z);
  }
  store<u32>(state + CURSOR_OFFSET, cursor);
}

/** out[i] = 1 with probability p, else 0 (bytes). */
export function fillBernoulli(state: usize, out: usize, n: i32, p: f64): void {
  let cursor = load<u32>(state + CURSOR_OFFSET);
  for (let i = 0; i < n; i++) {
    if (cursor == BUFFER_PAIRS) {
      rngRefill(state);
      cursor = 0;
    }
    store<u8>(out + <usize>i, <u8>(pairToUniform(pairAt(state, cursor++)) < p));
  }
  store<u32>(state + CURSOR_OFFSET, cursor);
}

/**
 * Index drawn from a cumulative table (cdf[j] = p_0 + ... + p_j, not necessarily normalised):
 * the first j with cdf[j] > u * cdf[k-1], so a zero-probability category is never drawn.
 */
// @ts-ignore: decorator
@inline export function categoricalIndex(cdf: usize, k: i32, uniform: f64): i32 {
  const target = uniform * load<f64>(cdf + (<usize>(k - 1) << 3));
  let lo = 0, hi = k - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (load<f64>(cdf + (<usize>mid << 3)) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** out[i] (i32) = category drawn from the cumulative table cdf of length k. */
export function fillCategorical(state: usize, out: usize, n: i32, cdf: usize, k: i32): void {
  let cursor = load<u32>(state + CURSOR_OFFSET);
  for (let i = 0; i < n; i++) {
    if (cursor == BUFFER_PAIRS) {
      rngRefill(state);
      cursor = 0;
    }
    store<i32>(out + (<usize>i << 2), categoricalIndex(cdf, k, pairToUniform(pairAt(state, cursor++))));
  }
  store<u32>(state + CURSOR_OFFSET, cursor);
}

/** One Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 by boosting shape + 1). */
export function nextGamma(state: usize, shape: f64): f64 {
  if (shape < 1.0) {
    const boosted = nextGamma(state, shape + 1.0);
    return boosted * detExp(detLog(nextUniformPositive(state)) / shape);
  }
  const d = shape - 1.0 / 3.0;
  const c = 1.0 / Math.sqrt(9.0 * d);
  while (true) {
    const x = nextNormal(state);
    let v = 1.0 + c * x;
    if (v <= 0.0) continue;
    v = v * v * v;
    const u = nextUniformPositive(state);
    const x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (detLog(u) < 0.5 * x2 + d * (1.0 - v + detLog(v))) return d * v;
  }
}

/** out[i] = Gamma(shape, 1). */
export function fillGamma(state: usize, out: usize, n: i32, shape: f64): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), nextGamma(state, shape));
}

/** out[i] = chi-square with `dof` degrees of freedom (2 * Gamma(dof / 2)). */
export function fillChiSquare(state: usize, out: usize, n: i32, dof: f64): void {
  const shape = 0.5 * dof;
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), 2.0 * nextGamma(state, shape));
}
