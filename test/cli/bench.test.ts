// collapse-sim bench from the built package: the list, a refused name, and the kernels'
// quick run with its machine header on stderr and its figures as JSON on stdout. No figure is
// judged here: timings belong to the benchmarks, not to pass/fail tests.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "../helpers/study-dirs.js";

const cli = (args: string[]) => spawnSync(process.execPath, [join(root, "dist/cli/main.js"), "bench", ...args], { cwd: root, encoding: "utf8" });

test("collapse-sim bench lists the benchmarks the package ships; an unknown one exits 2 naming it", () => {
  const list = cli([]);
  assert.is(list.status, 0);
  // Every benchmark of the checkout but npm run bench's dispatcher and the Chromium one.
  const shipped = readdirSync(join(root, "bench")).filter((f) => f.endsWith(".ts") && f !== "main.ts" && f !== "browser-kernels.ts").map((f) => f.slice(0, -3)).sort();
  assert.ok(shipped.includes("kernels") && shipped.includes("weak-data"));
  assert.is(list.stdout.split("\n")[0], `benchmarks: ${shipped.join(", ")}`);
  const unknown = cli(["kernels", "nope"]);
  assert.is(unknown.status, 2);
  assert.match(unknown.stderr, /^unknown benchmark nope; one of (\w[\w-]*, )*kernels, /);
});

test("collapse-sim bench kernels -- --quick --json: the machine on stderr, ns per element of every engine as JSON on stdout", () => {
  const run = cli(["kernels", "--", "--quick", "--json"]);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stderr, /^machine: .+, \d+ cores, [\d.]+ GiB\nruntime: Node [\d.]+, V8 [\d.]+.*; wasm build release/);
  assert.match(run.stderr, /\nmemory: a native read streams [\d.]+ GB\/s/);
  const figures = JSON.parse(run.stdout) as Array<{ name: string; engine: string; nsPerElement: number }>;
  assert.equal([...new Set(figures.map((f) => f.engine))].sort(), ["reference", "release", "release-simd"]);
  assert.ok(figures.every((f) => f.nsPerElement > 0), "every figure is a time");
});

test.run();
