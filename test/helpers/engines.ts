// Every engine the tests compare: the three wasm builds and the TypeScript reference.
import { WasmEngine, type Engine, type WasmBuild } from "../../src/engine/index.js";
import { ReferenceEngine } from "../../src/engine/reference-engine.js";

const builds: WasmBuild[] = ["release-simd", "release", "debug"];
let cache: Promise<Engine[]> | undefined;

/** [release-simd, release, debug, reference], each created once per test process. */
export function allEngines(): Promise<Engine[]> {
  cache ??= Promise.all(builds.map((build) => WasmEngine.create({ build }))).then((wasm) => [...wasm, new ReferenceEngine()]);
  return cache;
}

export function label(engine: Engine): string {
  return engine.kind === "js" ? "reference" : `wasm ${engine.build}`;
}
