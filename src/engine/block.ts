// What lives in an engine's memory: blocks of numbers and random streams. Kernels take them;
// the wasm engine backs them with linear memory, the reference engine with typed arrays.

export type TypedArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

export interface TypedArrayConstructor<T extends TypedArray> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * Numbers resident in an engine's memory. `view` always reflects the current memory: for the
 * wasm engine it is re-made after memory grows, so a Block made before a growth stays usable.
 * Keep the Block, not a view taken from it, across calls that may allocate.
 */
export interface Block<T extends TypedArray> {
  readonly length: number;
  readonly view: T;
  /** Entries [offset, offset + length) as a Block sharing this one's memory (not separately freed). */
  slice(offset: number, length: number): Block<T>;
  /** Copies `values` into the block starting at `offset`. */
  set(values: ArrayLike<number>, offset?: number): void;
  /** A copy of the values that outlives the block. */
  toArray(): T;
  /** Returns the memory to the engine; the block must not be used afterwards. */
  free(): void;
}

export type F64Block = Block<Float64Array>;
export type I32Block = Block<Int32Array>;
export type U32Block = Block<Uint32Array>;
export type U8Block = Block<Uint8Array>;

/** A seeded random stream living in an engine's memory (layout: constants/stream.ts). */
export interface RandomStream {
  readonly seed: bigint;
  readonly stream: number;
  /** The stream's state words (lanes, cursor, buffer): equal across engines for equal histories. */
  stateWords(): Uint32Array;
  free(): void;
}
