// The worker pool as users start it: from dist with V8 options on the command line, and
// workers that end without finishing their task. The dist test needs `npm run build` first
// (npm test builds).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { root, scratchDir } from "../helpers/study-dirs.js";
import { runInWorkers } from "../../src/output/worker-pool.js";
import { runCommand } from "../../src/cli/run.js";
import { scenarios } from "../../src/scenarios/index.js";
import { resolveStudy } from "../../src/study/spec.js";
import { studyTasks } from "../../src/study/task.js";
import { simulate } from "../../src/study/simulate.js";
import { rowColumns } from "../../src/study/columns.js";
import { csvLine } from "../../src/report/csv.js";
import "../fixtures/exit-scenario.js";

const scratch = scratchDir("workers");

test("node --max-old-space-size=... dist/cli/main.js run: workers start and the rows come out", () => {
  const specFile = join(scratch, "small.json");
  writeFileSync(specFile, JSON.stringify({ scenario: "verified-mixture", params: { d: 5, nSynthetic: 100 }, generations: 1, seeds: 2 }));
  const result = spawnSync(
    process.execPath,
    ["--max-old-space-size=1024", join(root, "dist/cli/main.js"), "run", specFile, "--workers", "2", "--quiet"],
    { cwd: root, encoding: "utf8" },
  );
  assert.is(result.stderr, "");
  assert.is(result.status, 0);
  assert.is(result.stdout.trimEnd().split("\n").length, 2 * 2);
});

test("from dist, workers load the library bundled in one file, or, for a scenario a preload registers, the modules it registered in", () => {
  const specFile = join(scratch, "count.json");
  // 4 x 100 ms of work: more than a study run in the CLI's own thread may take (run-here.ts).
  writeFileSync(specFile, JSON.stringify({ scenario: "count-up", params: { step: 3, busyMs: 100 }, generations: 2, seeds: 2 }));
  const preload = join(root, "test/fixtures/count-scenario.mjs");
  // main.js, as the guide to adding a scenario shows, and the installed command (launch.js), which
  // leaves its bundle for main.js when Node preloads modules (on the command line or in NODE_OPTIONS).
  for (const [entry, args, env] of [
    ["dist/cli/main.js", ["--import", preload], {}],
    ["dist/cli/launch.js", ["--import", preload], {}],
    ["dist/cli/launch.js", [], { NODE_OPTIONS: `--import=${preload}` }],
  ] as const) {
    const result = spawnSync(process.execPath, [...args, join(root, entry), "run", specFile, "--workers", "2", "--quiet"], {
      cwd: root, encoding: "utf8", env: { ...process.env, ...env },
    });
    assert.is(result.stderr, "", entry);
    assert.is(result.status, 0);
    const counts = result.stdout.trimEnd().split("\n").map((line) => JSON.parse(line).count);
    assert.equal(counts, [0, 3, 6, 0, 3, 6]);
  }
  assert.ok(existsSync(join(root, "dist/bundle/worker.js")), "the bundled worker is built");
});

test("a worker that exits with code 0 while holding a task fails the run instead of hanging it", async () => {
  const exitFixture = fileURLToPath(new URL("../fixtures/exit-scenario.ts", import.meta.url));
  const run = runInWorkers(resolveStudy({ scenario: "toy-exit", seeds: 2 }), [{ cell: 0, replicate: 0 }, { cell: 0, replicate: 1 }], {
    workers: 1,
    // On a worker thread: in this thread the exit would end the test.
    inThreadSeconds: 0,
    workerImports: [exitFixture],
    onDone: () => assert.unreachable("a task finished"),
  });
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<string>((resolve) => (timer = setTimeout(() => resolve("still waiting after 20 s"), 20_000)));
  const outcome = await Promise.race([run.then(() => "resolved", (error: Error) => error.message), hang]);
  clearTimeout(timer);
  assert.is(outcome, "a worker exited with code 0 while running cell 0 replicate 0");
});

test("workers send a task's rows in the format asked for: CSV lines need no parsing back", async () => {
  const spec = { scenario: "verified-mixture", params: { d: 5, nSynthetic: 100 }, grid: { mu: [0.5, 1] }, generations: 2, seeds: 2 };
  const study = resolveStudy(spec);
  const tasks = studyTasks(study);
  const received = new Map<string, string>();
  await runInWorkers(study, tasks, { workers: 2, format: "csv", inThreadSeconds: 0, onDone: (task, lines) => received.set(`${task.cell}/${task.replicate}`, lines) });
  const rows = await simulate(spec);
  for (const task of tasks) {
    const expected = rows.filter((row) => row.cell === task.cell && row.replicate === task.replicate).map((row) => csvLine(rowColumns(study), row));
    assert.is(received.get(`${task.cell}/${task.replicate}`), expected.join(""));
  }
});

test("run resolves the study once in the main thread (each worker resolves its own)", async () => {
  const specFile = join(scratch, "once.json");
  writeFileSync(specFile, JSON.stringify({ scenario: "verified-mixture", params: { d: 5, nSynthetic: 100 }, generations: 1, seeds: 2 }));
  const scenario = scenarios["verified-mixture"];
  const check = scenario.check!;
  let resolutions = 0;
  scenario.check = (params, given) => {
    resolutions++;
    return check(params, given);
  };
  try {
    await runCommand([specFile, "--out", join(scratch, "once"), "--workers", "1", "--no-plots", "--quiet"]);
  } finally {
    scenario.check = check;
  }
  assert.is(resolutions, 1, "the one cell checked once");
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
