// Where a study's tasks run: a small one in the runner's thread (after a probe of one round of
// its first task), a large one on worker threads; the rows are the same bytes either way.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runStudy } from "../../src/output/run-study.js";
import { calls } from "../fixtures/calls-scenario.js";
import { read, scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("in-thread");
const fixture = fileURLToPath(new URL("../fixtures/calls-scenario.ts", import.meta.url));

async function run(name: string, generations: number, inThreadSeconds?: number): Promise<{ here: number; rows: string }> {
  const before = calls.here;
  const out = join(scratch, name);
  const spec = { scenario: "toy-calls", grid: { level: [1, 2] }, seeds: 3, generations };
  await runStudy({ spec, workers: 2, out, plots: false, workerImports: [fixture], inThreadSeconds });
  return { here: calls.here - before, rows: read(out, "rows.jsonl") };
}

test("a small study runs in this thread: the probe's round, then every task; rows as on workers", async () => {
  const onWorkers = await run("workers", 3, 0);
  assert.is(onWorkers.here, 0, "inThreadSeconds 0: nothing in this thread");
  const small = await run("small", 3);
  assert.is(small.here, 1 + 6, "one probe round, then the six tasks");
  assert.is(small.rows, onWorkers.rows);
});

test("a study over the budget runs on workers after the probe; with one generation the probe is the first task, kept", async () => {
  const reference = await run("one-round-workers", 1, 0);
  const large = await run("large", 3, 1e-12);
  assert.is(large.here, 1, "only the probe here");
  assert.is(large.rows, (await run("large-reference", 3, 0)).rows);
  const oneRound = await run("one-round", 1, 1e-12);
  assert.is(oneRound.here, 1, "the first task, once, here");
  assert.is(oneRound.rows, reference.rows, "its rows kept, the others' from the workers");
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
