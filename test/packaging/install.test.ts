// Installing collapse-sim as a user does: from its git repository (npm clones it, installs its
// dev dependencies, builds it with `prepare`, packs and installs it) and from a tarball that
// `npm pack` made; in both, the CLI runs and the library imports and simulates, in one thread
// and on worker threads, and from the tarball a TypeScript user's imports type-check. These take
// about a minute: npm installs the dependencies.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root, scratchDir } from "../helpers/study-dirs.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];

function run(command: string, args: string[], cwd: string): string {
  // Plain text: NO_COLOR, and no FORCE_COLOR (the test runner sets it on a terminal), which would override it.
  const { FORCE_COLOR: _, ...env } = process.env;
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...env, NO_COLOR: "1" } });
}

/** An empty project with `spec` installed; checks the CLI and the library (and a benchmark, if told), then removes it. */
function checkInstalled(name: string, spec: string, benchmark = false): void {
  const dir = scratchDir(`install-${name}`);
  try {
    run(npm, ["init", "-y"], dir);
    run(npm, ["install", ...quiet, spec], dir);
    assert.match(run(join(dir, "node_modules/.bin/collapse-sim"), ["scenarios"], dir), /^verified-mixture\n/);
    writeFileSync(join(dir, "use.mjs"), `import { simulate, simulateInWorker } from "collapse-sim";
const spec = { scenario: "weak-data", params: { prompts: 200 }, generations: 2, seeds: 2 };
const rows = await simulate(spec);
const threaded = await simulateInWorker(spec, { workers: 2 });
console.log(rows.length, JSON.stringify(rows) === JSON.stringify(threaded));\n`);
    assert.is(run(process.execPath, ["use.mjs"], dir), "6 true\n");
    if (benchmark) checkTypes(dir);
    const cli = join(dir, "node_modules/.bin/collapse-sim");
    assert.match(run(cli, ["bench"], dir), /^benchmarks: (.*, )?kernels, logistic-fit, (.*, )?verified-mixture, /);
    // A benchmark from the installed package: its dist/bench/ files, tinybench and the numpy peers' folder.
    if (benchmark) assert.match(run(cli, ["bench", "logistic-fit"], dir), /logistic\/ridge/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A TypeScript user's view of the installed package, under Node's module resolution: Node's
 * exports (chartSpec, ReferenceEngine) typed, the browser module typed like the package, the
 * worker module resolved, and a spec checked against its scenario's parameters.
 */
function checkTypes(dir: string): void {
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
    compilerOptions: { module: "node16", moduleResolution: "node16", target: "es2022", lib: ["es2022", "dom"], types: [], strict: true, noEmit: true, skipLibCheck: true },
    files: ["use-types.mts"],
  }));
  writeFileSync(join(dir, "use-types.mts"), `import { simulate, chartSpec, ReferenceEngine } from "collapse-sim";
import { simulateInWorker } from "collapse-sim/browser";
import "collapse-sim/worker";
const rows = await simulate({ scenario: "weak-data", params: { prompts: 200 }, generations: 2, seeds: 2 });
const accuracy: number | null = rows[0].accuracy;
// @ts-expect-error: a misspelt parameter
await simulate({ scenario: "weak-data", params: { promts: 200 } });
console.log(accuracy, typeof chartSpec, typeof ReferenceEngine, typeof simulateInWorker);
`);
  run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", dir], dir);
}

test("npm install from the git repository builds the package (prepare) and it works", () => {
  checkInstalled("git", `git+${pathToFileURL(root).href}`);
});

test("npm pack makes a tarball with the built library, the browser module, the playground and the CLI, and it installs and works", () => {
  const out = scratchDir("pack");
  try {
    // The repository is built (npm test builds it first), so the scripts are skipped here; the git install above runs them.
    const [packed] = JSON.parse(run(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", out, ...quiet], root)) as Array<{ files: Array<{ path: string }> }>;
    const files = new Set(packed.files.map((f) => f.path));
    for (const file of ["dist/index.js", "dist/node.js", "dist/cli/main.js", "dist/browser/collapse-sim.js", "dist/browser/browser-worker.js", "dist/browser/reference-engine.js",
      "dist/parallel/browser-worker.js", "dist/playground/index.html", "dist/playground/app.js", "dist/playground/collapse-sim.js",
      "dist/playground/browser-worker.js", "dist/bundle/worker.js", "dist/bundle/cli.js", "dist/cli/launch.js", "dist/bench/kernels.js", "dist/bench/peers/weak_data.py", "build/release-simd.bytes.js", "build/release.js", "package.json", "README.md"]) {
      assert.ok(files.has(file), `the tarball has ${file}`);
    }
    const [tarball] = readdirSync(out).filter((f) => f.endsWith(".tgz"));
    checkInstalled("tarball", join(out, tarball), true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test.run();
