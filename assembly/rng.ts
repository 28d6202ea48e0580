// The random stream: seeding and refilling the pair buffer, and the primitive that every
// sampler consumes, a 53-bit uniform built from one pair. The stream's layout in memory is
// src/engine/constants/stream.ts.
import { STREAM_LANES_OFFSET, STREAM_CURSOR_OFFSET, STREAM_BUFFER_OFFSET, STREAM_BUFFER_PAIRS, STREAM_STATE_BYTES } from "../src/engine/constants/stream";

// @ts-ignore: decorator
@inline const TWO_POW_52: i64 = 4503599627370496;
// @ts-ignore: decorator
@inline const TWO_POW_MINUS_52: f64 = 2.220446049250313e-16;
// @ts-ignore: decorator
@inline const TWO_POW_MINUS_53: f64 = 1.1102230246251565e-16;

function splitmix64(x: u64): u64 {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9;
  x = (x ^ (x >> 27)) * 0x94d049bb133111eb;
  return x ^ (x >> 31);
}

/**
 * Seeds a stream from a 64-bit seed (lo, hi) and a stream number: splitmix64 over
 * seed ^ (stream * odd constant) gives the 16 lane words. The buffer starts empty.
 */
export function rngSeed(state: usize, seedLo: u32, seedHi: u32, stream: u32): void {
  let x: u64 = ((<u64>seedHi << 32) | <u64>seedLo) ^ (<u64>stream * 0xd1b54a32d192ed03);
  for (let lane: usize = 0; lane < 4; lane++) {
    x += 0x9e3779b97f4a7c15;
    const w01 = splitmix64(x);
    x += 0x9e3779b97f4a7c15;
    const w23 = splitmix64(x);
    let w0 = <u32>w01, w1 = <u32>(w01 >> 32), w2 = <u32>w23, w3 = <u32>(w23 >> 32);
    if ((w0 | w1 | w2 | w3) == 0) w0 = 1; // the all-zero state is xoshiro's fixed point
    store<u32>(state + STREAM_LANES_OFFSET + (lane << 2), w0);
    store<u32>(state + STREAM_LANES_OFFSET + 16 + (lane << 2), w1);
    store<u32>(state + STREAM_LANES_OFFSET + 32 + (lane << 2), w2);
    store<u32>(state + STREAM_LANES_OFFSET + 48 + (lane << 2), w3);
  }
  // The padding and the (spent) buffer are zeroed, as in the reference, so that stateWords()
  // compares equal across engines even when the allocator hands back used memory.
  memory.fill(state + STREAM_CURSOR_OFFSET, 0, STREAM_STATE_BYTES - STREAM_CURSOR_OFFSET);
  store<u32>(state + STREAM_CURSOR_OFFSET, STREAM_BUFFER_PAIRS);
}

/** Advances the four lanes STREAM_BUFFER_PAIRS / 2 times, writing their outputs in lane order. */
export function rngRefill(state: usize): void {
  const out = state + STREAM_BUFFER_OFFSET;
  const steps = STREAM_BUFFER_PAIRS >> 1;
  if (ASC_FEATURE_SIMD) {
    let s0 = v128.load(state + STREAM_LANES_OFFSET);
    let s1 = v128.load(state + STREAM_LANES_OFFSET, 16);
    let s2 = v128.load(state + STREAM_LANES_OFFSET, 32);
    let s3 = v128.load(state + STREAM_LANES_OFFSET, 48);
    const five = i32x4.splat(5);
    const nine = i32x4.splat(9);
    // The loop is latency-bound (each step's rotation waits on the previous step's xors), so
    // its bookkeeping is kept to a pointer bump.
    const end = out + (<usize>steps << 4);
    for (let p = out; p < end; p += 16) {
      const m = i32x4.mul(s1, five);
      v128.store(p, i32x4.mul(v128.or(i32x4.shl(m, 7), i32x4.shr_u(m, 25)), nine));
      const t = i32x4.shl(s1, 9);
      s2 = v128.xor(s2, s0);
      s3 = v128.xor(s3, s1);
      s1 = v128.xor(s1, s2);
      s0 = v128.xor(s0, s3);
      s2 = v128.xor(s2, t);
      s3 = v128.or(i32x4.shl(s3, 11), i32x4.shr_u(s3, 21));
    }
    v128.store(state + STREAM_LANES_OFFSET, s0);
    v128.store(state + STREAM_LANES_OFFSET, s1, 16);
    v128.store(state + STREAM_LANES_OFFSET, s2, 32);
    v128.store(state + STREAM_LANES_OFFSET, s3, 48);
  } else {
    for (let lane: usize = 0; lane < 4; lane++) {
      const base = state + STREAM_LANES_OFFSET + (lane << 2);
      let s0 = load<u32>(base), s1 = load<u32>(base, 16), s2 = load<u32>(base, 32), s3 = load<u32>(base, 48);
      const end = out + (<usize>steps << 4);
      // Two steps per iteration (steps is even) halve V8's per-iteration overhead: a stack
      // check, the bound test and the moves that rotate the state through registers.
      for (let p = out + (lane << 2); p < end; p += 32) {
        store<u32>(p, rotl<u32>(s1 * 5, 7) * 9);
        let t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = rotl<u32>(s3, 11);
        store<u32>(p, rotl<u32>(s1 * 5, 7) * 9, 16);
        t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = rotl<u32>(s3, 11);
      }
      store<u32>(base, s0);
      store<u32>(base, s1, 16);
      store<u32>(base, s2, 32);
      store<u32>(base, s3, 48);
    }
  }
  store<u32>(state + STREAM_CURSOR_OFFSET, 0);
}

/**
 * The cursor, after refilling the buffer if it is spent: draws that keep the cursor in a local
 * call this before each pair or run of pairs they take.
 */
// @ts-ignore: decorator
@inline export function refillIfSpent(state: usize, cursor: u32): u32 {
  if (cursor == STREAM_BUFFER_PAIRS) {
    rngRefill(state);
    return 0;
  }
  return cursor;
}

/**
 * Starts a run of consecutive unread pairs, at most `wanted` of them, refilling a spent buffer
 * first; returns the run's length. Its pairs start at runStart(state); takeRun marks them read.
 * Bulk fills that turn each pair into one output go through the buffer a run at a time.
 */
// @ts-ignore: decorator
@inline export function beginRun(state: usize, wanted: i32): i32 {
  const cursor = refillIfSpent(state, load<u32>(state + STREAM_CURSOR_OFFSET));
  store<u32>(state + STREAM_CURSOR_OFFSET, cursor);
  return min<i32>(wanted, <i32>(STREAM_BUFFER_PAIRS - cursor));
}

/** Address of the first pair of the current run (see beginRun). */
// @ts-ignore: decorator
@inline export function runStart(state: usize): usize {
  return pairsAddress(state, load<u32>(state + STREAM_CURSOR_OFFSET));
}

/** Marks the first `length` pairs of the current run read. */
// @ts-ignore: decorator
@inline export function takeRun(state: usize, length: i32): void {
  store<u32>(state + STREAM_CURSOR_OFFSET, load<u32>(state + STREAM_CURSOR_OFFSET) + <u32>length);
}

/** Address of pair number `cursor` of the buffer. */
// @ts-ignore: decorator
@inline export function pairsAddress(state: usize, cursor: u32): usize {
  return state + STREAM_BUFFER_OFFSET + (<usize>cursor << 3);
}

/** Reads pair number `cursor` of the buffer as a | b << 32. */
// @ts-ignore: decorator
@inline export function pairAt(state: usize, cursor: u32): u64 {
  return load<u64>(pairsAddress(state, cursor));
}

/**
 * The pair's 53 random bits as an integer, (a >>> 11) * 2^32 + b: the top 21 bits of a, then
 * all of b. In the pair a | b << 32, (a >>> 11) << 32 is (a with its low 11 bits cleared) << 21.
 */
// @ts-ignore: decorator
@inline export function pairToInt53(pair: u64): i64 {
  return <i64>((pair >> 32) | ((pair & 0xfffff800) << 21));
}

/** Uniform on [0, 1): the 53-bit integer (converted exactly) times 2^-53. */
// @ts-ignore: decorator
@inline export function pairToUniform(pair: u64): f64 {
  return <f64>pairToInt53(pair) * TWO_POW_MINUS_53;
}

/**
 * 2U - 1 on [-1, 1) for U = pairToUniform(pair): (int53 - 2^52) * 2^-52 is exactly
 * 2 * (int53 * 2^-53) - 1, with one integer subtraction instead of two float operations.
 */
// @ts-ignore: decorator
@inline export function pairToSignedUniform(pair: u64): f64 {
  return <f64>(pairToInt53(pair) - TWO_POW_52) * TWO_POW_MINUS_52;
}

/**
 * Takes the next pair, keeping the cursor in memory. For draws off the hot path (rejection
 * branches, gamma); bulk fills keep the cursor in a local instead.
 */
export function nextPair(state: usize): u64 {
  const cursor = refillIfSpent(state, load<u32>(state + STREAM_CURSOR_OFFSET));
  store<u32>(state + STREAM_CURSOR_OFFSET, cursor + 1);
  return pairAt(state, cursor);
}

/** One uniform on [0, 1). */
export function nextUniform(state: usize): f64 {
  return pairToUniform(nextPair(state));
}

/** One uniform on (0, 1], safe to take the logarithm of. */
// @ts-ignore: decorator
@inline export function nextUniformPositive(state: usize): f64 {
  return 1.0 - nextUniform(state);
}
