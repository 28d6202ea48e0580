// Layout of a random stream in linear memory. Four xoshiro128** lanes advance together
// (one i32x4 step in the SIMD build) and refill a buffer of 32-bit words that draws consume
// in order, two words (a "pair") per draw. The TypeScript reference uses the same layout.
//
//   offset 0    lanes: four vectors S0..S3, each holding word k of lanes 0..3 (64 bytes)
//   offset 64   cursor: index of the next unread pair in the buffer
//   offset 80   buffer: BUFFER_PAIRS pairs of u32 (word 2j = a, word 2j+1 = b)

// @ts-ignore: decorator
@inline export const LANES_OFFSET: usize = 0;
// @ts-ignore: decorator
@inline export const CURSOR_OFFSET: usize = 64;
// @ts-ignore: decorator
@inline export const BUFFER_OFFSET: usize = 80;
// @ts-ignore: decorator
@inline export const BUFFER_PAIRS: u32 = 256;
// @ts-ignore: decorator
@inline export const STATE_BYTES: usize = BUFFER_OFFSET + (<usize>BUFFER_PAIRS << 3);

/** Bytes to allocate for one random stream. */
export function rngStateBytes(): usize {
  return STATE_BYTES;
}
