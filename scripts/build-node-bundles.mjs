// The command and its worker threads as one file each (npm run build:ts, after tsc):
// dist/bundle/cli.js (dist/cli/main.js with the library and zod inlined, which the installed
// command, dist/cli/launch.js, loads) and dist/bundle/worker.js (dist/output/worker.js likewise).
// One file loads several times faster than dist's ~200 modules. Left out: the wasm (its import
// path, relative to dist/<folder>/, resolves the same from dist/bundle/) and vega, which the
// charts load when they are drawn.
import { build } from "esbuild";

await build({
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  entryPoints: { cli: "dist/cli/main.js", worker: "dist/output/worker.js" },
  outdir: "dist/bundle",
  external: ["*.bytes.js", "vega", "vega-lite"],
  // cli-progress is CommonJS: its require() calls need a require in an ES module.
  banner: { js: 'import { createRequire as bundleRequire } from "node:module"; const require = bundleRequire(import.meta.url);' },
  logLevel: "warning",
});
