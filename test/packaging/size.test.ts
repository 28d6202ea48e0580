// The browser library stays small: dist/index.js bundled and minified as the prebuilt module is
// (scripts/browser-bundle.mjs), without the wasm it inlines, must gzip to under 40 KB.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { build } from "esbuild";
import { root } from "../helpers/study-dirs.js";
import { browserBundle } from "../../scripts/browser-bundle.mjs";

const BUDGET = 40_000;

test("the browser library, wasm and the on-demand reference engine aside, is under 40 KB minified and gzipped", async () => {
  // The wasm aside, and the reference engine, which the module loads only for createEngine("js").
  const result = await build({
    ...browserBundle, sourcemap: false, entryPoints: [join(root, "dist/index.js")], external: ["*.bytes.js", "./reference-engine.js"], write: false,
  });
  const code = result.outputFiles[0].contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(`browser library: ${code.length} bytes minified, ${gzipped} gzipped (budget ${BUDGET})`);
  assert.ok(gzipped < BUDGET, `${gzipped} bytes gzipped, over the ${BUDGET} budget`);
});

test.run();
