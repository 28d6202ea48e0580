// Sampling mode against expectations: per prompt, the difference between the simulated value
// and its expectation given the initial model is independent across prompts, so their mean
// is within Z standard errors of 0 (test/helpers/stats.ts).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { theory } from "../../src/scenarios/weak-data/index.js";
import { assertMeanWithinSE, assertWithinSE, mean } from "../helpers/stats.js";
import { wasm, startRun, heads, afterRounds } from "./helpers.js";
import type { ParamsOf } from "../../src/index.js";

const base = {
  prompts: 20_000,
  responses: 6,
  unsolvable: 0.1,
  accuracyBeta: [1, 2],
  wrongSpread: "dirichlet",
  samples: 3,
} satisfies ParamsOf<"weak-data">;

/** The base setting curated by replace-rejected with the theory's (alpha, beta, gamma, rho). */
function replaceRejected(curation: { alpha: number; beta: number; gamma: number; rho: number }) {
  return {
    ...base,
    alpha: curation.alpha,
    filter: { kind: "noisy", gamma: curation.gamma, rho: curation.rho },
    labeler: { beta: curation.beta, allocation: "replace-rejected", budget: null },
  };
}

test("replace-rejected: sampling mode has expected mode's mean accuracy, prompt by prompt", () => {
  const curation = { alpha: 0.7, beta: 0.6, gamma: 0.2, rho: 0.1 };
  const spec = replaceRejected(curation);
  for (const rounds of [1, 4]) {
    // The same seed gives both modes the same initial model.
    const sampled = startRun(wasm, spec, 21n);
    const averaged = startRun(wasm, { ...spec, expected: true }, 21n);
    const start = heads(sampled);
    assert.equal(heads(averaged), start);
    const end = afterRounds(sampled, rounds, heads);
    const expected = afterRounds(averaged, rounds, heads);
    assertMeanWithinSE(end.map((a, x) => a - expected[x]), 0, `sampled minus expected accuracy after ${rounds} rounds`);
    // Expected mode is the recursion (expected-mode.test.ts); here too, to the same precision.
    expected.forEach((a, x) => assert.ok(Math.abs(a - (1 - theory.errorAfter(1 - start[x], rounds, curation))) < 1e-12));
  }
});

test("replace-rejected: labels spent match the expected k (rho (1 - e) + (1 - gamma) e) a round, prompt by prompt", () => {
  const curation = { alpha: 0.5, beta: 0.4, gamma: 0.3, rho: 0.2 };
  const spec = replaceRejected(curation);
  const run = startRun(wasm, spec, 22n);
  try {
    const start = heads(run);
    const spent = new Float64Array(start.length);
    const rounds = 3;
    for (let t = 0; t < rounds; t++) {
      run.step();
      const labels = run.buffers.labels.view;
      for (let x = 0; x < spent.length; x++) spent[x] += labels[x];
    }
    const offsets = spent.map((l, x) => l - theory.expectedLabels(1 - start[x], rounds, base.samples, curation));
    assertMeanWithinSE(offsets, 0, "labels over 3 rounds minus their expectation");
  } finally {
    run.free();
  }
});

test("filter only with the oracle filter and alpha = 1: a prompt of accuracy a is solved in a round with probability 1 - (1 - a)^k", () => {
  const spec = { ...base, alpha: 1, filter: { kind: "noisy", gamma: 0, rho: 0 }, labeler: { allocation: "none" } };
  const run = startRun(wasm, spec, 23n);
  const start = heads(run);
  const solved = afterRounds(run, 1, heads).map((a) => (a === 1 ? 1 : 0));
  const p = start.map((a) => theory.firstSolveProbability(a, base.samples));
  const se = Math.sqrt(p.reduce((s, q) => s + q * (1 - q), 0)) / p.length;
  assertWithinSE(mean(solved), mean(p), se, "share solved after one round");
  // Prompts the model cannot solve stay at 0: filtering alone never fixes them.
  start.forEach((a, x) => {
    if (a === 0) assert.is(solved[x], 0);
  });
});

test("a study's theory columns for replace-rejected predict its accuracy and labels, whatever the budget", async () => {
  const { simulate } = await import("../../src/index.js");
  const rows = await simulate({
    scenario: "weak-data",
    params: { ...base, prompts: 2000, filter: { kind: "noisy", gamma: 0.1, rho: 0.05 }, labeler: { beta: 0.5, budget: 0.25 }, arm: "replace-rejected" },
    generations: 6,
    seeds: 10,
    seed: 5,
  });
  for (let t = 1; t <= 6; t++) {
    const at = rows.filter((r) => r.generation === t);
    assertMeanWithinSE(at.map((r) => (r.accuracy as number) - (r.theoryAccuracy as number)), 0, `accuracy - theoryAccuracy at ${t}`);
    assertMeanWithinSE(at.map((r) => (r.labelsTotal as number) - (r.theoryLabelsTotal as number)), 0, `labelsTotal - theoryLabelsTotal at ${t}`);
  }
});

test.run();
