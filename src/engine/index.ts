// Making an engine: the wasm kernels (default) or the plain-TypeScript reference. The reference
// is imported only when asked for, so that bundles (and the prebuilt browser module) load it on
// demand rather than with every page.
import type { LoadOptions } from "./load.js";
import type { Engine, EngineKind } from "./engine.js";
import { WasmEngine } from "./wasm-engine.js";

export { Engine, type EngineKind, type WasmBuild, type Address } from "./engine.js";
export type { Block, F64Block, I32Block, U32Block, U8Block, RandomStream, TypedArray } from "./block.js";
export { KERNELS, type KernelName, type KernelTable, type WasmKernels, type ReferenceKernels } from "./kernel-table.js";
export type { Addressing, Pointers, Arrays, KernelFunctions } from "./kernel-arguments.js";
export {
  MAX_FRAME_DIMENSION, MAX_CANDIDATES,
  type FilteredMixtureProblem, type FilteredMixtureMomentsProblem, type FilteredMixtureCounts,
  type MixtureLabelling, type MixtureCheck, type FrameLabelling, type FrameCheck,
} from "./filtered-mixture.js";
export {
  LABEL_ALLOCATION, LABEL_ALLOCATIONS, CATEGORICAL_STATS, CATEGORICAL_STATS_LENGTH, MAX_CATEGORICAL_COLS, MAX_CATEGORICAL_SAMPLES,
  allocateRefitBuffers, refitBufferLengths,
  type LabelAllocation, type BetaCategoricalRows, type CategoricalCuration, type CategoricalRefitBuffers, type CategoricalRefitRound,
} from "./categorical-rows.js";
export {
  SOFTMAX_STATS, SOFTMAX_STATS_LENGTH, MAX_SOFTMAX_FEATURES, allocateSoftmaxModelBuffers, softmaxModelBufferLengths,
  type SoftmaxModelShape, type SoftmaxModelBuffers, type SoftmaxPrompts, type SoftmaxStart, type SoftmaxTraining,
} from "./softmax-model.js";
export { simdSupported, type LoadOptions } from "./load.js";
export { WasmEngine } from "./wasm-engine.js";

export async function createEngine(kind: EngineKind = "wasm", options: LoadOptions = {}): Promise<Engine> {
  if (kind === "wasm") return WasmEngine.create(options);
  if (kind === "js") return new (await import("./reference-engine.js")).ReferenceEngine();
  throw new RangeError(`engine must be "wasm" or "js", got ${JSON.stringify(kind)}`);
}
