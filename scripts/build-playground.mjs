// The playground (web/) built into dist/playground/, a static folder that any static host
// serves as is and `collapse-sim serve` serves locally: the page, the benchmark page and their
// stylesheet; the app and the benchmark page's script,
// bundled by esbuild with every import of the library left as an import of the prebuilt module
// (copied beside it, with its worker, so the page and simulateInWorker's workers share one
// download); the theory pages, and their notes on what is the papers' and what is this
// project's (theory-notes.mjs). Runs after build:browser.
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { browserBundle } from "./browser-bundle.mjs";
import { theoryNotes } from "./theory-notes.mjs";

const OUT = "dist/playground";

/** The app imports the library as ../../src/index.js (for its types); in the page it is the prebuilt module. */
const prebuiltLibrary = {
  name: "prebuilt-library",
  setup(builder) {
    builder.onResolve({ filter: /(^|\/)src\/index\.js$/ }, () => ({ path: "./collapse-sim.js", external: true }));
    // Anything else from src/ would be bundled a second time, beside the prebuilt module.
    builder.onResolve({ filter: /(^|\/)src\// }, (args) => ({ errors: [{ text: `${args.path}: import the library through src/index.js` }] }));
  },
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(`${OUT}/theory`, { recursive: true });
await build({ ...browserBundle, entryPoints: { app: "web/app/main.ts", bench: "web/app/bench.ts" }, outdir: OUT, plugins: [prebuiltLibrary] });
for (const file of ["index.html", "bench.html", "style.css"]) cpSync(`web/${file}`, `${OUT}/${file}`);
for (const file of ["collapse-sim.js", "collapse-sim.js.map", "browser-worker.js", "reference-engine.js", "reference-engine.js.map"]) {
  cpSync(`dist/browser/${file}`, `${OUT}/${file}`);
}
for (const file of readdirSync("docs/theory").filter((f) => f.endsWith(".md"))) cpSync(`docs/theory/${file}`, `${OUT}/theory/${file}`);
writeFileSync(`${OUT}/theory-notes.json`, JSON.stringify(theoryNotes("docs/theory")));
