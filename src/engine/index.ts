// Making an engine: the wasm kernels (default) or the plain-TypeScript reference.
import type { Engine, EngineKind } from "./engine.js";
import type { LoadOptions } from "./load.js";
import { WasmEngine } from "./wasm-engine.js";
import { ReferenceEngine } from "./reference-engine.js";

export type { Engine, EngineKind, WasmBuild, Block, F64Block, I32Block, U8Block, RandomStream } from "./engine.js";
export type { FilteredMixtureProblem, FilteredMixtureCounts, MixtureLabelling, MixtureCheck } from "./filtered-mixture.js";
export type { ProjectedMixtureProblem, ProjectedLabelling, ProjectedCheck } from "./projected-mixture.js";
export { MAX_PROJECTED_DIMENSION } from "./projected-mixture.js";
// Filtered categorical refitting (weak-data).
export {
  LABEL_ALLOCATION, LABEL_ALLOCATIONS, CATEGORICAL_STATS, CATEGORICAL_STATS_LENGTH, CATEGORICAL_REFIT_WORKSPACE, MAX_CATEGORICAL_COLS, MAX_CATEGORICAL_SAMPLES,
  type LabelAllocation, type BetaCategoricalRows, type CategoricalRefitBuffers, type CategoricalRefitRound,
} from "./categorical-rows.js";
export { allocateRefitBuffers, refitBufferLengths } from "./categorical-refit.js";
export { simdSupported, type LoadOptions } from "./load.js";
export { WasmEngine } from "./wasm-engine.js";
export { ReferenceEngine } from "./reference-engine.js";

export async function createEngine(kind: EngineKind = "wasm", options: LoadOptions = {}): Promise<Engine> {
  if (kind === "wasm") return WasmEngine.create(options);
  if (kind === "js") return new ReferenceEngine();
  throw new RangeError(`engine must be "wasm" or "js", got ${JSON.stringify(kind)}`);
}
