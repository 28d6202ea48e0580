// The sampler kernels: fill a block from a random stream (uniform, normal, Bernoulli,
// categorical, gamma, chi-square, beta). Every export here is a kernel of the module
// (assembly/index.ts exports them all) with its line in src/engine/kernel-table.ts; draws one
// at a time live in their own files (normal.ts, gamma.ts). Bulk fills keep the stream's cursor in a local; rare
// branches go through nextPair, which keeps it in memory.
import { STREAM_CURSOR_OFFSET, STREAM_BUFFER_PAIRS } from "../src/engine/constants/stream";
import { refillIfSpent, beginRun, runStart, takeRun, pairsAddress, pairAt, pairToUniform, pairToSignedUniform, nextUniformPositive } from "./rng";
import { EXPONENT_2_84, EXPONENT_2_52, BIAS_UNIFORM, BIAS_SIGNED, SCALE_UNIFORM, SCALE_SIGNED, splicePairs } from "./pair-lanes";
import { ZIG_X, ZIG_RATIO, ZIG_RATIO_X } from "./ziggurat";
import { layerOf, normalSlow } from "./normal";
import { nextGamma } from "./gamma";
import { detExp, detLog } from "./math";

/** out[k] = the uniform of pair k at `pairs`, for k < count: the buffer read in order. */
// @ts-ignore: decorator
@inline function uniformsFromPairs(pairs: usize, out: usize, count: i32): void {
  let k = 0;
  if (ASC_FEATURE_SIMD) {
    const exponent84 = v128.load(EXPONENT_2_84), exponent52 = v128.load(EXPONENT_2_52);
    const bias = v128.load(BIAS_UNIFORM), scale = v128.load(SCALE_UNIFORM);
    for (; k + 4 <= count; k += 4) {
      const p = pairs + (<usize>k << 3), o = out + (<usize>k << 3);
      v128.store(o, f64x2.mul(splicePairs(v128.load(p), exponent84, exponent52, bias), scale));
      v128.store(o, f64x2.mul(splicePairs(v128.load(p, 16), exponent84, exponent52, bias), scale), 16);
    }
  }
  for (; k < count; k++) store<f64>(out + (<usize>k << 3), pairToUniform(load<u64>(pairs + (<usize>k << 3))));
}

/** out[i] = uniform on [0, 1). Converts the buffer a run of pairs at a time, refilling between runs. */
export function fillUniform(state: usize, out: usize, n: i32): void {
  for (let i = 0, run = 0; i < n; i += run) {
    run = beginRun(state, n - i);
    uniformsFromPairs(runStart(state), out + (<usize>i << 3), run);
    takeRun(state, run);
  }
}

/** Both lanes -0.0: andnot with it is |x|. */
const SIGN_BITS: usize = memory.data<f64>([-0.0, -0.0], 16);

/**
 * out[i] = standard normal. The SIMD build tests four candidates per iteration, two per v128
 * (one load fetches a layer's ratio and width, see ZIG_RATIO_X), and keeps those before the
 * first that falls outside its layer's rectangle (1.5% do), which goes to the rare branch;
 * the scalar build, and the SIMD build for a run's last few, test one candidate at a time.
 * Either way the stream is consumed exactly as the reference consumes it.
 */
export function fillNormal(state: usize, out: usize, n: i32): void {
  let cursor = load<u32>(state + STREAM_CURSOR_OFFSET);
  let i = 0;
  while (i < n) {
    cursor = refillIfSpent(state, cursor);
    // Candidates left in the buffer that can still become outputs.
    let run = min<i32>(n - i, <i32>(STREAM_BUFFER_PAIRS - cursor));
    let rejected = false;
    if (ASC_FEATURE_SIMD) {
      const exponent84 = v128.load(EXPONENT_2_84), exponent52 = v128.load(EXPONENT_2_52);
      const bias = v128.load(BIAS_SIGNED), scale = v128.load(SCALE_SIGNED), signBits = v128.load(SIGN_BITS);
      for (; run >= 4; run -= 4) {
        const pairs = pairsAddress(state, cursor);
        const u01 = f64x2.mul(splicePairs(v128.load(pairs), exponent84, exponent52, bias), scale);
        const u23 = f64x2.mul(splicePairs(v128.load(pairs, 16), exponent84, exponent52, bias), scale);
        // Each candidate's layer is the low byte of its word a; one load fetches (ratio, x).
        const layer0 = v128.load(<usize>load<u8>(pairs) << 4, ZIG_RATIO_X);
        const layer1 = v128.load(<usize>load<u8>(pairs, 8) << 4, ZIG_RATIO_X);
        const layer2 = v128.load(<usize>load<u8>(pairs, 16) << 4, ZIG_RATIO_X);
        const layer3 = v128.load(<usize>load<u8>(pairs, 24) << 4, ZIG_RATIO_X);
        const inside01 = f64x2.lt(v128.andnot(u01, signBits), v128.shuffle<f64>(layer0, layer1, 0, 2));
        const inside23 = f64x2.lt(v128.andnot(u23, signBits), v128.shuffle<f64>(layer2, layer3, 0, 2));
        // Stored before the test: entries from a rejected candidate on are rewritten later (i + 4 <= n).
        const o = out + (<usize>i << 3);
        v128.store(o, f64x2.mul(u01, v128.shuffle<f64>(layer0, layer1, 1, 3)));
        v128.store(o, f64x2.mul(u23, v128.shuffle<f64>(layer2, layer3, 1, 3)), 16);
        const outside = i32x4.bitmask(v128.shuffle<i32>(inside01, inside23, 0, 2, 4, 6)) ^ 15;
        if (outside != 0) {
          // Keep the candidates before the first rejected one.
          const accepted = ctz(outside);
          i += accepted;
          cursor += accepted;
          rejected = true;
          break;
        }
        i += 4;
        cursor += 4;
      }
    }
    if (!rejected) {
      // One candidate at a time: the scalar build's loop, the SIMD build's last few. A rejected
      // candidate leaves the loop, so that no value in it lives across the rare branch's call.
      for (; run > 0; run--) {
        const pair = pairAt(state, cursor);
        const layer = layerOf(pair);
        const u = pairToSignedUniform(pair);
        if (!(Math.abs(u) < load<f64>(ZIG_RATIO + (layer << 3)))) {
          rejected = true;
          break;
        }
        store<f64>(out + (<usize>i << 3), u * load<f64>(ZIG_X + (layer << 3)));
        i++;
        cursor++;
      }
    }
    if (rejected) {
      // The rare branch draws more pairs through the cursor in memory, maybe refilling.
      const pair = pairAt(state, cursor);
      store<u32>(state + STREAM_CURSOR_OFFSET, cursor + 1);
      store<f64>(out + (<usize>i << 3), normalSlow(state, pairToSignedUniform(pair), layerOf(pair)));
      i++;
      cursor = load<u32>(state + STREAM_CURSOR_OFFSET);
    }
  }
  store<u32>(state + STREAM_CURSOR_OFFSET, cursor);
}

/** out[i] = 1 with probability p, else 0 (bytes). */
export function fillBernoulli(state: usize, out: usize, n: i32, p: f64): void {
  for (let i = 0, run = 0; i < n; i += run) {
    run = beginRun(state, n - i);
    const pairs = runStart(state), o = out + <usize>i;
    for (let k = 0; k < run; k++) store<u8>(o + <usize>k, <u8>(pairToUniform(load<u64>(pairs + (<usize>k << 3))) < p));
    takeRun(state, run);
  }
}

/**
 * Index drawn from a cumulative table (cdf[j] = p_0 + ... + p_j, not necessarily normalised):
 * the first j with cdf[j] > u * cdf[k-1], so a zero-probability category is never drawn.
 */
// @ts-ignore: decorator
@inline function categoricalIndex(cdf: usize, k: i32, uniform: f64): i32 {
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
  for (let i = 0, run = 0; i < n; i += run) {
    run = beginRun(state, n - i);
    const pairs = runStart(state), o = out + (<usize>i << 2);
    for (let j = 0; j < run; j++) {
      store<i32>(o + (<usize>j << 2), categoricalIndex(cdf, k, pairToUniform(load<u64>(pairs + (<usize>j << 3)))));
    }
    takeRun(state, run);
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

/**
 * The logarithm of one Gamma(shape, 1) draw, consuming the stream as nextGamma does; for
 * shape < 1 it is summed in logarithms, so that a tiny shape's draw does not underflow to 0.
 */
function logGammaDraw(state: usize, shape: f64): f64 {
  if (shape >= 1.0) return detLog(nextGamma(state, shape));
  const boosted = nextGamma(state, shape + 1.0);
  return detLog(boosted) + detLog(nextUniformPositive(state)) / shape;
}

/** out[i] = Beta(a, b): X / (X + Y) for X ~ Gamma(a) then Y ~ Gamma(b), as 1 / (1 + e^(ln Y - ln X)). */
export function fillBeta(state: usize, out: usize, n: i32, a: f64, b: f64): void {
  for (let i = 0; i < n; i++) {
    const x = logGammaDraw(state, a);
    const y = logGammaDraw(state, b);
    store<f64>(out + (<usize>i << 3), 1.0 / (1.0 + detExp(y - x)));
  }
}
