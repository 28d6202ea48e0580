// The direction of imports (.dependency-cruiser.cjs): src/ keeps every rule, and every rule
// catches an import against the flow, so the check cannot pass by matching nothing.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { root, scratchDir } from "../helpers/study-dirs.js";

const config = join(root, ".dependency-cruiser.cjs");
const depcruise = join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const rules: Array<{ name: string }> = createRequire(import.meta.url)(config).forbidden;

/** `npm run check:layers` on the src/ under `dir`: its exit code, and each violation as "rule: importing file". */
function checkLayers(dir: string): { status: number | null; violations: string[]; output: string } {
  // Plain text to parse: NO_COLOR, and no FORCE_COLOR (the runner sets it on a terminal), which would override it.
  const { FORCE_COLOR, ...env } = process.env;
  const result = spawnSync(process.execPath, [depcruise, "src", "--config", config], { cwd: dir, encoding: "utf8", env: { ...env, NO_COLOR: "1" } });
  const output = result.stdout + result.stderr;
  const violations = [...output.matchAll(/^\s*error (\S+): (\S+) →/gm)].map(([, rule, from]) => `${rule}: ${from}`);
  return { status: result.status, violations, output };
}

test("src/ imports only along the flow", () => {
  const { status, output } = checkLayers(root);
  assert.is(status, 0, output);
  assert.match(output, "no dependency violations found");
});

/** One import against the flow per rule: [file, the import it adds]. Imported files exist, empty. */
const againstTheFlow: Record<string, [file: string, specifier: string]> = {
  "engine-imports-nothing-above-it": ["src/engine/kernel.ts", "../validation/target.js"],
  "scenarios-imports-no-layer-above": ["src/scenarios/scenario.ts", "../study/target.js"],
  "scenarios-imports-no-node-builtins": ["src/scenarios/files.ts", "node:fs"],
  "schedules-imports-no-layer-above": ["src/schedules/plan.ts", "../scenarios/target.js"],
  "schedules-imports-no-node-builtins": ["src/schedules/files.ts", "node:fs"],
  "study-imports-no-layer-above": ["src/study/spec.ts", "../report/target.js"],
  "study-imports-no-node-builtins": ["src/study/files.ts", "node:path"],
  "report-imports-no-output-cli-or-presets": ["src/report/summary.ts", "../presets/target.js"],
  "presets-import-no-output-or-cli": ["src/presets/preset.ts", "../output/target.js"],
  "output-imports-no-cli": ["src/output/run-study.ts", "../cli/target.js"],
  "only-the-cli-imports-the-cli": ["src/math/normal.ts", "../cli/target.js"],
  "parallel-imports-no-layer-above": ["src/parallel/run-tasks.ts", "../presets/target.js"],
  "parallel-imports-no-node-builtins": ["src/parallel/threads.ts", "node:worker_threads"],
  // src/index.ts reaches a Node module through output/target.ts, which imports one (below).
  "public-api-reaches-no-node-builtins": ["src/index.ts", "./output/target.js"],
  "public-api-imports-no-output": ["src/index.ts", "./output/target.js"],
  "no-circular": ["src/math/a.ts", "./b.js"],
};

test("every rule fails the check on an import against the flow", () => {
  assert.equal(Object.keys(againstTheFlow).sort(), rules.map((rule) => rule.name).sort(), "one case per rule of .dependency-cruiser.cjs");
  const dir = scratchDir("layering");
  try {
    copyFileSync(join(root, "tsconfig.json"), join(dir, "tsconfig.json"));
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    for (const folder of ["validation", "scenarios", "study", "report", "presets", "cli"]) write(`src/${folder}/target.ts`, "export {};\n");
    write("src/output/target.ts", `import "node:fs";\nexport {};\n`);
    for (const [file, specifier] of Object.values(againstTheFlow)) write(file, `import ${JSON.stringify(specifier)};\n`);
    write("src/math/b.ts", `import "./a.js";\n`);
    const { status, violations, output } = checkLayers(dir);
    assert.ok(status !== 0, `the check fails:\n${output}`);
    for (const [rule, [file]] of Object.entries(againstTheFlow)) {
      assert.ok(violations.includes(`${rule}: ${file}`), `${rule} catches ${file}:\n${output}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
