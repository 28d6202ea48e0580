// The engine on the plain-TypeScript reference kernels: blocks are ordinary typed arrays.
import type { Block, TypedArray, TypedArrayConstructor } from "./block.js";
import { Engine, type Address } from "./engine.js";
import type { Arrays } from "./kernel-arguments.js";
import { referenceKernels } from "./reference/kernels.js";

class ArrayBlock<T extends TypedArray> implements Block<T> {
  constructor(
    readonly engine: ReferenceEngine,
    readonly view: T,
  ) {}

  get length(): number {
    return this.view.length;
  }

  slice(offset: number, length: number): ArrayBlock<T> {
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > this.length) {
      throw new RangeError(`slice [${offset}, ${offset + length}) is outside a block of length ${this.length}`);
    }
    return new ArrayBlock(this.engine, this.view.subarray(offset, offset + length) as T);
  }

  set(values: ArrayLike<number>, offset = 0): void {
    this.view.set(values, offset);
  }

  toArray(): T {
    return this.view.slice() as T;
  }

  free(): void {}
}

export class ReferenceEngine extends Engine<Arrays> {
  readonly kind = "js" as const;
  readonly build = "reference" as const;
  readonly kernels = referenceKernels;

  protected allocate<T extends TypedArray>(type: TypedArrayConstructor<T>, length: number): Block<T> {
    return new ArrayBlock(this, new type(length));
  }

  addressOf<T extends TypedArray>(block: Block<T>): Address<Arrays, T> {
    if (!(block instanceof ArrayBlock) || block.engine !== this) throw new TypeError("block belongs to another engine");
    return block.view as Address<Arrays, T>;
  }
}
