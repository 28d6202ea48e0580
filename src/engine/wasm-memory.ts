// Blocks of wasm linear memory seen through typed arrays. memory.grow detaches the old
// ArrayBuffer, so each block re-makes its view when the buffer it was made on is stale.
import type { Block, TypedArray } from "./block.js";

type TypedArrayConstructor<T extends TypedArray> = {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

export interface WasmHeap {
  readonly memory: WebAssembly.Memory;
  /** The allocator's address for `bytes`; it traps (WebAssembly.RuntimeError) when memory cannot grow. */
  alloc(bytes: number): number;
  free(ptr: number): void;
}

export class WasmBlock<T extends TypedArray> implements Block<T> {
  private cachedView: T | undefined;

  constructor(
    readonly heap: WasmHeap,
    private readonly type: TypedArrayConstructor<T>,
    /** Byte address in linear memory: what kernels take. */
    readonly ptr: number,
    readonly length: number,
    /** The allocation this block owns, or undefined for a slice of another block. */
    private readonly owned: boolean,
  ) {}

  get view(): T {
    const buffer = this.heap.memory.buffer;
    if (this.cachedView === undefined || this.cachedView.buffer !== buffer) {
      this.cachedView = new this.type(buffer, this.ptr, this.length);
    }
    return this.cachedView;
  }

  slice(offset: number, length: number): WasmBlock<T> {
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > this.length) {
      throw new RangeError(`slice [${offset}, ${offset + length}) is outside a block of length ${this.length}`);
    }
    return new WasmBlock(this.heap, this.type, this.ptr + offset * this.type.BYTES_PER_ELEMENT, length, false);
  }

  set(values: ArrayLike<number>, offset = 0): void {
    this.view.set(values, offset);
  }

  toArray(): T {
    return this.view.slice() as T;
  }

  free(): void {
    if (!this.owned) throw new Error("a slice shares its parent's memory: free the parent block instead");
    this.heap.free(this.ptr);
    this.cachedView = undefined;
  }
}

/** wasm32 linear memory: 32-bit addresses, at most 4 GiB. */
export const WASM32_MEMORY_BYTES = 2 ** 32;

/**
 * `bytes` of the heap. The AssemblyScript allocator never returns 0: when memory.grow fails
 * (the 4 GiB of wasm32, or less if the host refuses) it traps with a WebAssembly.RuntimeError,
 * rethrown here as a RangeError that says what was asked. A trap unwinds the module with no
 * cleanup and nothing guarantees the allocator's state after it: do not reuse the engine (its
 * blocks and streams included); make a new one.
 * A single block larger than the allocator serves (2^30 bytes less a header) is refused by the
 * allocator itself, with an Error, before it changes anything.
 */
export function allocateBytes(heap: WasmHeap, bytes: number): number {
  // The kernel takes a 32-bit size: a larger one would wrap to a small allocation.
  if (bytes >= WASM32_MEMORY_BYTES) {
    throw new RangeError(`cannot allocate ${bytes} bytes: wasm32 memory holds at most ${WASM32_MEMORY_BYTES} bytes (4 GiB)`);
  }
  try {
    return heap.alloc(bytes);
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    throw new RangeError(
      `wasm memory exhausted allocating ${bytes} bytes (wasm32 memory holds at most 4 GiB; this engine's ` +
        `has grown to ${heap.memory.buffer.byteLength} bytes); this engine must not be used again: create a new one`,
      { cause: error },
    );
  }
}

export function allocateBlock<T extends TypedArray>(heap: WasmHeap, type: TypedArrayConstructor<T>, length: number): WasmBlock<T> {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`block length must be a non-negative integer, got ${length}`);
  const bytes = Math.max(length * type.BYTES_PER_ELEMENT, 8);
  const ptr = allocateBytes(heap, bytes);
  const block = new WasmBlock(heap, type, ptr, length, true);
  block.view.fill(0);
  return block;
}
