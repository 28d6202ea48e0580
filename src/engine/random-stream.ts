// A random stream as every engine holds it: its seed, its stream number, and its state in a
// block of the engine's memory (layout: constants/stream.ts), which the kernels advance.
import type { RandomStream, U32Block } from "./block.js";
import { STREAM_STATE_BYTES } from "./constants/stream.js";

/** 32-bit words of a stream's state. */
export const STREAM_STATE_WORDS = STREAM_STATE_BYTES / 4;

/** Seeds are 64-bit: the study layer hashes parameters into them, so they exceed 2^53. */
export const MAX_SEED = (1n << 64n) - 1n;

/** Splits a seed into its low and high 32-bit words, rejecting what is not a 64-bit unsigned integer. */
export function seedWords(seed: bigint | number): { seed: bigint; lo: number; hi: number } {
  if (typeof seed === "number" && !Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be an integer in [0, 2^53) as a number or [0, 2^64) as a bigint, got ${seed}`);
  }
  const big = BigInt(seed);
  if (big < 0n || big > MAX_SEED) throw new RangeError(`seed must be in [0, 2^64), got ${big}`);
  return { seed: big, lo: Number(big & 0xffffffffn), hi: Number(big >> 32n) };
}

export function checkStreamNumber(stream: number): number {
  if (!Number.isInteger(stream) || stream < 0 || stream > 0xffffffff) {
    throw new RangeError(`stream must be an integer in [0, 2^32), got ${stream}`);
  }
  return stream;
}

export class EngineStream implements RandomStream {
  constructor(
    /** The engine whose memory holds the state: only its kernels may advance it. */
    readonly owner: object,
    /** STREAM_STATE_WORDS words: lanes, cursor, buffer. */
    readonly state: U32Block,
    /** The state's address as the owner's kernels take it (it never moves: taken once). */
    readonly address: unknown,
    readonly seed: bigint,
    readonly stream: number,
  ) {}

  stateWords(): Uint32Array {
    return this.state.toArray();
  }

  free(): void {
    this.state.free();
  }
}
