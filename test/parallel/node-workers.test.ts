// simulateInWorker in Node (the package's node entry): on worker threads, with one worker or
// several, the rows are simulate()'s in its order; each replicate's rows and the progress arrive
// as replicates finish; an abort stops the workers; a bad spec is refused before any starts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate, simulateInWorker, SpecError } from "../../src/node.js";

const SPEC = { scenario: "weak-data", params: { prompts: 1000 }, grid: { arm: ["filter-only", "replace-rejected"] }, generations: 3, seeds: 3, seed: 5 };

test("on one or two worker threads, the rows are simulate()'s, in its order", async () => {
  const expected = JSON.stringify(await simulate(SPEC));
  assert.is(JSON.stringify(await simulateInWorker(SPEC)), expected, "one worker");
  assert.is(JSON.stringify(await simulateInWorker(SPEC, { workers: 2 })), expected, "two workers");
});

test("each replicate's rows and the progress arrive as replicates finish", async () => {
  const streamed: string[] = [];
  const progress: number[] = [];
  const rows = await simulateInWorker(SPEC, {
    workers: 2,
    onRows: (replicate, task) => streamed.push(`${task.cell}/${task.replicate}:${replicate.length}`),
    onProgress: ({ done, total }) => progress.push(done / total),
  });
  assert.is(streamed.length, 6);
  assert.ok(streamed.every((s) => s.endsWith(":4")), streamed.join(" "));
  assert.equal(progress, [1, 2, 3, 4, 5, 6].map((n) => n / 6));
  assert.is(rows.length, 24);
});

test("an abort stops the workers and rejects with the signal's reason", async () => {
  const controller = new AbortController();
  const start = performance.now();
  setTimeout(() => controller.abort(), 100);
  const long = { ...SPEC, params: { prompts: 200_000 }, generations: 200 };
  const error = await simulateInWorker(long, { workers: 2, signal: controller.signal }).then(() => null, (e: unknown) => e);
  assert.instance(error, DOMException);
  assert.is((error as DOMException).name, "AbortError");
  assert.ok(performance.now() - start < 5000, "stopped soon after the abort");
});

test("a bad spec is refused before any worker starts", async () => {
  const error = await simulateInWorker({ ...SPEC, seeds: 0 }).then(() => null, (e: unknown) => e);
  assert.instance(error, SpecError);
  assert.match((error as Error).message, "seeds: out of range (got 0)");
});

test.run();
