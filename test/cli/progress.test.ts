// Progress where no terminal shows it: lines on stderr every interval during a run, status.json
// in the result directory (running while it runs, then done), and progress within a long task.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ProgressCounter } from "../../src/output/study-progress.js";
import { runInWorkers } from "../../src/output/worker-pool.js";
import { resolveStudy } from "../../src/study/spec.js";
import "../fixtures/slow-scenario.js";
import { progressFigures } from "../../src/output/status-file.js";
import { formatDuration, progressLine } from "../../src/cli/progress.js";
import { cliSpawn, cliSync, scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("progress");

test("the running tasks' rounds count: one long task does not sit at 0%", () => {
  const tasks = [{ cell: 0, replicate: 0 }, { cell: 0, replicate: 1 }];
  const counter = new ProgressCounter(tasks, 10);
  counter.underWay(tasks[0], 5);
  assert.is(counter.progress.tasksUnderWay, 0.5);
  assert.is(progressFigures(counter.progress, 10).fractionDone, 0.25);
  assert.is(progressFigures(counter.progress, 10).secondsLeft, 30); // 0.5 task in 10 s, 1.5 left
  counter.done(tasks[0]);
  assert.is(counter.progress.tasksUnderWay, 0);
  assert.is(counter.progress.tasksDone, 1);
  assert.match(progressLine("study", counter.progress, 10), /^study: 1\/2 tasks done \(50\.0% with the tasks under way\), cells 0\/1, 0\.1 tasks\/s, about 10 s left$/);
  assert.equal([0.3, 45, 600, 4 * 3600, 3 * 86400].map(formatDuration), ["0.3 s", "45 s", "10 min", "4.0 h", "3.0 days"]);
});

test("with stderr not a terminal, progress lines appear during the run, and status.json says how far it is", async () => {
  // Long enough for several lines at a 0.3 s interval (about a second of work; the run takes the cost
  // estimate's warm worker, so no worker start-up pads it); no assertion on speed.
  const specFile = join(scratch, "long.json");
  writeFileSync(specFile, JSON.stringify({ scenario: "toy-walk", params: { n: 300_000 }, generations: 40, seeds: 6, seed: 1 }));
  const out = join(scratch, "long");
  const child = cliSpawn(["run", specFile, "--out", out, "--workers", "1", "--no-plots"], { COLLAPSE_SIM_PROGRESS_SECONDS: "0.3" });
  let stderr = "";
  const linesBeforeEnd: string[] = [];
  let sawRunning = false;
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
    if (!/computed in/.test(stderr)) linesBeforeEnd.push(...String(chunk).split("\n").filter((line) => / tasks done \(/.test(line)));
    const statusPath = join(out, "status.json");
    if (existsSync(statusPath) && JSON.parse(readFileSync(statusPath, "utf8")).state === "running") sawRunning = true;
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  assert.is(code, 0, stderr);
  const label = specFile.replace(/[/\\.]/g, "\\$&");
  assert.match(stderr, new RegExp(`^${label}: 6 tasks in 1 cells; progress every 0\\.3 s\n`));
  assert.ok(linesBeforeEnd.length >= 2, `progress lines during the run:\n${stderr}`);
  for (const line of linesBeforeEnd) assert.match(line, new RegExp(`^${label}: \\d/6 tasks done \\(\\d+\\.\\d% with the tasks under way\\), cells \\d/1, .*(left|not known yet)$`));
  assert.ok(sawRunning, "status.json said running during the run");
  const status = JSON.parse(readFileSync(join(out, "status.json"), "utf8"));
  assert.is(status.state, "done");
  assert.is(status.tasksDone, 6);
  assert.is(status.fractionDone, 1);
  assert.is(status.secondsLeft, 0);
});

test("a worker reports the rounds of a long task as it runs them, at most about once a second", async () => {
  const fixture = fileURLToPath(new URL("../fixtures/slow-scenario.ts", import.meta.url));
  // One task of 8 rounds of 400 ms: at least one report comes before it ends, whatever the machine.
  const spec = { scenario: "toy-slow", params: { roundMs: 400 }, generations: 8, seeds: 1 };
  const reports: Array<{ generation: number; done: boolean }> = [];
  let done = false;
  await runInWorkers(resolveStudy(spec), [{ cell: 0, replicate: 0 }], {
    workers: 1,
    workerImports: [fixture],
    onGeneration: (_task, generation) => reports.push({ generation, done }),
    onDone: () => (done = true),
  });
  assert.ok(reports.length >= 1, "a report within the task");
  assert.ok(reports.length < 8, `throttled, and not the last round (the task's end says it): ${reports.length}`);
  for (const report of reports) {
    assert.not.ok(report.done, "reports come before the task is done");
    assert.ok(report.generation >= 1 && report.generation < 8, String(report.generation));
  }
  // The counter turns them into progress within the task.
  const counter = new ProgressCounter([{ cell: 0, replicate: 0 }], 8);
  counter.underWay({ cell: 0, replicate: 0 }, reports[0].generation);
  assert.ok(progressFigures(counter.progress, 1).fractionDone > 0);
});

test("a bad progress interval is refused naming the variable", () => {
  const result = cliSync(["run", "--preset", "amin-rate"], { COLLAPSE_SIM_PROGRESS_SECONDS: "0" });
  assert.is(result.code, 2);
  assert.is(result.stderr, `invalid input:\nCOLLAPSE_SIM_PROGRESS_SECONDS: out of range (got "0"); allowed: a number of seconds above 0 (between progress lines when stderr is not a terminal)\n`);
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
