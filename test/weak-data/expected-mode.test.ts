// Expected mode against the closed forms of theory.ts, to floating-point precision.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { theory } from "../../src/scenarios/weak-data/index.js";
import { simulate } from "../../src/index.js";
import { wasm, startRun, heads, afterRounds } from "./helpers.js";
import type { ParamsOf } from "../../src/index.js";

// Rounding in a few dozen affine steps on numbers in [0, 1]: far above it, far below any modelling error.
const PRECISION = 1e-12;

const base = {
  prompts: 400,
  responses: 8,
  unsolvable: 0.25,
  accuracyBeta: [2, 3],
  wrongSpread: "dirichlet",
  samples: 4,
  expected: true,
} satisfies ParamsOf<"weak-data">;

const curations = [
  { alpha: 1, beta: 0.5, gamma: 0, rho: 0 },
  { alpha: 0.5, beta: 0.3, gamma: 0.2, rho: 0 },
  { alpha: 0.8, beta: 0.7, gamma: 0.1, rho: 0.05 },
  { alpha: 0.3, beta: 0.9, gamma: 0.5, rho: 0.3 },
];

function replaceRejected({ alpha, beta, gamma, rho }: theory.Curation) {
  return { ...base, alpha, filter: { kind: "noisy", gamma, rho }, labeler: { beta, allocation: "replace-rejected", budget: null } } satisfies ParamsOf<"weak-data">;
}

test("every prompt follows the affine error recursion (replace-rejected)", () => {
  for (const curation of curations) {
    const run = startRun(wasm, replaceRejected(curation), 11n);
    const start = heads(run);
    const rounds = 25;
    const end = afterRounds(run, rounds, heads);
    for (let x = 0; x < start.length; x++) {
      const predicted = 1 - theory.errorAfter(1 - start[x], rounds, curation);
      assert.ok(Math.abs(end[x] - predicted) <= PRECISION, `${JSON.stringify(curation)} prompt ${x}: ${end[x]} vs ${predicted}`);
    }
  }
});

test("mean accuracy and labels per generation equal the closed forms (replace-rejected)", () => {
  for (const curation of curations) {
    const run = startRun(wasm, replaceRejected(curation), 12n);
    try {
      const first = run.metrics();
      const e0 = 1 - (first.accuracy as number);
      for (let t = 1; t <= 20; t++) {
        run.step();
        const m = run.metrics();
        assert.ok(Math.abs((m.accuracy as number) - (1 - theory.errorAfter(e0, t, curation))) <= PRECISION, `accuracy at ${t}`);
        const labels = theory.expectedLabels(e0, t, base.samples, curation);
        assert.ok(Math.abs((m.labelsTotal as number) - labels) <= PRECISION * base.samples * t, `labels at ${t}: ${m.labelsTotal} vs ${labels}`);
      }
    } finally {
      run.free();
    }
  }
});

test("false rejections leave the error floor e* = rho (1 - beta) / (rho (1 - beta) + beta (1 - gamma))", () => {
  const curation = { alpha: 0.9, beta: 0.6, gamma: 0.2, rho: 0.15 };
  const floor = theory.errorFloor(curation);
  // c^300 is below 1e-40: the initial error is forgotten.
  const accuracies = afterRounds(startRun(wasm, replaceRejected(curation), 13n), 300, heads);
  for (const a of accuracies) assert.ok(Math.abs(1 - a - floor) <= PRECISION, `error ${1 - a} vs floor ${floor}`);
  assert.ok(floor > 0.1, "the setting has a visible floor");
});

test("with rho = 0 the last prompt reaches error epsilon in exactly ceil(ln(1/epsilon) / -ln c) rounds, within the round count ceil(ln(1/epsilon) / (alpha beta (1 - gamma)))", () => {
  const curation = { alpha: 0.7, beta: 0.4, gamma: 0.1 };
  const epsilon = 0.003;
  const rounds = theory.roundsToEpsilon(1, epsilon, curation);
  const exact = Math.log(1 / epsilon) / -Math.log(theory.errorRecursion({ ...curation, rho: 0 }).c);
  assert.ok(rounds - exact > 1e-6 && rounds - exact < 1 - 1e-6, "the boundary is not within rounding of an integer");
  assert.ok(rounds <= theory.roundsToEpsilonBound(epsilon, curation));
  const run = startRun(wasm, { ...replaceRejected({ ...curation, rho: 0 }), epsilon }, 14n);
  try {
    const solved: number[] = [];
    for (let t = 1; t <= rounds; t++) {
      run.step();
      solved.push(run.metrics().solvedFraction as number);
    }
    assert.is(solved[rounds - 1], 1);
    assert.ok(solved[rounds - 2] < 1, `unsolvable prompts (error 1) are not yet within epsilon at round ${rounds - 1}`);
  } finally {
    run.free();
  }
});

test("expected labels over all rounds stay under the label-cost bound k e0 / (alpha beta) and approach it", () => {
  const curation = { alpha: 0.6, beta: 0.5, gamma: 0.3, rho: 0 };
  const run = startRun(wasm, replaceRejected(curation), 15n);
  try {
    const e0 = 1 - (run.metrics().accuracy as number);
    const bound = theory.labelCostBound(e0, base.samples, curation);
    let labels = 0;
    for (let t = 1; t <= 200; t++) {
      run.step();
      labels = run.metrics().labelsTotal as number;
      assert.ok(labels <= bound * (1 + PRECISION), `round ${t}: ${labels} > ${bound}`);
    }
    assert.ok(Math.abs(labels - bound) <= 1e-9 * bound, `after 200 rounds ${labels} vs ${bound}`);
  } finally {
    run.free();
  }
});

test("filter only: e' = (1 - alpha) e for prompts the model can solve, nothing for the rest; accuracy stops at 1 - unsolvable", () => {
  for (const alpha of [1, 0.4]) {
    const spec = { ...base, alpha, filter: { kind: "noisy", gamma: 0, rho: 0.2 }, labeler: { beta: 0.5, allocation: "none" } };
    const run = startRun(wasm, spec, 16n);
    try {
      const first = run.metrics();
      assert.is(first.unsolved, base.unsolvable);
      for (let t = 1; t <= 60; t++) {
        run.step();
        const m = run.metrics();
        const predicted = theory.filterOnlyAccuracy(first.accuracy as number, first.unsolved as number, alpha, t);
        assert.ok(Math.abs((m.accuracy as number) - predicted) <= PRECISION, `alpha ${alpha}, round ${t}: ${m.accuracy} vs ${predicted}`);
        assert.is(m.unsolved, base.unsolvable);
        assert.is(m.labels, 0);
      }
      assert.ok(Math.abs((run.metrics().accuracy as number) - theory.filterOnlyPlateau(base.unsolvable)) <= PRECISION);
    } finally {
      run.free();
    }
  }
});

test("replace-rejected ignores the budget, budget 0 included, and so do its theory columns", async () => {
  // gamma = 0 and rho < 1: the setting where filter only has its own closed form, which must
  // not stand in for replace-rejected's.
  const curation = { alpha: 0.6, beta: 0.5, gamma: 0, rho: 0.1 };
  const rows = await simulate({
    scenario: "weak-data",
    params: { ...replaceRejected(curation), labeler: { beta: curation.beta, allocation: "replace-rejected", budget: 0 } },
    generations: 8,
    seeds: 1,
    seed: 18,
  });
  const e0 = 1 - (rows[0].accuracy as number);
  for (const row of rows.slice(1)) {
    const t = row.generation as number;
    assert.ok((row.labels as number) > 0, `labels spent in round ${t}`);
    const accuracy = 1 - theory.errorAfter(e0, t, curation);
    assert.ok(Math.abs((row.theoryAccuracy as number) - accuracy) <= PRECISION, `theoryAccuracy at ${t}: ${row.theoryAccuracy} vs ${accuracy}`);
    assert.ok(Math.abs((row.accuracy as number) - accuracy) <= PRECISION, `accuracy at ${t}`);
    const labels = theory.expectedLabels(e0, t, base.samples, curation);
    assert.ok(Math.abs((row.theoryLabelsTotal as number) - labels) <= PRECISION * base.samples * t, `theoryLabelsTotal at ${t}: ${row.theoryLabelsTotal} vs ${labels}`);
    assert.ok(Math.abs((row.labelsTotal as number) - labels) <= PRECISION * base.samples * t, `labelsTotal at ${t}`);
  }
});

test("no curation in expected mode stays put: the table does not move", () => {
  for (const alpha of [1, 0.35]) {
    const run = startRun(wasm, { ...base, alpha, filter: { kind: "none" }, labeler: { allocation: "none" } }, 17n);
    try {
      const start = run.buffers.table.toArray();
      const first = run.metrics();
      for (let t = 0; t < 30; t++) run.step();
      const end = run.buffers.table.view;
      for (let i = 0; i < start.length; i++) assert.ok(Math.abs(end[i] - start[i]) <= PRECISION, `entry ${i}`);
      const last = run.metrics();
      for (const name of ["accuracy", "entropy", "gini"]) {
        assert.ok(Math.abs((last[name] as number) - (first[name] as number)) <= PRECISION, name);
      }
    } finally {
      run.free();
    }
  }
});

test.run();
