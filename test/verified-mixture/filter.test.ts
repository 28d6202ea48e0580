// What the verifier keeps: the kept fraction alpha = phi (1 - eps) + psi eps and the post-filter
// noise eps psi / (eps psi + (1 - eps) phi) (keptLabelAccuracy = 1 - noise), and generation 0,
// which is the generator itself. Both metrics are exact averages of independent draws, so the
// SE over R replicates is the whole tolerance (keptLabelAccuracy is a ratio of counts; its
// O(1 / kept) bias, < 1e-5 at 10^4 kept points, is far below its SE of ~1e-3).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { keptFraction, postFilterNoise, labelOnlyAcceptance, generatorAccuracy } from "../../src/scenarios/verified-mixture/theory.js";
import { normalCdf } from "../../src/math/normal.js";
import { runCell, metric } from "./replicates.js";

const R = 30;
// d hardly matters to what is kept; a small d keeps these runs cheap.
const base = { d: 2, mu: 1, nSynthetic: 20_000, ridge: 1 };

const cases: [number, Record<string, unknown>][] = [
  [0.3, { kind: "noisy", phi: 0.8, psi: 0.3 }],
  [0.6, { kind: "noisy", phi: 0.8, psi: 0.3 }],
  [0.25, { kind: "noisy", phi: 0.5, psi: 0.9 }],
  [0.4, { kind: "random", keep: 0.35 }],
];

for (const [eps, verifier] of cases) {
  test(`kept fraction and post-filter noise: eps ${eps}, ${JSON.stringify(verifier)}`, async () => {
    const rows = await runCell({ ...base, generator: { kind: "flip", eps }, verifier }, R, { seed: 11 });
    const { phi, psi } = labelOnlyAcceptance(verifier as never)!;
    assertMeanWithinSE(metric(rows, "keptFraction"), keptFraction(eps, phi, psi), "keptFraction");
    assertMeanWithinSE(metric(rows, "keptLabelAccuracy"), 1 - postFilterNoise(eps, phi, psi), "keptLabelAccuracy");
  });
}

test("the oracle keeps exactly the correct labels; no verifier keeps everything", async () => {
  const oracle = await runCell({ ...base, generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "oracle" } }, R, { seed: 12 });
  assert.ok(metric(oracle, "keptLabelAccuracy").every((a) => a === 1), "oracle: every kept label correct");
  assertMeanWithinSE(metric(oracle, "keptFraction"), 0.7, "oracle keptFraction = 1 - eps");
  const none = await runCell({ ...base, generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "none" } }, R, { seed: 13 });
  assert.ok(metric(none, "keptFraction").every((f) => f === 1), "none: everything kept");
  assertMeanWithinSE(metric(none, "keptLabelAccuracy"), 0.7, "none keptLabelAccuracy = 1 - eps");
});

test("generation 0 is the generator: flip 1 - eps, linear Phi(mu cos a); round metrics empty", async () => {
  const flip = await runCell({ ...base, generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 } }, 2, { generations: 0 });
  assert.is(flip.length, 2, "generations 0: one row per replicate");
  for (const row of flip) {
    assert.is(row.generation, 0);
    assert.is(row.accuracy, 0.7);
    assert.is(row.theoryAccuracy, 0.7);
    assert.is(row.bayesAccuracy, normalCdf(1));
    assert.is(row.keptFraction, null);
    assert.is(row.keptLabelAccuracy, null);
  }
  const linear = await runCell({ ...base, mu: 1.5, generator: { kind: "linear", angle: -50 }, verifier: { kind: "none" } }, R, { seed: 14 });
  const expected = normalCdf(1.5 * Math.cos((50 * Math.PI) / 180));
  assert.ok(Math.abs(expected - 0.833) < 0.0005, "the theory page's generator accuracy 0.833");
  assert.ok(metric(linear, "accuracy", 0).every((a) => a === expected && a === generatorAccuracy(1.5, { kind: "linear", angle: -50 })));
  // The labels the generator actually produced in round 1 are right that often.
  assertMeanWithinSE(metric(linear, "keptLabelAccuracy", 1), expected, "linear generator's label accuracy");
});

test("theory columns for what is kept hold in every round of the self-consuming loop", async () => {
  // From round 2 the generator is the last model; its label accuracy is the previous row's exact
  // accuracy, so each row's theory value is the conditional expectation of its own round: the
  // per-replicate differences have mean zero, whatever the model turned out to be.
  const verifier = { kind: "noisy", phi: 0.7, psi: 0.4 };
  const rows = await runCell({ ...base, d: 20, nSynthetic: 5000, generator: { kind: "flip", eps: 0.35 }, verifier }, R, { seed: 15, generations: 3 });
  for (const generation of [1, 2, 3]) {
    const at = rows.filter((row) => row.generation === generation);
    assert.ok(at.every((row) => typeof row.theoryKeptFraction === "number"), `round ${generation}: theory present`);
    assertMeanWithinSE(at.map((row) => (row.keptFraction as number) - (row.theoryKeptFraction as number)), 0, `round ${generation} keptFraction - theory`);
    assertMeanWithinSE(at.map((row) => (row.keptLabelAccuracy as number) - (row.theoryKeptLabelAccuracy as number)), 0, `round ${generation} keptLabelAccuracy - theory`);
  }
  const first = rows.find((row) => row.generation === 1)!;
  assert.is(first.theoryKeptFraction, keptFraction(0.35, 0.7, 0.4));
  assert.is(first.theoryKeptLabelAccuracy, 1 - postFilterNoise(0.35, 0.7, 0.4));
  const drawn = await runCell({ ...base, generator: { kind: "logistic", angle: 40, sharpness: 3 }, verifier: { kind: "linear", angle: 10 } }, 1, { seed: 16 });
  assert.ok(drawn.every((row) => row.theoryKeptFraction === null && row.theoryKeptLabelAccuracy === null), "no closed form for a geometric verifier of drawn labels");
});

test.run();
