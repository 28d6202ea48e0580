// Collapse without curation: each prompt's distribution is refit on k of its own samples, a
// Wright-Fisher process. Tolerances from the standard error across independent prompts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { theory } from "../../src/scenarios/weak-data/index.js";
import { assertMeanWithinSE, assertWithinSE, mean } from "../helpers/stats.js";
import { wasm, startRun, heads, ginis, fixed, sum } from "./helpers.js";
import type { ParamsOf } from "../../src/index.js";

const samples = 4;
const collapse = {
  prompts: 5000,
  responses: 5,
  unsolvable: 0.2,
  accuracyBeta: [2, 2],
  wrongSpread: "dirichlet",
  samples,
  alpha: 1,
  filter: { kind: "none" },
  labeler: { allocation: "none" },
} satisfies ParamsOf<"weak-data">;

test("Gini diversity decays as (1 - 1/k)^t, accuracy is a martingale, entropy falls", () => {
  const run = startRun(wasm, collapse, 31n);
  try {
    const gini0 = ginis(run);
    const accuracy0 = heads(run);
    const entropy0 = run.metrics().entropy as number;
    let previousEntropy = entropy0;
    for (let t = 1; t <= 6; t++) {
      run.step();
      const gini = ginis(run);
      assertMeanWithinSE(gini.map((g, x) => g - theory.giniAfter(gini0[x], t, samples, 1)), 0, `Gini at round ${t}`);
      assertMeanWithinSE(heads(run).map((a, x) => a - accuracy0[x]), 0, `accuracy change at round ${t}`);
      const m = run.metrics();
      assert.ok(Math.abs((m.gini as number) - mean(gini)) < 1e-12, "the gini metric is the mean of the prompts' Gini diversities");
      assert.ok((m.entropy as number) < previousEntropy, `entropy falls at round ${t}`);
      previousEntropy = m.entropy as number;
    }
  } finally {
    run.free();
  }
});

test("with alpha < 1 the Gini diversity decays as (1 - alpha^2 / k)^t", () => {
  const alpha = 0.6;
  const run = startRun(wasm, { ...collapse, alpha }, 32n);
  try {
    const gini0 = ginis(run);
    for (let t = 0; t < 5; t++) run.step();
    assertMeanWithinSE(ginis(run).map((g, x) => g - theory.giniAfter(gini0[x], 5, samples, alpha)), 0, "Gini at round 5");
  } finally {
    run.free();
  }
});

test("every prompt fixes on one response, the correct one with probability equal to its initial accuracy", () => {
  const run = startRun(wasm, collapse, 33n);
  try {
    const accuracy0 = heads(run);
    // An unfixed prompt has Gini >= 1 - (3/4)^2 - (1/4)^2 with k = 4, so after 70 rounds the
    // chance that any of the prompts is unfixed is below prompts * (3/4)^70 / 0.375 < 1e-4.
    for (let t = 0; t < 70; t++) run.step();
    assert.ok(fixed(run).every(Boolean), "every prompt sits on one response");
    const m = run.metrics();
    assert.is(m.entropy, 0);
    assert.is(m.gini, 0);
    assert.is((m.solvedFraction as number) + (m.unsolved as number), 1, "p(0|x) is 0 or 1 everywhere");
    const onCorrect = heads(run);
    const variance = sum(accuracy0.map((a) => a * (1 - a)));
    assertWithinSE(mean(onCorrect), mean(accuracy0), Math.sqrt(variance) / accuracy0.length, "share fixed on the correct response");
  } finally {
    run.free();
  }
});

test("the theory columns of a study without curation carry the Wright-Fisher decay", async () => {
  const { simulate } = await import("../../src/index.js");
  const rows = await simulate({ scenario: "weak-data", params: { ...collapse, prompts: 3000 }, generations: 8, seeds: 12, seed: 3 });
  for (let t = 1; t <= 8; t++) {
    const at = rows.filter((r) => r.generation === t);
    const offsets = at.map((r) => (r.gini as number) - (r.theoryGini as number));
    assertMeanWithinSE(offsets, 0, `gini - theoryGini at generation ${t}`);
    at.forEach((r) => assert.is(r.theoryAccuracy, rows.find((s) => s.generation === 0 && s.replicate === r.replicate)!.accuracy));
  }
});

test.run();
