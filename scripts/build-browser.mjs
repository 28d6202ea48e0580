// The prebuilt browser module (npm run build:browser, after tsc): dist/browser/collapse-sim.js,
// the library as one ES module with its dependencies and the release wasm builds inlined, which a
// plain <script type="module"> or a module worker imports from any static host; and beside it
// browser-worker.js, the module that simulateInWorker starts, which imports the library module
// (already in the browser's cache) and serves; and reference-engine.js, loaded only for
// createEngine("js"). The debug build is left out (pass { source }).
import { writeFileSync } from "node:fs";
import { build } from "esbuild";
import { browserBundle } from "./browser-bundle.mjs";

/**
 * The reference engine is a module of its own, loaded when createEngine("js") asks for it: the
 * library module leaves that import as it is, and the reference module takes the engine body
 * from the library module instead of carrying a copy.
 */
const referenceApart = {
  name: "reference-apart",
  setup(builder) {
    builder.onResolve({ filter: /^\.\/reference-engine\.js$/ }, () => ({ path: "./reference-engine.js", external: true }));
    builder.onResolve({ filter: /^\.\/engine\.js$/ }, (args) =>
      args.importer.endsWith("reference-engine.js") ? { path: "./collapse-sim.js", external: true } : undefined);
  },
};

await build({
  ...browserBundle,
  external: ["*debug.bytes.js"],
  entryPoints: { "collapse-sim": "dist/index.js", "reference-engine": "dist/engine/reference-engine.js" },
  outdir: "dist/browser",
  plugins: [referenceApart],
});
writeFileSync("dist/browser/browser-worker.js", `// simulateInWorker's worker: the library module, serving its runner.\nimport { serveWorker } from "./collapse-sim.js";\nserveWorker();\n`);
