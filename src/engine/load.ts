// Compiling and instantiating a wasm build through the compiler's generated raw bindings. By
// default the module's bytes come with the JavaScript (build/<build>.bytes.js, imported only for
// the build that runs), so the same code loads in Node, in a page, in a worker and from any
// bundle, with no file to locate and no Node module to import; a caller may pass the bytes or a
// URL instead. The SIMD build is chosen when WebAssembly.validate accepts a SIMD probe.
import { instantiate as instantiateReleaseSimd } from "../../build/release-simd.js";
import { instantiate as instantiateRelease } from "../../build/release.js";
import { instantiate as instantiateDebug } from "../../build/debug.js";
import type { WasmBuild } from "./engine.js";

export type KernelExports = Awaited<ReturnType<typeof instantiateReleaseSimd>>;

const instantiators: Record<WasmBuild, (module: WebAssembly.Module) => Promise<KernelExports>> = {
  "release-simd": (module) => instantiateReleaseSimd(module, { env: {} }),
  release: (module) => instantiateRelease(module, { env: {} }) as Promise<KernelExports>,
  debug: (module) => instantiateDebug(module, { env: {} }) as Promise<KernelExports>,
};

// Literal dynamic imports, one per build: bundlers see them and split (or inline) each one.
const embedded: Record<WasmBuild, () => Promise<{ wasmBase64: string }>> = {
  "release-simd": () => import("../../build/release-simd.bytes.js"),
  release: () => import("../../build/release.bytes.js"),
  debug: () => import("../../build/debug.bytes.js"),
};

// The smallest module that uses v128 (from wasm-feature-detect): valid only where SIMD is supported.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

export function simdSupported(): boolean {
  return WebAssembly.validate(SIMD_PROBE);
}

export interface LoadOptions {
  /** Which build to run; "auto" (the default) is release-simd where SIMD validates, else release. */
  build?: WasmBuild | "auto";
  /** Where the .wasm comes from: its bytes, or a URL to fetch; by default the bytes bundled with the library. */
  source?: BufferSource | URL | string;
}

export function resolveBuild(build: WasmBuild | "auto" = "auto"): WasmBuild {
  if (build === "auto") return simdSupported() ? "release-simd" : "release";
  if (build !== "release" && !simdSupported()) {
    throw new Error(`wasm build "${build}" needs WebAssembly SIMD, which this runtime does not support; use "release"`);
  }
  return build;
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function compile(build: WasmBuild, source: LoadOptions["source"]): Promise<WebAssembly.Module> {
  if (source === undefined) return WebAssembly.compile(decodeBase64((await embedded[build]()).wasmBase64));
  if (typeof source !== "string" && !(source instanceof URL)) return WebAssembly.compile(source);
  const url = new URL(source, import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot fetch ${url}: HTTP ${response.status}`);
  // compileStreaming insists on the application/wasm content type; fall back for servers without it.
  if (response.headers.get("content-type")?.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

export async function loadKernels(options: LoadOptions = {}): Promise<{ exports: KernelExports; build: WasmBuild }> {
  const build = resolveBuild(options.build);
  const module = await compile(build, options.source);
  return { exports: await instantiators[build](module), build };
}
