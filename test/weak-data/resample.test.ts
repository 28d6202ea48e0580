// The resampling control, filter+resample: hardest's budget spent on extra samples of the prompt,
// filtered like the others, instead of weak labels. In expected mode it is filtering only (extra
// samples keep the same share of correct ones); with finite samples it gives a prompt more
// tries; on a prompt the model never answers correctly it can never help, while labels do.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { theory } from "../../src/scenarios/weak-data/index.js";
import { simulate } from "../../src/index.js";
import { assertWithinSE, mean, standardError, Z } from "../helpers/stats.js";
import { wasm, startRun, heads, afterRounds, sum } from "./helpers.js";
import type { LabelAllocation, ParamsOf } from "../../src/index.js";

// Rounding in a few dozen affine steps on numbers in [0, 1] (as expected-mode.test.ts).
const PRECISION = 1e-12;

const base = {
  prompts: 3000,
  responses: 8,
  unsolvable: 0.25,
  accuracyBeta: [1, 3],
  wrongSpread: "dirichlet",
  samples: 4,
} satisfies ParamsOf<"weak-data">;

function curated(allocation: LabelAllocation, filter: { gamma: number; rho: number }, more: ParamsOf<"weak-data"> = {}) {
  return { ...base, alpha: 0.6, filter: { kind: "noisy" as const, ...filter }, labeler: { beta: 0.5, allocation, budget: 0.5 }, ...more };
}

test("expected mode: filter+resample is filtering only, prompt by prompt, and its rows carry the filter-only closed form", async () => {
  for (const filter of [{ gamma: 0, rho: 0.2 }, { gamma: 0.3, rho: 0.1 }]) {
    const resampled = startRun(wasm, curated("resample", filter, { expected: true }), 61n);
    const filtered = startRun(wasm, curated("none", filter, { expected: true }), 61n);
    assert.equal(heads(resampled), heads(filtered), "the same initial model");
    try {
      for (let t = 1; t <= 20; t++) {
        resampled.step();
        filtered.step();
        const a = heads(resampled), b = heads(filtered);
        a.forEach((p, x) => assert.ok(Math.abs(p - b[x]) <= PRECISION, `${JSON.stringify(filter)} round ${t} prompt ${x}: ${p} vs ${b[x]}`));
        const m = resampled.metrics();
        assert.ok((m.extraSamples as number) > 0, "extra samples are spent");
        assert.is(m.labels, 0);
      }
    } finally {
      resampled.free();
      filtered.free();
    }
  }
  const rows = await simulate({
    scenario: "weak-data",
    params: { ...curated("resample", { gamma: 0, rho: 0.2 }, { expected: true }), arm: "filter+resample" },
    generations: 15,
    seeds: 2,
    seed: 62,
  });
  const first = new Map(rows.filter((r) => r.generation === 0).map((r) => [r.replicate, r]));
  for (const row of rows) {
    const start = first.get(row.replicate)!;
    const predicted = theory.filterOnlyAccuracy(start.accuracy as number, start.unsolved as number, 0.6, row.generation as number);
    assert.ok(Math.abs((row.theoryAccuracy as number) - predicted) <= PRECISION, `theoryAccuracy at ${row.generation}`);
    assert.ok(Math.abs((row.accuracy as number) - predicted) <= PRECISION, `accuracy at ${row.generation}: ${row.accuracy} vs ${predicted}`);
    assert.is(row.theoryLabelsTotal, 0);
  }
});

test("extra samples spend the budget as hardest's labels do: min(budget, rejections), one per rejected sample, in order of rejections", () => {
  const run = startRun(wasm, curated("resample", { gamma: 0.1, rho: 0.05 }), 63n);
  const offered = Math.round(0.5 * base.prompts);
  try {
    for (let t = 1; t <= 5; t++) {
      run.step();
      const rejected = run.buffers.rejected.view, extra = run.buffers.labels.view;
      assert.is(sum(extra), Math.min(offered, sum(rejected)), `round ${t}`);
      extra.forEach((e, x) => assert.ok(Number.isInteger(e) && e >= 0 && e <= rejected[x], `round ${t} prompt ${x}`));
      const m = run.metrics();
      assert.is(m.extraSamples, sum(extra) / base.prompts);
      assert.is(m.labels, 0);
      assert.is(m.labelsTotal, 0);
    }
  } finally {
    run.free();
  }
});

test("with finite samples, an oracle filter and alpha = 1, a prompt of accuracy a is solved with probability 1 - (1 - a)^(2k) when every rejection gets a retry", () => {
  // All k samples wrong (probability (1 - a)^k) means k rejections and so k more tries; one
  // correct sample among them solves the prompt outright at alpha = 1.
  const spec = { ...base, alpha: 1, filter: { kind: "noisy", gamma: 0, rho: 0 }, labeler: { beta: 0.5, allocation: "resample", budget: null } };
  const run = startRun(wasm, spec, 64n);
  const start = heads(run);
  const solved = afterRounds(run, 1, heads).map((a) => (a === 1 ? 1 : 0));
  const p = start.map((a) => theory.firstSolveProbability(a, 2 * base.samples));
  const se = Math.sqrt(p.reduce((s, q) => s + q * (1 - q), 0)) / p.length;
  assertWithinSE(mean(solved), mean(p), se, "share solved after one round");
  // More than filtering alone gets: 1 - (1 - a)^k.
  const alone = mean(start.map((a) => theory.firstSolveProbability(a, base.samples)));
  assert.ok(mean(solved) - alone > Z * se, `resampling solves ${mean(solved).toFixed(4)} against filtering's ${alone.toFixed(4)}`);
});

test("on prompts with p(0|x) = 0 resampling never helps; weak labels do", () => {
  const zeroRows = Math.round(base.unsolvable * base.prompts);
  const unsolvableAfter = (allocation: LabelAllocation) =>
    afterRounds(startRun(wasm, curated(allocation, { gamma: 0.2, rho: 0 }), 65n), 10, heads).subarray(0, zeroRows);
  assert.ok(unsolvableAfter("resample").every((a) => a === 0), "resampled: every such prompt still at 0");
  const labelled = unsolvableAfter("hardest");
  assert.ok(mean(labelled) > Z * standardError(labelled), `labelled: mean accuracy ${mean(labelled).toFixed(4)} on them`);
});

test.run();
