// curated-choice against its closed forms and invariants: generation 1's exact expectations under
// every schedule and K (4.5 SE), every generation's with K = 1; the paired differences
// X - conditionalX under the schedules that have them; K = 1 is the plain refit (the same rows as
// categorical-tails on the same seed); the same rows on every build and the reference; bad input.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate, WasmEngine, createEngine, resolveParams } from "../../src/index.js";
import { scenario as curatedChoice } from "../../src/scenarios/curated-choice/index.js";
import { scenario as categoricalTails } from "../../src/scenarios/categorical-tails/index.js";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { sharedAt, valuesAt } from "../gaussian-refit/helpers.js";
import { assertSameRows } from "../helpers/rows-at.js";

const run = (params: Record<string, unknown>, generations: number, seeds: number, seed = 1) =>
  simulate({ scenario: "curated-choice", params, generations, seeds, seed });

const SCHEDULES = [
  { kind: "replace" }, { kind: "accumulate", growth: { kind: "linear", rate: 1 } }, { kind: "accumulate-subsample" },
  { kind: "fixed-real", lambda: 1, nReal: 60 }, { kind: "fresh-real", realFraction: 0.3 },
];

test("generation 1: E meanReward, topMass and supportSize exact under every schedule, for K = 2, 16 and infinite (4.5 SE)", async () => {
  for (const schedule of SCHEDULES) {
    for (const choices of [2, 16, "infinite"]) {
      const rows = await run({ support: 12, samples: 60, choices, schedule }, 1, 800, 3);
      for (const metric of ["meanReward", "topMass", "supportSize"]) {
        const theory = sharedAt(rows, 1, `theory${metric[0].toUpperCase()}${metric.slice(1)}`) as number;
        assertMeanWithinSE(valuesAt(rows, 1, metric), theory, `${schedule.kind} K = ${choices}: ${metric}`);
      }
    }
  }
});

test("K = 1 (no curation): E p_t = p0 under every schedule, so the mean reward and top mass stay p0's (4.5 SE); with K > 1 those columns are null after generation 1", async () => {
  for (const schedule of SCHEDULES) {
    const rows = await run({ support: 8, samples: 40, choices: 1, schedule }, 6, 1000, 5);
    for (const metric of ["meanReward", "topMass"]) {
      const theory = sharedAt(rows, 6, `theory${metric[0].toUpperCase()}${metric.slice(1)}`) as number;
      assert.is(theory, sharedAt(rows, 0, metric));
      assertMeanWithinSE(valuesAt(rows, 6, metric), theory, `${schedule.kind}: ${metric}`);
    }
  }
  const curated = await run({ choices: 4 }, 3, 2);
  assert.is(sharedAt(curated, 3, "theoryMeanReward"), null);
});

test("the paired differences X - conditionalX have mean 0 (4.5 SE) at t = 1, 3, 8 under replace, accumulate, fixed-real and fresh-real", async () => {
  for (const schedule of SCHEDULES.filter((s) => s.kind !== "accumulate-subsample")) {
    const rows = await run({ support: 40, samples: 80, choices: 4, schedule }, 8, 800, 7);
    for (const t of [1, 3, 8]) {
      for (const [metric, column] of [["meanReward", "conditionalMeanReward"], ["topMass", "conditionalTopMass"], ["supportSize", "conditionalSupportSize"]] as const) {
        const d = rows.filter((r) => r.generation === t).map((r) => (r[metric] as number) - (r[column] as number));
        // Every atom alive in every replicate: the difference is the tiny chance of a loss, the same in every row.
        if (d.every((x) => x === d[0])) assert.ok(Math.abs(d[0]) < 1e-5, `${schedule.kind} t = ${t}: ${metric} ${d[0]}`);
        else assertMeanWithinSE(d, 0, `${schedule.kind} t = ${t}: ${metric}`);
      }
    }
  }
  const subsample = await run({ schedule: { kind: "accumulate-subsample" } }, 2, 2);
  assert.is(sharedAt(subsample, 2, "conditionalMeanReward"), null);
});

test("K = 1 is the plain refit: the same support, gini and entropy as categorical-tails on the same seed, under every schedule", async () => {
  for (const schedule of SCHEDULES) {
    const engine = await createEngine("wasm");
    for (const seed of [1n, 2n, 3n]) {
      const options = { generations: 5, seed };
      const curated = curatedChoice.runReplicate(engine, resolveParams(curatedChoice, { support: 30, samples: 50, choices: 1, schedule }), options);
      const plain = categoricalTails.runReplicate(engine, resolveParams(categoricalTails, { support: 30, zipfExponent: 1, samples: 50, schedule }), options);
      for (const metric of ["supportSize", "gini", "entropy"]) {
        assert.equal(curated.map((r) => r[metric]), plain.map((r) => r[metric]), `${schedule.kind} ${metric}`);
      }
    }
  }
});

test("expected mode: the rows are the expected-mode trajectory, and the reward rises", async () => {
  const rows = await run({ expected: true, choices: 4 }, 20, 1);
  for (let t = 0; t <= 20; t++) assert.is(valuesAt(rows, t, "meanReward")[0], sharedAt(rows, t, "limitMeanReward"));
  for (let t = 1; t <= 20; t++) assert.ok(valuesAt(rows, t, "meanReward")[0] > valuesAt(rows, t - 1, "meanReward")[0]);
});

test("wasm (SIMD, scalar) and the reference: the same rows, bit for bit, under every schedule and K", async () => {
  const scalarBuild = await WasmEngine.create({ build: "release" });
  const simd = await createEngine("wasm");
  const js = await createEngine("js");
  for (const schedule of SCHEDULES) {
    for (const choices of [1, 3, "infinite"]) {
      const spec = { scenario: "curated-choice", params: { support: 20, samples: 30, choices, schedule }, generations: 3, seeds: 2, seed: 4 };
      const rows = await simulate(spec, { engine: simd });
      assertSameRows(rows, await simulate(spec, { engine: scalarBuild }), `${schedule.kind} K = ${choices}: scalar`);
      assertSameRows(rows, await simulate({ ...spec, engine: "js" }, { engine: js }), `${schedule.kind} K = ${choices}: reference`);
    }
  }
});

test("bad input is refused by name: reward values of the wrong length, K out of range, a reward spread too wide", async () => {
  for (const [params, pattern] of [
    [{ support: 4, reward: { kind: "values", values: [0, 1, 2] } }, /params\.reward\.values: wrong length.*support = 4 numbers/],
    [{ choices: 0 }, /params\.choices: .*an integer in \[1, 1024\] or "infinite"/],
    [{ choices: 1025 }, /params\.choices: .*an integer in \[1, 1024\] or "infinite"/],
    [{ choices: "many" }, /params\.choices: .*an integer in \[1, 1024\] or "infinite"/],
    [{ rewardScale: 30 }, /params\.rewardScale: too large/],
    [{ support: 4097 }, /params\.support: out of range/],
    [{ base: { kind: "zipf", exponent: -1 } }, /params\.base\.exponent: out of range/],
  ] as const) {
    let message = "";
    try {
      await run(params, 1, 1);
    } catch (error) {
      message = String(error);
    }
    assert.match(message, pattern, JSON.stringify(params));
  }
});

test.run();
