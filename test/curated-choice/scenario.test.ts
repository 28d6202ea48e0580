// curated-choice against its closed forms and invariants: generation 1's exact expectations under
// every schedule and K (4.5 SE), every generation's with K = 1; the paired differences
// X - conditionalX under the schedules that have them; K = 1 is the plain refit (the same rows as
// categorical-tails on the same seed); the same rows on every build and the reference; bad input.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate, WasmEngine, createEngine, resolveParams } from "../../src/index.js";
import { scenario as curatedChoice } from "../../src/scenarios/curated-choice/index.js";
import { scenario as categoricalTails } from "../../src/scenarios/categorical-tails/index.js";
import { kimuraFixation, twoAtomChain, weightsOf } from "../../src/scenarios/curated-choice/theory.js";
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

test("two atoms under replace: E topMass and E meanReward on the exact chain at t = 2, 10, 30 and P(topFixed) at t = 10, 30 (4.5 SE) for K = 1, 2, 4 and infinite; topFixed - conditionalTopFixed has mean 0", async () => {
  for (const choices of [1, 2, 4, "infinite"]) {
    const params = { support: 2, base: { kind: "zipf", exponent: 2 }, reward: { kind: "linear", from: 0, to: 1 }, rewardScale: 0.5, samples: 20, choices };
    const rows = await run(params, 30, 1500, 11);
    for (const t of [2, 10, 30]) {
      // P(topFixed) is about 1e-8 at t = 2 (every replicate 0, no SE): checked from t = 10.
      for (const metric of t < 10 ? ["topMass", "meanReward"] : ["topMass", "meanReward", "topFixed"]) {
        const theory = sharedAt(rows, t, `theory${metric[0].toUpperCase()}${metric.slice(1)}`) as number;
        assert.ok(typeof theory === "number", `K = ${choices} t = ${t}: theory column for ${metric}`);
        assertMeanWithinSE(valuesAt(rows, t, metric), theory, `K = ${choices} t = ${t}: ${metric}`);
      }
      const d = rows.filter((r) => r.generation === t).map((r) => (r.topFixed as number) - (r.conditionalTopFixed as number));
      // Once every replicate has fixed, the difference is 0 in every row.
      if (d.every((x) => x === d[0])) assert.ok(Math.abs(d[0]) < 1e-12, `K = ${choices} t = ${t}: ${d[0]}`);
      else if (t >= 10) assertMeanWithinSE(d, 0, `K = ${choices} t = ${t}: topFixed - conditionalTopFixed`);
    }
    const [p10, p30] = [10, 30].map((t) => sharedAt(rows, t, "theoryTopFixed") as number);
    assert.ok(p30 > p10 && p10 > 0.005, `K = ${choices}: fixation under way (${p10}, ${p30})`);
    assert.is(sharedAt(rows, 5, "kimuraTopFixed") === null, choices !== 2, `K = ${choices}: Kimura's column only for K = 2`);
  }
  // Off the chain's conditions the columns are null: three atoms, or a growing N.
  const three = await run({ support: 3, choices: 2 }, 3, 2);
  assert.is(sharedAt(three, 3, "theoryTopFixed"), null);
  const growing = await run({ support: 2, choices: 2, schedule: { kind: "replace", growth: { kind: "linear", rate: 1 } } }, 3, 2);
  assert.is(sharedAt(growing, 3, "theoryTopFixed"), null);
});

test("the two-atom chain gives the checked fixation probability: N = 100, K = 2, rewardScale gap 0.05, p0 = 0.2: 0.6351 exact, Kimura 0.6363; K = 1 fixes with chance p0", () => {
  const w = weightsOf([0, 1], 0.05);
  const { fixed } = twoAtomChain(Float64Array.of(0.8, 0.2), w, 2, 1, 100, 20000);
  assert.is(Math.round(fixed[20000] * 1e4) / 1e4, 0.6351);
  assert.is(Math.round(kimuraFixation(100, 0.05, 0.2) * 1e4) / 1e4, 0.6363);
  const neutral = twoAtomChain(Float64Array.of(0.8, 0.2), w, 1, 1, 50, 20000);
  assert.ok(Math.abs(neutral.fixed[20000] - 0.2) < 1e-9, `K = 1: ${neutral.fixed[20000]}`);
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
