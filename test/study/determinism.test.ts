// The same study gives byte-identical rows.jsonl, summary.csv and study.json however it is
// run: 1 worker, 2 workers, 3 shards merged, killed by SIGKILL part-way then resumed, or
// resumed from a torn file. Rows are also those simulate() computes in one thread.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import "../fixtures/register-toy.js";
import { runStudy } from "../../src/output/run-study.js";
import { mergeStudies } from "../../src/output/merge-studies.js";
import { ResultDirError } from "../../src/output/result-dir-error.js";
import { simulate } from "../../src/study/simulate.js";
import { cliSpawn, cliSync, read, registerToy, scratchDir } from "../helpers/study-dirs.js";

const spec = {
  scenario: "toy-walk",
  params: { n: 500 },
  grid: { drift: [0, 0.05, 0.1], "step.kind": ["plain", "scaled"] },
  generations: 6,
  seeds: 5,
  seed: 11,
};
const base = { spec, plots: false, workerImports: [registerToy] };
const root = scratchDir("determinism");
const files = ["rows.jsonl", "summary.csv", "study.json"];

function assertSameResults(dir: string, reference: string, label: string): void {
  for (const file of files) assert.ok(read(dir, file) === read(reference, file), `${label}: ${file} differs`);
}

test("1 worker, 2 workers, and in-thread simulate() give the same rows", async () => {
  await runStudy({ ...base, workers: 1, out: join(root, "one") });
  await runStudy({ ...base, workers: 2, out: join(root, "two") });
  assertSameResults(join(root, "two"), join(root, "one"), "2 workers");
  const rows = await simulate(spec);
  assert.is(rows.map((r) => `${JSON.stringify(r)}\n`).join(""), read(join(root, "one"), "rows.jsonl"));
  assert.is(rows.length, 6 * 5 * 7);
});

test("without --out, rows go to stdout in the same canonical order, as JSON lines or CSV", () => {
  const specFile = join(root, "spec.json");
  writeFileSync(specFile, JSON.stringify(spec));
  const jsonl = cliSync(["run", specFile, "--workers", "2", "--quiet"]);
  assert.is(jsonl.code, 0);
  assert.is(jsonl.stderr, "");
  assert.ok(jsonl.stdout === read(join(root, "one"), "rows.jsonl"), "stdout rows equal rows.jsonl");
  const csv = cliSync(["run", specFile, "--workers", "2", "--format", "csv"]).stdout.split("\n");
  assert.is(csv[0], "cell,replicate,generation,n,drift,explode,step.kind,step.scale,position,theoryPosition,lastStep");
  assert.is(csv[1], "0,0,0,500,0,false,plain,1,0,0,");
  assert.is(csv.length, 6 * 5 * 7 + 2);
});

test("3 shards merged equal the plain run; a missing or doubled shard is refused", async () => {
  const shards = [0, 1, 2].map((index) => join(root, `shard-${index}`));
  for (const [index, out] of shards.entries()) await runStudy({ ...base, workers: 1, out, shard: { index, count: 3 } });
  await mergeStudies(shards, join(root, "merged"), { plots: false });
  assertSameResults(join(root, "merged"), join(root, "one"), "merged shards");
  try {
    await mergeStudies(shards.slice(0, 2), join(root, "merged-missing"), { plots: false });
    assert.unreachable("merged with a shard missing");
  } catch (error) {
    assert.instance(error, ResultDirError);
    assert.match((error as Error).message, /^10 of 30 tasks are missing \(cell 0 replicate 2, .*shards given: 0\/3, 1\/3/);
    assert.match((error as Error).message, /\n  shard 2\/3 was not given \(10 tasks\); run it \(--shard 2\/3\), then merge again$/);
  }
  try {
    await mergeStudies([...shards, shards[1]], join(root, "merged-twice"), { plots: false });
    assert.unreachable("merged a shard twice");
  } catch (error) {
    assert.match((error as Error).message, /^10 tasks appear in more than one directory/);
  }
  assert.not.ok(existsSync(join(root, "merged-missing")) || existsSync(join(root, "merged-twice")), "nothing written");
});

test("merge names the shard that is short, and how to finish it", async () => {
  const short = join(root, "shard-1-short");
  mkdirSync(short);
  copyFileSync(join(root, "shard-1", "study.json"), join(short, "study.json"));
  // Its first 3 tasks (7 rows each) only.
  writeFileSync(join(short, "rows.jsonl"), read(join(root, "shard-1"), "rows.jsonl").split("\n").slice(0, 21).join("\n") + "\n");
  try {
    await mergeStudies([join(root, "shard-0"), short, join(root, "shard-2")], join(root, "merged-short"), { plots: false });
    assert.unreachable("merged a short shard");
  } catch (error) {
    assert.match((error as Error).message, new RegExp(`\\n  shard 1/3 \\(${short.replace(/[/\\.]/g, "\\$&")}\\) is short: 7 of its 10 tasks are not complete; rerun it with the same command and --resume, then merge again$`));
  }
});

test("killed by SIGKILL part-way, then resumed: identical to the plain run", async () => {
  // Big enough that the child is still working when its first rows appear.
  const heavy = { ...spec, params: { n: 400_000 }, seeds: 8 };
  const specFile = join(root, "heavy.json");
  writeFileSync(specFile, JSON.stringify(heavy));
  const out = join(root, "killed");
  const child = cliSpawn(["run", specFile, "--out", out, "--workers", "2", "--no-plots", "--quiet"]);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_, signal) => resolve(signal)));
  const rowsPath = join(out, "rows.jsonl");
  while (!(existsSync(rowsPath) && statSync(rowsPath).size > 0)) await new Promise((r) => setTimeout(r, 10));
  child.kill("SIGKILL");
  assert.is(await exited, "SIGKILL");
  const lines = readFileSync(rowsPath, "utf8").split("\n").length - 1;
  assert.ok(lines > 0 && lines < 6 * 8 * 7, `killed part-way (${lines} rows written)`);
  await runStudy({ ...base, spec: heavy, workers: 2, out, resume: true });
  await runStudy({ ...base, spec: heavy, workers: 2, out: join(root, "heavy-plain") });
  assertSameResults(out, join(root, "heavy-plain"), "killed and resumed");
});

test("a torn last line or a partial task is dropped and recomputed on resume", async () => {
  const whole = read(join(root, "one"), "rows.jsonl");
  const lineEnds = [...whole.matchAll(/\n/g)].map((m) => m.index!);
  const cuts = {
    "mid-line": Math.floor(whole.length * 0.6),
    "mid-task": lineEnds[7 * 4 + 2] + 1, // after 2 of a task's 7 rows
  };
  for (const [name, cut] of Object.entries(cuts)) {
    const dir = join(root, `torn-${name}`);
    mkdirSync(dir);
    copyFileSync(join(root, "one", "study.json"), join(dir, "study.json"));
    writeFileSync(join(dir, "rows.jsonl"), whole.slice(0, cut));
    const result = await runStudy({ ...base, workers: 2, out: dir, resume: true });
    assert.ok(result.progress.tasksSkipped > 0 && result.progress.tasksSkipped < 30, name);
    assertSameResults(dir, join(root, "one"), name);
  }
});

test("an existing study is not overwritten, and a different one is not resumed", async () => {
  try {
    await runStudy({ ...base, workers: 1, out: join(root, "one") });
    assert.unreachable("overwrote a study");
  } catch (error) {
    assert.is((error as Error).message, `${join(root, "one")} already holds a study; pass --resume to continue it, or choose another --out`);
  }
  const refusals: Array<[Record<string, unknown>, string]> = [
    [{ generations: 7 }, "only seeds and grid values may change)\n  spec.generations: 6 vs 7"],
    [{ seeds: 4 }, "seeds fell from 5 to 4)\n  spec.seeds: 5 vs 4"],
    [{ grid: { drift: [0, 0.1], "step.kind": ["plain", "scaled"] } }, `grid.drift no longer has 0.05)\n  spec.grid.drift: [0,0.05,0.1] vs [0,0.1]`],
    [{ grid: { drift: [0, 0.05, 0.1] } }, `the grid's keys differ (values may be added to them, in any place))\n  spec.grid.step.kind: ["plain","scaled"] vs (none)`],
  ];
  for (const [change, reason] of refusals) {
    try {
      await runStudy({ ...base, spec: { ...spec, ...change }, workers: 1, out: join(root, "one"), resume: true });
      assert.unreachable("resumed a different study");
    } catch (error) {
      assert.is((error as Error).message, `cannot resume ${join(root, "one")}: it holds a different study (a resume may add seeds or grid values only: ${reason}`);
    }
  }
});

test("a resume that adds seeds and grid values computes only what is new, and equals a fresh run of the extended spec", async () => {
  const small = { ...spec, grid: { drift: [0, 0.1], "step.kind": ["scaled"] }, seeds: 3 };
  const extended = { ...spec, grid: { drift: [0, 0.05, 0.1], "step.kind": ["plain", "scaled"] }, seeds: 5 };
  const out = join(root, "extended");
  await runStudy({ ...base, spec: small, workers: 1, out });
  const result = await runStudy({ ...base, spec: extended, workers: 2, out, resume: true });
  assert.is(result.progress.tasksSkipped, 2 * 3, "the small study's tasks were kept");
  const fresh = join(root, "extended-fresh");
  await runStudy({ ...base, spec: extended, workers: 1, out: fresh });
  for (const file of [...files, "summary-long.csv"]) assert.ok(read(out, file) === read(fresh, file), `${file} differs from a fresh run`);
});

test("a failing task stops the run with its error, keeping the rows finished before it, in this thread and on workers", async () => {
  const failing = { ...spec, grid: { explode: [false, true] }, seeds: 2 };
  // This small study runs in this thread, where the error names the task; on workers it names the worker.
  for (const [where, inThreadSeconds, message] of [
    ["here", undefined, /^cell 1 replicate 0 failed: Error: toy walk exploded/],
    ["workers", 0, /^worker failed: Error: toy walk exploded/],
  ] as const) {
    const out = join(root, `failing-${where}`);
    try {
      await runStudy({ ...base, spec: failing, workers: 2, out, inThreadSeconds });
      assert.unreachable("a failing study succeeded");
    } catch (error) {
      assert.match((error as Error).message, message);
    }
    const lines = read(out, "rows.jsonl").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    assert.ok(lines.every((row) => row.explode === false));
    if (where === "here") assert.is(lines.length, 2 * (spec.generations + 1), "both replicates of the cell before it");
  }
});

test.after(() => rmSync(root, { recursive: true, force: true }));

test.run();
