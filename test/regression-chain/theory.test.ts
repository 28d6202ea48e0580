// Every exact closed form of regression-chain against simulation, within Z = 4.5 Monte Carlo
// standard errors: the OLS table under replace and accumulate, fixed and fresh design, n > d and
// n < d, with a shift, without noise, and with growing rounds (fresh design). The rows of the
// spec's checked values are among the settings. Where no exact form exists the column is null.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { runChain, sharedAt, valuesAt, type ChainParams } from "./helpers.js";

interface Setting {
  name: string;
  params: ChainParams;
  generations: number;
  seeds: number;
  checks: number[];
}

const settings: Setting[] = [
  { name: "replace, fixed, d = 10, n = 100", params: { dim: 10, samples: 100 }, generations: 10, seeds: 1500, checks: [1, 10] },
  { name: "accumulate, fixed, d = 10, n = 100", params: { dim: 10, samples: 100, schedule: { kind: "accumulate" } }, generations: 10, seeds: 1500, checks: [2, 10] },
  { name: "replace, fresh, d = 10, n = 30", params: { dim: 10, samples: 30, design: "fresh" }, generations: 10, seeds: 1500, checks: [1, 10] },
  { name: "accumulate, fresh, d = 10, n = 30", params: { dim: 10, samples: 30, design: "fresh", schedule: { kind: "accumulate" } }, generations: 10, seeds: 1500, checks: [10] },
  { name: "replace, fresh, d = 40, n = 15, noise 0.5 (n < d)", params: { dim: 40, samples: 15, noise: 0.5, design: "fresh" }, generations: 10, seeds: 600, checks: [3, 10] },
  { name: "replace, fixed, d = 40, n = 15, noise 0.5, shift 1", params: { dim: 40, samples: 15, noise: 0.5, shift: 1 }, generations: 10, seeds: 600, checks: [10] },
  { name: "replace, fresh, d = 40, n = 15, noise 0.5, shift 1", params: { dim: 40, samples: 15, noise: 0.5, shift: 1, design: "fresh" }, generations: 10, seeds: 600, checks: [10] },
  { name: "accumulate, fresh, d = 40, n = 15 (the pool passes d)", params: { dim: 40, samples: 15, noise: 0.5, design: "fresh", schedule: { kind: "accumulate" } }, generations: 10, seeds: 600, checks: [2, 10] },
  { name: "accumulate, fixed, d = 40, n = 15", params: { dim: 40, samples: 15, noise: 0.5, schedule: { kind: "accumulate" } }, generations: 10, seeds: 600, checks: [10] },
  { name: "replace, fresh, d = 20, n = 10, noiseless: the exponential collapse", params: { dim: 20, samples: 10, noise: 0, design: "fresh" }, generations: 5, seeds: 1000, checks: [5] },
  {
    name: "replace, fresh, d = 10, linear growth 20 (1 + 0.5 (t - 1))",
    params: { dim: 10, samples: 20, design: "fresh", schedule: { kind: "replace", growth: { kind: "linear", rate: 0.5 } } }, generations: 10, seeds: 1500, checks: [10],
  },
  {
    name: "accumulate, fresh, d = 8, geometric growth 5 x 1.5^(t - 1), shift 0.5",
    params: { dim: 8, samples: 5, shift: 0.5, design: "fresh", schedule: { kind: "accumulate", growth: { kind: "geometric", rate: 1.5 } } }, generations: 6, seeds: 1500, checks: [1, 6],
  },
];

for (const s of settings) {
  test(`${s.name}: E testError within ${4.5} SE of the exact closed form`, async () => {
    const rows = await runChain(s.params, s.generations, s.seeds, 11);
    for (const t of s.checks) {
      const expected = sharedAt(rows, t, "theoryTestError");
      assert.ok(expected !== null, `theoryTestError at t = ${t} is null`);
      assertMeanWithinSE(valuesAt(rows, t, "testError"), expected!, `${s.name}, t = ${t}`);
    }
    assert.is(sharedAt(rows, 0, "theoryTestError"), ((s.params.shift as number) ?? 0) ** 2);
  });
}

test("no exact form, no column: ridge, accumulate-subsample, fixed-real, fresh-real; the interpolation peak |n - d| <= 1 with noise", async () => {
  for (const params of [
    { ridge: 0.1 },
    { schedule: { kind: "accumulate-subsample" } },
    { schedule: { kind: "fixed-real" } },
    { schedule: { kind: "fresh-real" } },
    { dim: 10, samples: 10 },
    { dim: 10, samples: 11, design: "fresh" },
    { dim: 10, samples: 9, schedule: { kind: "accumulate" } },
  ]) {
    const rows = await runChain(params, 2, 2);
    for (const t of [1, 2]) assert.is(sharedAt(rows, t, "theoryTestError"), null, JSON.stringify(params));
  }
  // Without noise the peak has no noise term: the column is there.
  const noiseless = await runChain({ dim: 10, samples: 10, noise: 0 }, 2, 2);
  assert.is(sharedAt(noiseless, 2, "theoryTestError"), 0);
  // Under accumulate with a fresh design the column empties from the round whose pool sits at the peak.
  const peak = await runChain({ dim: 10, samples: 5, design: "fresh", schedule: { kind: "accumulate" } }, 3, 2);
  assert.ok(sharedAt(peak, 1, "theoryTestError") !== null);
  assert.is(sharedAt(peak, 2, "theoryTestError"), null);
  assert.is(sharedAt(peak, 3, "theoryTestError"), null);
});

test("the asymptotic column is there for ridge > 0 under replace and accumulate with a fixed design, and for OLS under fresh-real with fresh inputs; nowhere else", async () => {
  const present = [{ ridge: 0.5 }, { ridge: 0.5, design: "fresh" }, { ridge: 0.5, schedule: { kind: "accumulate" } }, { design: "fresh", schedule: { kind: "fresh-real" } }];
  const absent = [
    {}, { ridge: 0.5, design: "fresh", schedule: { kind: "accumulate" } }, { ridge: 0.5, schedule: { kind: "fresh-real" } },
    { schedule: { kind: "fresh-real" } }, { ridge: 0.5, schedule: { kind: "accumulate-subsample" } }, { design: "fresh", schedule: { kind: "fixed-real" } },
  ];
  for (const params of present) assert.ok(sharedAt(await runChain(params, 2, 2), 2, "asymptoticTestError") !== null, JSON.stringify(params));
  for (const params of absent) assert.is(sharedAt(await runChain(params, 2, 2), 2, "asymptoticTestError"), null, JSON.stringify(params));
});

test.run();
