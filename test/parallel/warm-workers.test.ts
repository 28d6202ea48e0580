// The cost estimate's calibration worker serves the run that follows (warm-workers.ts): a
// worker told a second study serves it with its engine (serve-tasks.ts), a runner hands back
// its idle workers and hears no more from them (run-tasks.ts), and a run on the calibration's
// worker writes the rows a run on fresh workers writes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import "../fixtures/register-toy.js";
import { resolveStudy } from "../../src/study/spec.js";
import { studyTasks, type Task } from "../../src/study/task.js";
import { runTasks } from "../../src/parallel/run-tasks.js";
import { serveTasks } from "../../src/parallel/serve-tasks.js";
import type { WorkerEndpoint } from "../../src/parallel/endpoint.js";
import type { FromWorker, ToWorker } from "../../src/parallel/protocol.js";
import { estimateStudy } from "../../src/output/estimate.js";
import { runStudy } from "../../src/output/run-study.js";
import { WarmWorkers } from "../../src/output/warm-workers.js";
import { registerToy, scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("warm");

/** A worker in this thread: serveTasks behind an endpoint, messages delivered asynchronously as between threads. */
function inThreadWorker(): WorkerEndpoint & { terminated: boolean; setups: number } {
  const toWorker: ((message: ToWorker) => void)[] = [];
  const fromWorker: ((message: FromWorker) => void)[] = [];
  const endpoint = {
    terminated: false,
    setups: 0,
    post: (message: ToWorker) => {
      if (message.type === "setup") endpoint.setups++;
      setImmediate(() => toWorker.forEach((handler) => handler(message)));
    },
    onMessage: (handler: (message: FromWorker) => void) => void fromWorker.push(handler),
    onError: () => {},
    onExit: () => {},
    terminate: () => void (endpoint.terminated = true),
  };
  serveTasks({
    post: (message) => setImmediate(() => { if (!endpoint.terminated) fromWorker.forEach((handler) => handler(message)); }),
    onMessage: (handler) => void toWorker.push(handler),
  });
  return endpoint;
}

async function collect(tasks: readonly Task[], worker: WorkerEndpoint, spec: unknown, handBack?: (w: WorkerEndpoint) => boolean): Promise<string[]> {
  const lines: string[] = [];
  await runTasks(tasks, {
    workers: 1,
    spawn: () => worker,
    setup: { spec, imports: [], format: "jsonl" },
    onDone: (_task, result) => lines.push(result.lines ?? ""),
    handBack,
  });
  return lines;
}

test("a worker handed back serves a second study, told anew, and its first runner hears no more of it", async () => {
  const calibration = { scenario: "toy-walk", params: { n: 50 }, grid: { drift: [0, 0.1] }, generations: 1, seeds: 1, seed: 4 };
  const run = { ...calibration, generations: 3, seeds: 2 };
  const worker = inThreadWorker();
  let handedBack = 0;
  const first = await collect(studyTasks(resolveStudy(calibration)), worker, calibration, () => (handedBack++, true));
  assert.is(first.length, 2);
  assert.is(handedBack, 1);
  assert.not.ok(worker.terminated, "a worker handed back keeps running");
  const second = await collect(studyTasks(resolveStudy(run)), worker, run);
  assert.is(worker.setups, 2);
  assert.ok(worker.terminated, "the second runner ends it");
  // The same lines as a worker that served the run alone.
  assert.equal(second, await collect(studyTasks(resolveStudy(run)), inThreadWorker(), run));
});

test("the run takes the calibration's worker and writes the rows a run on fresh workers writes", async () => {
  // Large enough for the calibration to run on a worker, not in this thread (run-here.ts).
  const spec = { scenario: "toy-walk", params: { n: 400_000 }, grid: { drift: [0, 0.1] }, generations: 12, seeds: 3, seed: 9 };
  const study = resolveStudy(spec);
  const warm = new WarmWorkers();
  try {
    await estimateStudy(study, studyTasks(study), { workers: 1, workerImports: [registerToy], warm });
    await runStudy({ spec, study, workers: 1, out: join(scratch, "warm"), plots: false, workerImports: [registerToy], warm, inThreadSeconds: 0 });
    assert.is(warm.taken, 1, "the run took the calibration's worker");
  } finally {
    warm.close();
  }
  await runStudy({ spec, workers: 1, out: join(scratch, "fresh"), plots: false, workerImports: [registerToy], inThreadSeconds: 0 });
  assert.ok(readFileSync(join(scratch, "warm", "rows.jsonl"), "utf8") === readFileSync(join(scratch, "fresh", "rows.jsonl"), "utf8"), "the same rows");
});

test("runs in turn share their workers (a default study's parts): the second takes the first's, with the rows of fresh workers", async () => {
  const first = { scenario: "toy-walk", params: { n: 200_000 }, grid: { drift: [0, 0.1, 0.2] }, generations: 6, seeds: 2, seed: 3 };
  const second = { ...first, seed: 5, grid: { drift: [0.3, 0.4] } };
  const warm = new WarmWorkers();
  try {
    await runStudy({ spec: first, workers: 2, out: join(scratch, "part-1"), plots: false, workerImports: [registerToy], warm, keepWarm: true, inThreadSeconds: 0 });
    await runStudy({ spec: second, workers: 2, out: join(scratch, "part-2"), plots: false, workerImports: [registerToy], warm, keepWarm: true, inThreadSeconds: 0 });
    assert.is(warm.taken, 2, "the second part took the first part's two workers");
  } finally {
    warm.close();
  }
  await runStudy({ spec: second, workers: 2, out: join(scratch, "part-2-fresh"), plots: false, workerImports: [registerToy], inThreadSeconds: 0 });
  assert.ok(readFileSync(join(scratch, "part-2", "rows.jsonl"), "utf8") === readFileSync(join(scratch, "part-2-fresh", "rows.jsonl"), "utf8"), "the same rows");
});

test("workers kept but not taken are ended by close, and none is kept after it", () => {
  const warm = new WarmWorkers();
  const a = inThreadWorker(), b = inThreadWorker();
  assert.ok(warm.keep("[]", a));
  assert.is(warm.take("[\"other\"]", 1).length, 0, "a worker started otherwise is not taken");
  warm.close();
  assert.ok(a.terminated);
  assert.not.ok(warm.keep("[]", b), "closed: the caller ends it");
});

test.run();
