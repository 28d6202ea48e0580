// The browser library stays small: dist/index.js bundled and minified as the prebuilt module is
// (scripts/browser-bundle.mjs), without the wasm it inlines. Its core (engine, study runner,
// validation, the one dependency) must gzip to under 25 KB, and each built-in scenario with its
// presets may add 12 KB: the budget grows with the scenarios shipped, never with a dependency.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { build } from "esbuild";
import { root } from "../helpers/study-dirs.js";
import { browserBundle } from "../../scripts/browser-bundle.mjs";
import { builtInScenarios } from "../../src/index.js";

const CORE_BUDGET = 25_000;
const SCENARIO_BUDGET = 12_000;

/** The folder of the bundle a file belongs to: a scenario's, presets, a package, or the core. */
function partOf(input: string): string {
  const scenario = /dist\/scenarios\/([^/]+)\//.exec(input);
  if (scenario) return `scenario ${scenario[1]}`;
  if (input.includes("dist/presets/")) return "presets";
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return dependency ? `package ${dependency[1]}` : "core";
}

test("the browser library, wasm and the on-demand reference engine aside, gzips under 25 KB plus 12 KB a scenario, and bundles no package but zod", async () => {
  // The wasm aside, and the reference engine, which the module loads only for createEngine("js").
  const result = await build({
    ...browserBundle, sourcemap: false, entryPoints: [join(root, "dist/index.js")], external: ["*.bytes.js", "./reference-engine.js"],
    write: false, metafile: true,
  });
  const code = result.outputFiles[0].contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const budget = CORE_BUDGET + SCENARIO_BUDGET * builtInScenarios.length;
  const parts = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) parts.set(partOf(input), (parts.get(partOf(input)) ?? 0) + bytesInOutput);
  }
  const listed = [...parts].sort((a, b) => b[1] - a[1]).map(([part, bytes]) => `${part} ${bytes}`).join(", ");
  console.log(`browser library: ${code.length} bytes minified (${listed}), ${gzipped} gzipped (budget ${budget} for ${builtInScenarios.length} scenarios)`);
  assert.ok(gzipped < budget, `${gzipped} bytes gzipped, over the ${budget} budget`);
  const packages = [...parts.keys()].filter((part) => part.startsWith("package ")).sort();
  assert.equal(packages, ["package zod"], "the only dependency in the browser library");
});

test.run();
