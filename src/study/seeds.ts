// Replicate seeds: a 64-bit hash of the scenario name and the cell's canonical parameters,
// mixed with the replicate index and the study's base seed. Neither the position of a cell in
// the grid, nor the number of generations, workers or shards enters, so none of them can
// change a number already computed.
import { canonicalJson } from "./canonical.js";

const MASK64 = (1n << 64n) - 1n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK64;
  }
  return hash;
}

function splitmix64(x: bigint): bigint {
  x = (x + 0x9e3779b97f4a7c15n) & MASK64;
  x = ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return x ^ (x >> 31n);
}

/** The hash of a cell: what makes two cells the same experiment. */
export function cellKey(scenario: string, params: unknown): bigint {
  return fnv1a64(`${scenario}\n${canonicalJson(params)}`);
}

export function replicateSeed(cellHash: bigint, replicate: number, baseSeed: number): bigint {
  return splitmix64(splitmix64(cellHash ^ splitmix64(BigInt(baseSeed))) ^ BigInt(replicate));
}
