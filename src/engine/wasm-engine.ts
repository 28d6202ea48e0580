// The engine on the wasm kernels: blocks live in linear memory and kernels take their byte
// addresses. The generated bindings are checked against the kernel table by the compiler.
import type { Block, TypedArray, TypedArrayConstructor } from "./block.js";
import { Engine, type Address, type WasmBuild } from "./engine.js";
import { matchingTable, type Pointers } from "./kernel-arguments.js";
import { KERNELS, type WasmKernels } from "./kernel-table.js";
import { loadKernels, type KernelExports, type LoadOptions } from "./load.js";
import { allocateBlock, WasmBlock, type WasmHeap } from "./wasm-memory.js";

/** The bindings' kernels: every export but the module's memory and the allocator blocks come from. */
type BoundKernels = Omit<KernelExports, "memory" | "alloc" | "free">;

/** The table's kernels out of the bindings (some are adapters, the rest the module's own exports behind them). */
function tableKernels(module: KernelExports): BoundKernels {
  const entries = Object.keys(KERNELS).map((name) => {
    const kernel = (module as unknown as Record<string, unknown>)[name];
    if (typeof kernel !== "function") throw new Error(`the wasm module has no kernel ${name}: rebuild it (npm run build)`);
    return [name, kernel];
  });
  return Object.fromEntries(entries) as BoundKernels;
}

export class WasmEngine extends Engine<Pointers> implements WasmHeap {
  readonly kind = "wasm" as const;
  readonly kernels: WasmKernels;

  constructor(
    private readonly module: KernelExports,
    readonly build: WasmBuild,
  ) {
    super();
    this.kernels = matchingTable<WasmKernels>()(tableKernels(module));
  }

  static async create(options: LoadOptions = {}): Promise<WasmEngine> {
    const { exports, build } = await loadKernels(options);
    return new WasmEngine(exports, build);
  }

  get memory(): WebAssembly.Memory {
    return this.module.memory;
  }

  alloc(bytes: number): number {
    return this.module.alloc(bytes);
  }

  free(ptr: number): void {
    this.module.free(ptr);
  }

  protected allocate<T extends TypedArray>(type: TypedArrayConstructor<T>, length: number): Block<T> {
    return allocateBlock(this, type, length);
  }

  addressOf<T extends TypedArray>(block: Block<T>): Address<Pointers, T> {
    if (!(block instanceof WasmBlock) || block.heap !== this) throw new TypeError("block belongs to another engine");
    return block.ptr as Address<Pointers, T>;
  }
}
