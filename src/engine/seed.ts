// Seeds are 64-bit: the study layer hashes parameters into them, so they exceed 2^53.

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
