// Cost up front: the estimate against a real run, run --dry-run, a run refused before it writes
// when its estimate passes a limit, and --workers capped at the cores.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { availableParallelism } from "node:os";
import { existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import "../fixtures/register-toy.js";
import { resolveStudy } from "../../src/study/spec.js";
import { studyTasks } from "../../src/study/task.js";
import { estimateStudy } from "../../src/output/estimate.js";
import { runStudy } from "../../src/output/run-study.js";
import { overLimits } from "../../src/cli/cost.js";
import { cliSync, registerToy, scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("cost");
const spec = { scenario: "toy-walk", params: { n: 2000 }, grid: { drift: [0, 0.1, 0.2] }, generations: 40, seeds: 6, seed: 3 };
const specFile = join(scratch, "spec.json");
writeFileSync(specFile, JSON.stringify(spec));

test("the estimate is within a factor of 2 of a real run's rows and bytes on disk", async () => {
  const study = resolveStudy(spec);
  const estimate = await estimateStudy(study, studyTasks(study), { workers: 1, workerImports: [registerToy] });
  const out = join(scratch, "real");
  const result = await runStudy({ spec, workers: 1, out, plots: false, workerImports: [registerToy] });
  const rows = result.progress.tasksTotal * (spec.generations + 1);
  assert.is(estimate.rows, rows);
  assert.is(estimate.tasks, 18);
  const bytes = ["rows.jsonl", "summary.csv", "summary-long.csv"].reduce((sum, file) => sum + statSync(join(out, file)).size, 0);
  const ratio = estimate.bytesOnDisk / bytes;
  assert.ok(ratio > 0.5 && ratio < 2, `estimated ${estimate.bytesOnDisk} bytes, wrote ${bytes}`);
  assert.ok(estimate.seconds > 0 && estimate.peakMemoryBytes > 0);
  // Each limit names the flag that accepts it.
  const over = overLimits(estimate, { freeDisk: 1, memory: 1, maxHours: 1e-12 });
  assert.is(over.length, 3);
  assert.match(over[0], /^disk: .*--accept-cost/);
  assert.match(over[1], /^memory: .*--workers.*--accept-cost/);
  assert.match(over[2], /^time: .*--max-hours H raises it/);
});

test("run --dry-run prints tasks, rows, disk, memory and time, and writes nothing", () => {
  const out = join(scratch, "dry");
  const result = cliSync(["run", specFile, "--out", out, "--dry-run"]);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /^tasks: 18 \(cells x seeds\) in 3 cells\nrows: 738 \(tasks x \(generations \+ 1\)\)\ndisk: about .*\nmemory: about .*\ntime: about .*\ncalibration: 3 tasks of 2 rounds in .*\n$/);
  assert.not.ok(existsSync(out));
});

test("a run whose estimate passes a limit is refused before it writes, naming the flag", () => {
  const out = join(scratch, "refused");
  const result = cliSync(["run", specFile, "--out", out, "--max-hours", "1e-9", "--quiet"]);
  assert.is(result.code, 2);
  assert.match(result.stderr, /^refusing to start: the estimate passes a limit \(nothing was written\)\n  time: about .* over the limit of .* \(--max-hours H raises it; --accept-cost starts anyway\)\n  tasks: 18 /);
  assert.not.ok(existsSync(out), "nothing written");
  assert.is(cliSync(["run", specFile, "--out", out, "--max-hours", "1e-9", "--accept-cost", "--quiet"]).code, 0);
});

test("a resume is estimated on the tasks left, and the rows it holds count as free space", () => {
  const out = join(scratch, "resumed");
  const first = cliSync(["run", specFile, "--out", out, "--quiet", "--no-plots"]);
  assert.is(first.code, 0, first.stderr);
  const result = cliSync(["run", specFile, "--out", out, "--resume", "--dry-run"]);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /^tasks: 18 \(cells x seeds\) in 3 cells, 18 already done\n/);
  assert.match(result.stdout, /\ntime: about 0 s /);
});

test("--workers above the cores is capped with a warning", () => {
  const cores = availableParallelism();
  const result = cliSync(["run", specFile, "--workers", String(cores + 3), "--dry-run"]);
  assert.is(result.code, 0);
  assert.is(result.stderr, `warning: --workers ${cores + 3} is more than the ${cores} cores available; using ${cores}\n`);
  assert.match(result.stdout, new RegExp(`on ${Math.min(cores, 18)} workers`));
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
