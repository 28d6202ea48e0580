// The prebuilt browser module (npm run build:browser, after tsc): dist/browser/collapse-sim.js,
// the library as one ES module with its dependencies and the release wasm builds inlined, which a
// plain <script type="module"> or a module worker imports from any static host; and beside it
// browser-worker.js, the module that simulateInWorker starts, which imports the library module
// (already in the browser's cache) and serves. The debug build is left out (pass { source }).
import { writeFileSync } from "node:fs";
import { build } from "esbuild";
import { browserBundle } from "./browser-bundle.mjs";

await build({ ...browserBundle, external: ["*debug.bytes.js"], entryPoints: { "collapse-sim": "dist/index.js" }, outdir: "dist/browser" });
writeFileSync("dist/browser/browser-worker.js", `// simulateInWorker's worker: the library module, serving its runner.\nimport { serveWorker } from "./collapse-sim.js";\nserveWorker();\n`);
