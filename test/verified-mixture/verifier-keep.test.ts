// What linear and self verifiers keep of a deterministic direction's labels, against the closed
// forms (bivariate normal orthant probabilities; the generator's margin), in the first round and,
// given the previous model, in later rounds of the loop; and what a label-only verifier keeps of
// labels that a logistic model draws (its label accuracy E[sigma(|w| t)]). The kept fraction is
// an average of independent draws and the kept-label accuracy a ratio of counts (bias O(1 / kept),
// far below its SE), so the SE over R replicates is the whole tolerance. From round 2 the theory
// columns are expectations given the previous model: each replicate's difference has mean zero.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { runCell, metric } from "./replicates.js";
import type { Row } from "../../src/index.js";

const R = 30;
const base = { d: 5, mu: 1.5, nSynthetic: 10_000, ridge: 0.01 };

/** Both kept metrics minus their theory columns, at each generation, have mean zero. */
function assertKeptTheory(rows: Row[], generations: number, label: string): void {
  for (let generation = 1; generation <= generations; generation++) {
    const at = rows.filter((row) => row.generation === generation);
    assert.ok(at.every((row) => typeof row.theoryKeptFraction === "number" && typeof row.theoryKeptLabelAccuracy === "number"), `${label}: theory at ${generation}`);
    for (const [simulated, theory] of [["keptFraction", "theoryKeptFraction"], ["keptLabelAccuracy", "theoryKeptLabelAccuracy"]]) {
      assertMeanWithinSE(at.map((row) => (row[simulated] as number) - (row[theory] as number)), 0, `${label}, generation ${generation}: ${simulated} - ${theory}`);
    }
  }
}

const cases: [string, Record<string, unknown>, number][] = [
  ["linear generator 50, linear verifier 20", { generator: { kind: "linear", angle: 50 }, verifier: { kind: "linear", angle: 20 } }, 3],
  ["linear generator 50, linear verifier 80 with margin 0.5", { generator: { kind: "linear", angle: 50 }, verifier: { kind: "linear", angle: 80, margin: 0.5 } }, 3],
  ["linear generator -60, linear verifier 30 with margin 1, best of 3 (one candidate repeated)", { generator: { kind: "linear", angle: -60 }, verifier: { kind: "linear", angle: 30, margin: 1 }, selection: { kind: "bestOfK", k: 3 } }, 2],
  ["linear generator 35, self-selection with margin 0.7", { generator: { kind: "linear", angle: 35 }, verifier: { kind: "self", margin: 0.7 } }, 3],
  ["linear generator 50, a linear verifier along it (correlation 1)", { generator: { kind: "linear", angle: 50 }, verifier: { kind: "linear", angle: 50, margin: 0.3 } }, 1],
  ["linear generator 50, a linear verifier nearly against it (correlation -0.985)", { generator: { kind: "linear", angle: 50 }, verifier: { kind: "linear", angle: -140 } }, 1],
];

for (const [name, world, generations] of cases) {
  test(`what a verifier keeps, against its closed form: ${name}`, async () => {
    assertKeptTheory(await runCell({ ...base, ...world }, R, { seed: 61, generations }), generations, name);
  });
}

test("a linear verifier against the generator (correlation -1) keeps nothing, and its theory says so", async () => {
  const rows = await runCell({ ...base, generator: { kind: "linear", angle: 50 }, verifier: { kind: "linear", angle: -130 } }, 3, { seed: 61 });
  for (const row of rows.filter((r) => r.generation === 1)) {
    assert.equal([row.keptFraction, row.keptLabelAccuracy, row.theoryKeptFraction, row.theoryKeptLabelAccuracy], [0, null, 0, null]);
  }
});

test("what a label-only verifier keeps of labels a logistic model draws, round after round", async () => {
  const rows = await runCell({ ...base, mu: 1, learner: "logistic", generator: { kind: "logistic", angle: 30, sharpness: 3 }, verifier: { kind: "noisy", phi: 0.8, psi: 0.4 } }, R, { seed: 62, generations: 3 });
  assertKeptTheory(rows, 3, "logistic loop, noisy verifier");
});

test("no closed form where candidates drawn from x meet a geometric verifier or best-of-k", async () => {
  const drawn = { kind: "logistic", angle: 30, sharpness: 3 };
  for (const world of [
    { generator: drawn, verifier: { kind: "linear", angle: 10 } },
    { generator: drawn, verifier: { kind: "self", margin: 0.3 } },
    { generator: drawn, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 }, selection: { kind: "bestOfK", k: 2 } },
  ]) {
    const rows = await runCell({ ...base, nSynthetic: 500, ...world }, 1, { seed: 63 });
    assert.ok(metric(rows, "theoryKeptFraction").every((v) => v === null), JSON.stringify(world));
  }
});

test.run();
