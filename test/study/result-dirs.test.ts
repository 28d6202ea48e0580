// Result directories: what is refused and why, and what a finished directory holds.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import "../fixtures/register-toy.js";
import { recordDifferences, type StudyRecord } from "../../src/output/study-record.js";
import { resolveStudy } from "../../src/study/spec.js";
import { runStudy } from "../../src/output/run-study.js";
import { mergeStudies } from "../../src/output/merge-studies.js";
import { ResultDirError } from "../../src/output/result-dir-error.js";
import { earlierDefaultStudies } from "../../src/cli/default-study.js";
import { cliSync, read, registerToy, scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("result-dirs");
const spec = { scenario: "toy-walk", params: { n: 20 }, grid: { drift: [0, 0.1] }, generations: 2, seeds: 2, seed: 5 };

function record(input: unknown, shard: StudyRecord["shard"] = null): StudyRecord {
  return { collapseSim: "0.1.0", engineBuild: "release-simd", spec: resolveStudy(input).spec, preset: null, shard, cells: 2, tasks: 4 };
}

test("records that differ are told apart at their differing leaves, not as cut-off texts", () => {
  const a = record(spec);
  const b = record({ ...spec, seed: 2502, grid: { drift: [0, 0.2] }, params: { n: 20, step: { kind: "scaled" } } }, { index: 1, count: 3 });
  assert.equal(recordDifferences(a, b, ["spec", "collapseSim", "engineBuild", "shard"]), [
    "spec.params.step: (none) vs {\"kind\":\"scaled\"}",
    "spec.grid.drift: [0,0.1] vs [0,0.2]",
    "spec.seed: 5 vs 2502",
    "shard: null vs {\"index\":1,\"count\":3}",
  ]);
  assert.equal(recordDifferences(a, record(spec), ["spec", "collapseSim", "engineBuild", "shard"]), []);
});

test("derived.csv is written beside summary.csv, with or without plots, by run and by merge", () => {
  const sets = ["--set", "params.prompts=50", "--set", "grid.labeler.beta=[0.9]", "--set", "grid.filter.gamma=[0]", "--set", "generations=10", "--set", "seeds=2"];
  const whole = join(scratch, "rate");
  const run = cliSync(["run", "--preset", "amin-rate", ...sets, "--out", whole, "--no-plots", "--quiet"]);
  assert.is(run.stderr, "");
  assert.is(run.code, 0);
  assert.equal(readdirSync(whole).sort(), ["derived.csv", "rows.jsonl", "status.json", "study.json", "summary-long.csv", "summary.csv"]);
  assert.match(read(whole, "derived.csv"), /^cell,generation,.*roundsToEpsilon_mean/);
  const shards = [0, 1].map((i) => join(scratch, `rate-${i}`));
  for (const [i, dir] of shards.entries()) assert.is(cliSync(["run", "--preset", "amin-rate", ...sets, "--out", dir, "--shard", `${i}/2`, "--quiet"]).code, 0);
  const merged = join(scratch, "rate-merged");
  const merge = cliSync(["merge", ...shards, "--out", merged, "--no-plots", "--quiet"]);
  assert.is(merge.stderr, "");
  assert.equal(readdirSync(merged).sort(), ["derived.csv", "rows.jsonl", "study.json", "summary-long.csv", "summary.csv"]);
  for (const file of ["derived.csv", "summary.csv", "summary-long.csv", "rows.jsonl"]) assert.is(read(merged, file), read(whole, file), file);
  // And --help says so.
  assert.match(cliSync(["--help"]).stdout, /--no-plots +skip plots\/ and report\.html only \(rows\.jsonl, summary\.csv,\n +derived\.csv and correlations\.csv are written all the same\)/);
});

test("a merge that fails part-way leaves no study.json, so the same merge can be run again", async () => {
  const shards = [0, 1].map((i) => join(scratch, `toy-${i}`));
  for (const [index, out] of shards.entries()) await runStudy({ spec, workers: 1, out, shard: { index, count: 2 }, workerImports: [registerToy] });
  const out = join(scratch, "toy-merged");
  // summary.csv cannot be written over a directory: the merge fails after rows.jsonl.
  mkdirSync(join(out, "summary.csv"), { recursive: true });
  writeFileSync(join(out, "summary.csv", "keep"), "");
  try {
    await mergeStudies(shards, out, { plots: false });
    assert.unreachable("merged over a directory named summary.csv");
  } catch (error) {
    assert.match((error as Error).message, /summary\.csv/);
  }
  assert.not.ok(existsSync(join(out, "study.json")), "no study.json after a failed merge");
  rmSync(join(out, "summary.csv"), { recursive: true });
  await mergeStudies(shards, out, { plots: false });
  assert.ok(existsSync(join(out, "study.json")));
});

test("collapse-sim default replaces only what it wrote itself; a user's study in its way is refused, untouched", async () => {
  const ours = join(scratch, "default", "ours");
  const theirs = join(scratch, "default", "feng-phase-transition");
  await runStudy({ spec, workers: 1, out: ours, plots: false, writtenBy: "collapse-sim default", workerImports: [registerToy] });
  await runStudy({ spec, workers: 1, out: theirs, plots: false, workerImports: [registerToy] });
  assert.equal(earlierDefaultStudies([ours, join(scratch, "default", "nothing-yet")]), [ours]);
  assert.throws(() => earlierDefaultStudies([ours, theirs]), (error: Error) => error instanceof ResultDirError && error.message.startsWith(`${theirs} holds a study that collapse-sim default did not write`));
  const refused = cliSync(["default", "--out", join(scratch, "default"), "--quiet"]);
  assert.is(refused.code, 2);
  assert.is(refused.stderr, `${theirs} holds a study that collapse-sim default did not write; move it away or give default another --out\n`);
  assert.equal(readdirSync(theirs).sort(), ["rows.jsonl", "study.json", "summary-long.csv", "summary.csv"]);
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
