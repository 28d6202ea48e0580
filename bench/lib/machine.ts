// What a benchmark's figures were measured on, printed before them: the processor and its
// cores, Node and V8, the wasm build the engine runs (SIMD or not), and the memory bandwidth
// a native read reaches here (lib/bandwidth.ts), the limit of any streaming kernel.
import { availableParallelism, cpus, totalmem } from "node:os";
import { simdSupported } from "../../src/index.js";
import { nativeRead } from "./bandwidth.js";

/** GB/s of the fastest native read of two 64 MiB buffers (best of five). */
function readBandwidth(): number {
  const entries = 8 << 20;
  const read = nativeRead(entries);
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    read.run();
    best = Math.min(best, performance.now() - start);
  }
  read.dispose();
  return (16 * entries) / (best * 1e6);
}

export function machineLines(): string[] {
  const cpu = cpus()[0]?.model.trim() ?? "unknown processor";
  return [
    `machine: ${cpu}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `runtime: Node ${process.versions.node}, V8 ${process.versions.v8}; wasm build ${simdSupported() ? "release-simd" : "release (no SIMD here)"}`,
    `memory: a native read streams ${readBandwidth().toFixed(1)} GB/s (the limit of any kernel that streams from memory)`,
  ];
}
