// categorical-tails invariants and checks: the rows are the same bit for bit on every wasm build
// and the reference; accumulate freezes the support after round 1 in every replicate, whatever
// the transform; round 1 of accumulate and accumulate-subsample is round 1 of replace; without a
// transform the mean tail mass stays p0's (the martingale) under every schedule; the expected
// mode reaches the spec's limits (top-k's cut mass, top-p's fixed rank, temperature's power of
// p0); bad input is refused by name.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate, WasmEngine, createEngine, resolveParams } from "../../src/index.js";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { SMALL, runTails, sharedAt, valuesAt } from "./helpers.js";
import { scenario, transform, theory } from "../../src/scenarios/categorical-tails/index.js";
import { assertSameRows } from "../helpers/rows-at.js";

const SCHEDULES = [
  { kind: "replace", growth: { kind: "linear", rate: 1 } }, { kind: "accumulate" }, { kind: "accumulate-subsample" },
  { kind: "fixed-real", lambda: 0.5, nReal: 30 }, { kind: "fresh-real", realFraction: 0.3 },
];

test("wasm (SIMD, scalar) and the reference: the same rows, bit for bit, under every schedule, with and without transforms", async () => {
  const scalarBuild = await WasmEngine.create({ build: "release" });
  const simd = await createEngine("wasm");
  const js = await createEngine("js");
  for (const schedule of SCHEDULES) {
    for (const extra of [{}, { temperature: 0.7, topK: 40, topP: 0.9 }, { samples: 5000 }]) {
      const spec = { scenario: "categorical-tails", params: { ...SMALL, ...extra, schedule }, generations: 4, seeds: 2, seed: 3 };
      const what = `${JSON.stringify(schedule)} ${JSON.stringify(extra)}`;
      const rows = await simulate(spec, { engine: simd });
      assertSameRows(rows, await simulate(spec, { engine: scalarBuild }), `${what}: scalar wasm`);
      assertSameRows(rows, await simulate({ ...spec, engine: "js" }, { engine: js }), `${what}: reference`);
    }
  }
});

test("accumulate freezes the support after round 1 in every replicate, with or without a transform", async () => {
  for (const extra of [{}, { temperature: 0.6, topP: 0.9 }]) {
    const rows = await runTails({ ...SMALL, ...extra, schedule: { kind: "accumulate" } }, 10, 50);
    const first = valuesAt(rows, 1, "supportSize");
    for (const t of [2, 5, 10]) assert.equal(valuesAt(rows, t, "supportSize"), first, `t = ${t}`);
  }
});

test("round 1 of accumulate and accumulate-subsample is round 1 of replace (the same draws on the same seed)", async () => {
  const engine = await createEngine("wasm");
  const params = (kind: string) => resolveParams(scenario, { ...SMALL, temperature: 0.9, schedule: { kind } });
  const round1 = (kind: string, seed: number) => scenario.runReplicate(engine, params(kind), { generations: 1, seed: BigInt(seed) })[1];
  for (let seed = 0; seed < 20; seed++) {
    const replace = round1("replace", seed);
    for (const kind of ["accumulate", "accumulate-subsample"]) {
      const row = round1(kind, seed);
      for (const metric of ["supportSize", "lostMass", "tailMass", "gini", "entropy"]) assert.is(row[metric], replace[metric], `${kind} ${metric} seed ${seed}`);
    }
  }
});

test("without a transform the mean tail mass stays p0's under every schedule (the martingale), and falls with top-k", async () => {
  for (const schedule of SCHEDULES) {
    const rows = await runTails({ ...SMALL, schedule }, 8, 1000, 5);
    assertMeanWithinSE(valuesAt(rows, 8, "tailMass"), sharedAt(rows, 0, "tailMass") as number, `${schedule.kind}`);
  }
  const cut = await runTails({ ...SMALL, topK: 5 }, 2, 10);
  assert.ok(valuesAt(cut, 2, "tailMass").every((x) => x === 0), "top-5 leaves no mass after rank 5");
});

test("expected mode: top-k cuts to 1 - C0(k) at once, top-p falls to its fixed rank, temperature raises p0 to tau^-t", async () => {
  const p0 = transform.zipfBase(1000, 1.5, 0);
  const c0 = (k: number) => p0.subarray(0, k).reduce((a, b) => a + b, 0);
  const topK = await runTails({ topK: 50, expected: true }, 3, 1);
  for (const t of [1, 3]) assert.ok(Math.abs((valuesAt(topK, t, "lostMass")[0]) - (1 - c0(50))) < 1e-12, `top-k t = ${t}`);
  const rank = theory.topPFixedRank(p0, 0.9);
  assert.is(rank, 3);
  const topP = await runTails({ topP: 0.9, expected: true }, 20, 1);
  assert.ok(Math.abs(valuesAt(topP, 20, "lostMass")[0] - (1 - c0(rank))) < 1e-12, "top-p's fixed rank");
  const temp = await runTails({ temperature: 0.8, expected: true, tailRank: 10 }, 4, 1);
  assert.ok(Math.abs(valuesAt(temp, 4, "tailMass")[0] - theory.temperatureTail(p0, 0.8, 4, 10)) < 1e-12, "temperature");
  assert.is(valuesAt(temp, 4, "lostMass")[0], 0);
});

test("bad input is refused by name: topK above the support, tailRank above it, a key of another schedule, a support too large", async () => {
  const run = (params: Record<string, unknown>) => simulate({ scenario: "categorical-tails", params, generations: 1, seeds: 1 });
  for (const [params, pattern] of [
    [{ support: 50, topK: 51 }, /params\.topK.*at most support = 50/],
    [{ support: 50, tailRank: 60 }, /params\.tailRank.*at most support = 50/],
    [{ support: 2 ** 20 + 1 }, /params\.support: out of range/],
    [{ topP: 0 }, /params\.topP: out of range/],
    [{ temperature: 0 }, /params\.temperature: out of range/],
    [{ schedule: { kind: "replace", lambda: 1 } }, /params\.schedule\.lambda/],
  ] as const) {
    let message = "";
    try {
      await run(params);
    } catch (error) {
      message = String(error);
    }
    assert.match(message, pattern, JSON.stringify(params));
  }
});

test.run();
