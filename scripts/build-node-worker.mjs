// The worker thread's entry as one file (npm run build:ts, after tsc): dist/output/worker-bundle.js,
// the worker (dist/output/worker.js) with the library and zod inlined. A thread that loads it
// starts several times faster than one that loads the library's ~200 modules one by one. The
// wasm stays in build/ (its import path, relative to dist/<folder>/, resolves the same from here).
import { build } from "esbuild";

await build({
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  entryPoints: ["dist/output/worker.js"],
  outfile: "dist/output/worker-bundle.js",
  external: ["*.bytes.js"],
  logLevel: "warning",
});
