// Commands that stop early say why in one line, with the exit code a shell expects and a hint
// to continue: a signal, a full disk, an output path that cannot be a directory, a setting an
// arm would override, a default study over another study's report.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import "../fixtures/register-toy.js";
import { resolveStudy } from "../../src/study/spec.js";
import { SpecError } from "../../src/validation/spec-error.js";
import { runStudy } from "../../src/output/run-study.js";
import { setContinueHint, systemErrorLine } from "../../src/cli/stop-early.js";
import { cliSpawn, cliSync, registerToy, scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("errors");
const toy = { scenario: "toy-walk", params: { n: 20 }, grid: { drift: [0, 0.1] }, generations: 2, seeds: 2, seed: 5 };

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  test(`${signal} ends a run with one line, exit code ${code} and a --resume hint`, async () => {
    const specFile = join(scratch, `heavy-${signal}.json`);
    writeFileSync(specFile, JSON.stringify({ ...toy, params: { n: 400_000 }, generations: 6, seeds: 8 }));
    const out = join(scratch, `interrupted-${signal}`);
    const child = cliSpawn(["run", specFile, "--out", out, "--workers", "1", "--no-plots", "--quiet"]);
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
    const rows = join(out, "rows.jsonl");
    while (!(existsSync(rows) && statSync(rows).size > 0)) await new Promise((r) => setTimeout(r, 10));
    child.kill(signal);
    assert.is(await exited, code);
    assert.match(stderr, new RegExp(`^\\ninterrupted by ${signal}; \\d+ of 16 tasks are kept in ${out.replace(/[/\\.]/g, "\\$&")}; the same command with --resume continues the study\\n$`));
    assert.ok(readFileSync(rows, "utf8").length > 0);
  });
}

test("stdout on a full disk (/dev/full): one line, exit code 1", async () => {
  if (!existsSync("/dev/full")) return;
  const specFile = join(scratch, "toy.json");
  writeFileSync(specFile, JSON.stringify(toy));
  const { spawnSync } = await import("node:child_process");
  const { openSync, closeSync } = await import("node:fs");
  const full = openSync("/dev/full", "w");
  const { root } = await import("../helpers/study-dirs.js");
  const result = spawnSync(process.execPath, ["--import", "tsx", "--import", registerToy, join(root, "src/cli/main.ts"), "run", specFile, "--quiet"], {
    cwd: root, stdio: ["ignore", full, "pipe"], encoding: "utf8", timeout: 60_000,
  });
  closeSync(full);
  assert.is(result.stderr, "cannot write stdout: no space left on the device (ENOSPC)\n");
  assert.is(result.status, 1);
});

test("a system error's line names the file and the reason, and the command's hint", () => {
  const error = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write", path: "out/rows.jsonl" });
  setContinueHint(() => "the same command with --resume continues the study");
  assert.is(systemErrorLine(error), "cannot write out/rows.jsonl: no space left on the device (ENOSPC); the same command with --resume continues the study\n");
  setContinueHint(undefined);
  assert.is(systemErrorLine(new Error("not a system error")), undefined);
});

test("an output path under /proc is refused at once (a recursive mkdir there spins forever)", () => {
  if (!existsSync("/proc/self")) return;
  const specFile = join(scratch, "toy.json");
  writeFileSync(specFile, JSON.stringify(toy));
  const result = cliSync(["run", specFile, "--out", "/proc/collapse-sim-test", "--quiet"]);
  assert.is(result.code, 2);
  assert.match(result.stderr, /^--out \/proc\/collapse-sim-test cannot be created: /);
  assert.not.match(result.stderr, /\n\s+at /);
});

test("an arm never silently replaces an explicit labeler.allocation: the conflict names both", () => {
  const base = { scenario: "weak-data", params: { prompts: 10, labeler: { beta: 0.5, budget: 0.25, allocation: "uniform" } }, generations: 1, seeds: 1 };
  try {
    resolveStudy({ ...base, params: { ...base.params, arm: "filter+hardest" } });
    assert.unreachable("an arm replaced an explicit allocation");
  } catch (error) {
    assert.instance(error, SpecError);
    assert.is(
      (error as SpecError).message,
      `params.labeler.allocation: conflicts with arm "filter+hardest" (got "uniform"); allowed: the arm's allocation "hardest", or leave labeler.allocation out (the arm sets it), or arm null to use this one`,
    );
  }
  // The arm's own allocation, or none written, or a grid over other labeler keys: no conflict.
  resolveStudy({ ...base, params: { ...base.params, arm: "filter+uniform" } });
  resolveStudy({ ...base, params: { prompts: 10, arm: "filter+hardest" }, grid: { "labeler.beta": [0.5, 0.9] } });
  resolveStudy({ ...base, params: { prompts: 10, labeler: { budget: 0.25 } }, grid: { arm: ["filter+uniform", "filter+hardest"] } });
});

/** The message resolveStudy refuses a spec with. */
function refusal(spec: unknown): string {
  try {
    resolveStudy(spec);
  } catch (error) {
    assert.instance(error, SpecError);
    return (error as SpecError).message;
  }
  throw new Error(`accepted ${JSON.stringify(spec)}`);
}

test("an arm's conflicts are refused, the default written out included, naming both where the spec wrote them", () => {
  const study = { scenario: "weak-data", generations: 1, seeds: 1 };
  const allocation = (got: string, arm: string, armAllocation: string, path = "params.labeler.allocation") =>
    `${path}: conflicts with arm "${arm}" (got "${got}"); allowed: the arm's allocation "${armAllocation}", or leave labeler.allocation out (the arm sets it), or arm null to use this one`;
  const kind = (got: string, arm: string, armKind: string, does: string, path = "params.filter.kind") =>
    `${path}: conflicts with arm "${arm}", which ${does} (got "${got}"); allowed: the arm's kind "${armKind}", ` +
    "or leave filter.kind out (the arm sets it; gamma and rho apply to the arms that filter), or arm null to use this one";
  // The default allocation written out is a setting like any other.
  assert.is(refusal({ ...study, params: { prompts: 10, arm: "filter-only", labeler: { allocation: "replace-rejected" } } }), allocation("replace-rejected", "filter-only", "none"));
  // A noisy filter beside an arm that does not filter, and no filter beside one that does.
  assert.is(refusal({ ...study, params: { prompts: 10, arm: "no-curation", filter: { kind: "noisy", gamma: 0.1 } } }), kind("noisy", "no-curation", "none", "does not filter"));
  assert.is(refusal({ ...study, params: { prompts: 10, arm: "filter-only", filter: { kind: "none" } } }), kind("none", "filter-only", "noisy", "filters with a noisy filter"));
  // Over a grid of arms: the cell whose arm conflicts is named, at the path the spec wrote.
  assert.is(
    refusal({ ...study, params: { prompts: 10, filter: { kind: "noisy", gamma: 0.1 } }, grid: { arm: ["no-curation", "filter-only"] } }),
    kind("noisy", "no-curation", "none", "does not filter"),
  );
  assert.match(
    refusal({ ...study, params: { prompts: 10, arm: "filter+uniform", labeler: { budget: 0.25 } }, grid: { "labeler.allocation": ["uniform", "hardest"] } }),
    allocation("hardest", "filter+uniform", "uniform", "grid.labeler.allocation[1]"),
  );
  // Both at once: both named.
  assert.is(
    refusal({ ...study, params: { prompts: 10, arm: "no-curation", filter: { kind: "noisy" }, labeler: { allocation: "uniform", budget: 1 } } }),
    `${kind("noisy", "no-curation", "none", "does not filter")}\n${allocation("uniform", "no-curation", "none")}`,
  );
  // A filter without kind: its gamma and rho for the arms that filter, none for no-curation.
  const cells = resolveStudy({ ...study, params: { prompts: 10, filter: { gamma: 0.1, rho: 0.05 } }, grid: { arm: ["no-curation", "filter-only"] } }).cells;
  assert.equal(cells.map((cell) => (cell.params as { filter: unknown }).filter), [{ kind: "none" }, { kind: "noisy", gamma: 0.1, rho: 0.05 }]);
  // The arm's own values written out: no conflict.
  resolveStudy({ ...study, params: { prompts: 10, arm: "no-curation", filter: { kind: "none" }, labeler: { allocation: "none" } } });
});

test("collapse-sim run refuses an arm's conflict with exit code 2, naming both", () => {
  const specFile = join(scratch, "arm-conflict.json");
  writeFileSync(specFile, JSON.stringify({ scenario: "weak-data", params: { prompts: 10, arm: "filter+hardest", labeler: { allocation: "uniform", budget: 0.25 } }, generations: 1, seeds: 1 }));
  const result = cliSync(["run", specFile, "--quiet"]);
  assert.is(result.code, 2);
  assert.match(result.stderr, 'params.labeler.allocation: conflicts with arm "filter+hardest" (got "uniform")');
  assert.not.match(result.stderr, /\n\s+at /);
});

test("default --out DIR refuses a DIR holding a study, whose report.html it would replace", async () => {
  const dir = join(scratch, "a-study");
  await runStudy({ spec: toy, workers: 1, out: dir, plots: false, workerImports: [registerToy] });
  const result = cliSync(["default", "--out", dir, "--quiet"]);
  assert.is(result.code, 2);
  assert.is(result.stderr, `${dir} holds a study (study.json), whose report.html the default study would replace; give default another --out\n`);
  assert.not.ok(existsSync(join(dir, "report.html")));
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
