// Two pairs of the stream's buffer at once (SIMD build only): a v128 holding the words
// (a0, b0, a1, b1) becomes the f64x2 of the pairs' 53-bit integers (a >>> 11) * 2^32 + b,
// the numerator of pairToUniform in rng.ts, less a constant.
//
// No integer-to-float instruction is needed (wasm SIMD has none for 64-bit lanes): the
// exponent-splicing trick compilers use to lower u64 -> f64 (LLVM's x86 uitofp sequence)
// places a >>> 11 under the exponent of 2^84 and b under that of 2^52, so the lanes read as
// 2^84 + (a >>> 11) * 2^32 and 2^52 + b. Subtracting a bias from the first and adding the
// second is exact (each result is a multiple of 2^32, resp. an integer, below 2^53 in
// magnitude), so the results, and their power-of-two scalings, equal the scalar
// conversions bit for bit.
//
// The constants live in memory and fills load them into locals before their loops: V8
// rebuilds an inline v128 constant (three instructions) at every use inside a loop.

/** Both lanes 0x4530000000000000, the exponent of 2^84 (high words only). */
export const EXPONENT_2_84: usize = memory.data<u64>([0x4530000000000000, 0x4530000000000000], 16);
/** Both lanes 0x4330000000000000, the exponent of 2^52. */
export const EXPONENT_2_52: usize = memory.data<u64>([0x4330000000000000, 0x4330000000000000], 16);
/** Both lanes 2^84 + 2^52 (bit pattern 0x4530000000100000): leaves the 53-bit integer itself. */
export const BIAS_UNIFORM: usize = memory.data<u64>([0x4530000000100000, 0x4530000000100000], 16);
/** Both lanes 2^84 + 2^53 (bit pattern 0x4530000000200000): leaves the 53-bit integer minus 2^52. */
export const BIAS_SIGNED: usize = memory.data<u64>([0x4530000000200000, 0x4530000000200000], 16);
/** Both lanes 2^-53: scales the 53-bit integer to a uniform on [0, 1). */
export const SCALE_UNIFORM: usize = memory.data<u64>([0x3ca0000000000000, 0x3ca0000000000000], 16);
/** Both lanes 2^-52: scales the integer minus 2^52 to a signed uniform on [-1, 1). */
export const SCALE_SIGNED: usize = memory.data<u64>([0x3cb0000000000000, 0x3cb0000000000000], 16);

/**
 * f64x2 of the two pairs' (a >>> 11) * 2^32 + b + 2^84 - bias, exactly, given the v128
 * loads of EXPONENT_2_84, EXPONENT_2_52 and a bias. Uniforms: BIAS_UNIFORM, then times
 * SCALE_UNIFORM. Signed uniforms 2U - 1: BIAS_SIGNED, then times SCALE_SIGNED, as
 * (int53 - 2^52) * 2^-52 is exactly 2 * (int53 * 2^-53) - 1.
 */
// @ts-ignore: decorator
@inline export function splicePairs(words: v128, exponent84: v128, exponent52: v128, bias: v128): v128 {
  // Blending the exponent into the odd words is one instruction (V8 matches pblendw).
  const high = v128.shuffle<i32>(i32x4.shr_u(words, 11), exponent84, 0, 5, 2, 7);
  const low = v128.or(i64x2.shr_u(words, 32), exponent52);
  return f64x2.add(f64x2.sub(high, bias), low);
}
