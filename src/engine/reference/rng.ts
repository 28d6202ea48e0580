// The random stream of assembly/rng.ts in plain TypeScript: four xoshiro128** lanes refill a
// buffer of pairs of 32-bit words that draws consume in order. The state is a Uint32Array
// with the wasm layout (constants/stream.ts, in words here), so a stream can be compared word
// for word across engines.
import { STREAM_LANES_OFFSET, STREAM_CURSOR_OFFSET, STREAM_BUFFER_OFFSET, STREAM_BUFFER_PAIRS } from "../constants/stream.js";

const LANES_WORD = STREAM_LANES_OFFSET / 4;
const CURSOR_WORD = STREAM_CURSOR_OFFSET / 4;
const BUFFER_WORD = STREAM_BUFFER_OFFSET / 4;
const BUFFER_PAIRS = STREAM_BUFFER_PAIRS;

const MASK64 = (1n << 64n) - 1n;

function splitmix64(x: bigint): bigint {
  x = ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return x ^ (x >> 31n);
}

/** A fresh stream state for a 64-bit seed (lo, hi words) and a stream number. */
export function rngSeed(state: Uint32Array, seedLo: number, seedHi: number, stream: number): void {
  let x = ((BigInt(seedHi >>> 0) << 32n) | BigInt(seedLo >>> 0)) ^ ((BigInt(stream >>> 0) * 0xd1b54a32d192ed03n) & MASK64);
  for (let lane = 0; lane < 4; lane++) {
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    const w01 = splitmix64(x);
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    const w23 = splitmix64(x);
    let w0 = Number(w01 & 0xffffffffn);
    const w1 = Number(w01 >> 32n), w2 = Number(w23 & 0xffffffffn), w3 = Number(w23 >> 32n);
    if ((w0 | w1 | w2 | w3) === 0) w0 = 1;
    state[LANES_WORD + lane] = w0;
    state[LANES_WORD + 4 + lane] = w1;
    state[LANES_WORD + 8 + lane] = w2;
    state[LANES_WORD + 12 + lane] = w3;
  }
  state.fill(0, CURSOR_WORD);
  state[CURSOR_WORD] = BUFFER_PAIRS;
}

/** Advances the four lanes BUFFER_PAIRS / 2 steps, writing their outputs in lane order. */
export function rngRefill(state: Uint32Array): void {
  const steps = BUFFER_PAIRS >> 1;
  for (let lane = 0; lane < 4; lane++) {
    // Word k of lane `lane` is at LANES_WORD + 4 k + lane.
    const at = LANES_WORD + lane;
    let s0 = state[at], s1 = state[at + 4], s2 = state[at + 8], s3 = state[at + 12];
    for (let k = 0; k < steps; k++) {
      const m = Math.imul(s1, 5);
      state[BUFFER_WORD + 4 * k + lane] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    state[at] = s0;
    state[at + 4] = s1;
    state[at + 8] = s2;
    state[at + 12] = s3;
  }
  state[CURSOR_WORD] = 0;
}

/** Index (in words) of the next pair, refilling the buffer when it is spent. */
export function takePair(state: Uint32Array): number {
  let cursor = state[CURSOR_WORD];
  if (cursor === BUFFER_PAIRS) {
    rngRefill(state);
    cursor = 0;
  }
  state[CURSOR_WORD] = cursor + 1;
  return BUFFER_WORD + 2 * cursor;
}

/** Uniform on [0, 1) from the pair at word w: the top 21 bits of a and all of b. */
export function pairToUniform(state: Uint32Array, w: number): number {
  return ((state[w] >>> 11) * 4294967296 + state[w + 1]) * 1.1102230246251565e-16;
}

export function nextUniform(state: Uint32Array): number {
  return pairToUniform(state, takePair(state));
}

/** Uniform on (0, 1], safe to take the logarithm of. */
export function nextUniformPositive(state: Uint32Array): number {
  return 1.0 - nextUniform(state);
}
