// --set overrides, shard slicing and shard selection from flags and scheduler variables.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { applyOverrides, parseOverride, type Override } from "../../src/study/overrides.js";
import { SpecError, formatIssue } from "../../src/validation/spec-error.js";
import { shardTasks } from "../../src/study/shard.js";
import { selectShard } from "../../src/cli/shard-selection.js";
import { FlagIssues, integerFlag } from "../../src/cli/options.js";
import type { Task } from "../../src/study/task.js";

test("--set values are JSON when they parse, strings otherwise", () => {
  assert.equal(parseOverride("seeds=3"), { path: "seeds", value: 3 });
  assert.equal(parseOverride("grid.generator.eps=[0.1,0.3]"), { path: "grid.generator.eps", value: [0.1, 0.3] });
  assert.equal(parseOverride("params.verifier.kind=oracle"), { path: "params.verifier.kind", value: "oracle" });
  assert.equal(parseOverride("params.x=a=b"), { path: "params.x", value: "a=b" });
  assert.throws(() => parseOverride("seeds"), /--set: malformed \(got "seeds"\); allowed: path=value/);
  assert.throws(() => parseOverride("=3"), /--set: malformed/);
});

test("overrides reach any key; a grid key is one key; a set parameter leaves the grid", () => {
  const spec = { scenario: "s", params: { d: 10, generator: { kind: "flip", eps: 0.1 } }, grid: { d: [1, 2], "generator.eps": [0.1, 0.2], mu: [1, 2] } };
  const out = applyOverrides(spec, [
    { path: "seeds", value: 3 },
    { path: "params.d", value: 50 },
    { path: "params.generator", value: { kind: "linear", angle: 30 } },
    { path: "grid.verifier.phi", value: [0.5, 1] },
    { path: "grid.mu", value: null },
  ]);
  assert.equal(out, {
    scenario: "s",
    params: { d: 50, generator: { kind: "linear", angle: 30 } },
    grid: { "verifier.phi": [0.5, 1] },
    seeds: 3,
  });
  assert.equal(spec.grid.d, [1, 2], "the input is not modified");
});

test("a parameter under a grid key that stays is refused, whatever the order of the flags", () => {
  const spec = { scenario: "s", params: { verifier: { kind: "oracle" } }, grid: { verifier: [{ kind: "none" }, { kind: "oracle" }], n: [1, 2] } };
  const refused = (overrides: Override[]): string => {
    try {
      applyOverrides(spec, overrides);
    } catch (error) {
      assert.instance(error, SpecError);
      return (error as Error).message;
    }
    throw new Error(`accepted ${JSON.stringify(overrides)}`);
  };
  assert.is(
    refused([{ path: "params.verifier.kind", value: "none" }]),
    `--set params.verifier.kind: overridden in every cell by grid.verifier (got "none"); allowed: a parameter no grid key sets; drop the grid key (--set grid.verifier=null) or change its values (--set grid.verifier=[...])`,
  );
  // A grid key set again after the parameter overwrites it just the same.
  assert.match(refused([{ path: "params.n", value: 5 }, { path: "grid.n", value: [3, 4] }]), /^--set params.n: overridden in every cell by grid.n \(got 5\)/);
  const expected = { scenario: "s", params: { verifier: { kind: "none" } }, grid: { n: [1, 2] } };
  assert.equal(applyOverrides(spec, [{ path: "grid.verifier", value: null }, { path: "params.verifier.kind", value: "none" }]), expected);
  assert.equal(applyOverrides(spec, [{ path: "params.verifier.kind", value: "none" }, { path: "grid.verifier", value: null }]), expected);
  // Replacing the grid key's whole value removes it, as before.
  assert.equal(applyOverrides(spec, [{ path: "params.verifier", value: { kind: "none" } }]), expected);
});

test("shards deal tasks round-robin, cover every task once, and do not depend on anything else", () => {
  const tasks: Task[] = [];
  for (let cell = 0; cell < 7; cell++) for (let replicate = 0; replicate < 3; replicate++) tasks.push({ cell, replicate });
  const slices = [0, 1, 2, 3].map((index) => shardTasks(tasks, { index, count: 4 }));
  assert.equal(slices.map((s) => s.length), [6, 5, 5, 5]);
  assert.equal(slices.flat().map((t) => `${t.cell}/${t.replicate}`).sort(), tasks.map((t) => `${t.cell}/${t.replicate}`).sort());
  assert.equal(slices[1][0], { cell: 0, replicate: 1 });
  assert.equal(shardTasks(tasks, undefined), tasks);
});

test("integer flags take integers however written, and show a bad value as written", () => {
  const flag = (text: string) => {
    const issues = new FlagIssues();
    const value = integerFlag(issues, "--workers", text, 1, 1024);
    return { value, issues: issues.issues.map(formatIssue) };
  };
  assert.equal(flag("2"), { value: 2, issues: [] });
  assert.equal(flag("1.0"), { value: 1, issues: [] });
  assert.equal(flag(" 4. "), { value: 4, issues: [] });
  assert.equal(flag("1.5").issues, ["--workers: out of range (got 1.5); allowed: an integer in [1, 1024]"]);
  assert.equal(flag("0.50").issues, [`--workers: out of range (got "0.50"); allowed: an integer in [1, 1024]`]);
  assert.equal(flag("2000.0").issues, [`--workers: out of range (got "2000.0"); allowed: an integer in [1, 1024]`]);
  assert.equal(flag("2e0").issues, [`--workers: wrong type (got "2e0"); allowed: an integer in [1, 1024]`]);
});

test("the shard comes from --shard, else SLURM, else JOB_COMPLETION_INDEX with a count", () => {
  const pick = (flag: string | undefined, shards: string | undefined, env: NodeJS.ProcessEnv) => {
    const issues = new FlagIssues();
    const choice = selectShard(issues, flag, shards, env);
    return { ...choice, issues: issues.issues.map((i) => `${i.path}: ${i.problem}`) };
  };
  assert.equal(pick("2/5", undefined, { SLURM_ARRAY_TASK_ID: "1", SLURM_ARRAY_TASK_COUNT: "3" }), { shard: { index: 2, count: 5 }, from: "--shard", issues: [] });
  assert.equal(pick(undefined, undefined, { SLURM_ARRAY_TASK_ID: "4", SLURM_ARRAY_TASK_COUNT: "4", SLURM_ARRAY_TASK_MIN: "1" }).shard, { index: 3, count: 4 });
  assert.equal(pick(undefined, "8", { JOB_COMPLETION_INDEX: "7" }).shard, { index: 7, count: 8 });
  assert.equal(pick(undefined, undefined, { JOB_COMPLETION_INDEX: "0", COLLAPSE_SIM_SHARDS: "2" }).shard, { index: 0, count: 2 });
  assert.equal(pick(undefined, undefined, {}), { issues: [] });
  assert.equal(pick("3/2", undefined, {}).issues, ["--shard: out of range"]);
  assert.equal(pick("1of2", undefined, {}).issues, ["--shard: malformed"]);
  assert.equal(pick(undefined, undefined, { JOB_COMPLETION_INDEX: "0" }).issues, ["--shards: missing"]);
  assert.equal(pick(undefined, "2", { JOB_COMPLETION_INDEX: "2" }).issues, ["JOB_COMPLETION_INDEX: out of range"]);
  assert.equal(pick(undefined, "2", {}).issues, ["--shards: unused"]);
  assert.equal(pick("1/2", "2", { JOB_COMPLETION_INDEX: "0" }).issues, ["--shards: conflicts with --shard"]);
  assert.equal(pick(undefined, undefined, { SLURM_ARRAY_TASK_ID: "3" }), { shard: undefined, issues: ["SLURM_ARRAY_TASK_COUNT: missing"] });
});

test("a stepped, partial or one-task SLURM array is refused: it would run the wrong shards", () => {
  const pick = (env: NodeJS.ProcessEnv) => {
    const issues = new FlagIssues();
    const choice = selectShard(issues, undefined, undefined, env);
    return { shard: choice.shard, issues: issues.issues.map((i) => `${i.path}: ${i.problem}; allowed: ${i.allowed}`) };
  };
  const rerun = "or choose the shard with --shard I/N (rerunning one task of an N-task array: --shard I/N --resume, or scontrol requeue JOBID_I)";
  // --array=0-6:2 (tasks 0, 2, 4, 6)
  assert.equal(pick({ SLURM_ARRAY_TASK_ID: "4", SLURM_ARRAY_TASK_COUNT: "4", SLURM_ARRAY_TASK_MIN: "0", SLURM_ARRAY_TASK_MAX: "6", SLURM_ARRAY_TASK_STEP: "2" }).issues, [
    `SLURM_ARRAY_TASK_STEP: not 1; allowed: a contiguous array (--array=0-15, no :step); ${rerun}`,
  ]);
  // --array=0,3,5
  assert.equal(pick({ SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_COUNT: "3", SLURM_ARRAY_TASK_MIN: "0", SLURM_ARRAY_TASK_MAX: "5", SLURM_ARRAY_TASK_STEP: "1" }).issues, [
    `SLURM_ARRAY_TASK_COUNT: not the span 0-5 of the array; allowed: a contiguous array (--array=0-5); ${rerun}`,
  ]);
  // sbatch --array=1 to rerun task 1 of 16: not the whole study as shard 0/1.
  assert.equal(pick({ SLURM_ARRAY_TASK_ID: "1", SLURM_ARRAY_TASK_COUNT: "1", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_MAX: "1", SLURM_ARRAY_TASK_STEP: "1" }).issues, [
    `SLURM_ARRAY_TASK_ID: alone in its array; allowed: an array of the study's shards (--array=0-15); a one-task array (--array=1) would run the whole study; ${rerun}`,
  ]);
  // Contiguous arrays, from 0 or from 1, and a one-task array at 0 (the whole study), are taken.
  assert.equal(pick({ SLURM_ARRAY_TASK_ID: "7", SLURM_ARRAY_TASK_COUNT: "8", SLURM_ARRAY_TASK_MIN: "0", SLURM_ARRAY_TASK_MAX: "7", SLURM_ARRAY_TASK_STEP: "1" }), { shard: { index: 7, count: 8 }, issues: [] });
  assert.equal(pick({ SLURM_ARRAY_TASK_ID: "1", SLURM_ARRAY_TASK_COUNT: "16", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_MAX: "16" }), { shard: { index: 0, count: 16 }, issues: [] });
  assert.equal(pick({ SLURM_ARRAY_TASK_ID: "0", SLURM_ARRAY_TASK_COUNT: "1", SLURM_ARRAY_TASK_MIN: "0", SLURM_ARRAY_TASK_MAX: "0" }), { shard: { index: 0, count: 1 }, issues: [] });
});

test.run();
