// Every exact closed form of categorical-tails against simulation, within Z = 4.5 Monte Carlo
// standard errors: with no transform E gini (every schedule's recursion, growing rounds
// included) and the conserved tail mass (E p_t = p0) under every schedule, the binomial
// survival chain under replace, accumulate's frozen support; generation 1's support and lost
// mass under transforms. Columns without a closed form are null in every row.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { SMALL, runTails, sharedAt, theoryOf, valuesAt } from "./helpers.js";

const FOUR = ["supportSize", "lostMass", "tailMass", "gini"];
const MARTINGALE = ["tailMass", "gini"];

interface Setting {
  name: string;
  params: Record<string, unknown>;
  generations: number;
  seeds: number;
  checks: Array<[t: number, metrics: string[]]>;
  /** Metrics whose theory column must be null at the last generation. */
  none?: string[];
}

const settings: Setting[] = [
  { name: "replace, no transform", params: SMALL, generations: 8, seeds: 1500, checks: [[1, FOUR], [3, FOUR], [8, FOUR]] },
  { name: "replace, geometric growth", params: { ...SMALL, schedule: { kind: "replace", growth: { kind: "geometric", rate: 1.5 } } }, generations: 5, seeds: 1500, checks: [[1, FOUR], [5, MARTINGALE]], none: ["supportSize"] },
  { name: "replace, topK 20", params: { ...SMALL, topK: 20 }, generations: 3, seeds: 1500, checks: [[1, ["supportSize", "lostMass"]]], none: FOUR },
  { name: "replace, temperature 0.8, topP 0.95", params: { ...SMALL, temperature: 0.8, topP: 0.95 }, generations: 2, seeds: 1500, checks: [[1, ["supportSize", "lostMass"]]], none: FOUR },
  { name: "accumulate, no transform", params: { ...SMALL, schedule: { kind: "accumulate" } }, generations: 6, seeds: 1500, checks: [[6, FOUR]] },
  { name: "accumulate, temperature 0.7", params: { ...SMALL, temperature: 0.7, schedule: { kind: "accumulate" } }, generations: 6, seeds: 1500, checks: [[6, ["supportSize", "lostMass"]]], none: MARTINGALE },
  { name: "accumulate, linear growth", params: { ...SMALL, schedule: { kind: "accumulate", growth: { kind: "linear", rate: 1 } } }, generations: 5, seeds: 1500, checks: [[5, FOUR]] },
  { name: "accumulate-subsample", params: { ...SMALL, schedule: { kind: "accumulate-subsample" } }, generations: 6, seeds: 1000, checks: [[1, FOUR], [6, MARTINGALE]], none: ["supportSize"] },
  { name: "fixed-real, nReal 50, lambda 1", params: { ...SMALL, schedule: { kind: "fixed-real", nReal: 50, lambda: 1 } }, generations: 6, seeds: 1500, checks: [[1, FOUR], [6, MARTINGALE]], none: ["supportSize"] },
  { name: "fresh-real, realFraction 0.3", params: { ...SMALL, schedule: { kind: "fresh-real", realFraction: 0.3 } }, generations: 6, seeds: 1500, checks: [[1, FOUR], [6, MARTINGALE]], none: ["supportSize"] },
];

for (const s of settings) {
  test(`${s.name}: the closed forms within ${4.5} SE`, async () => {
    const rows = await runTails(s.params, s.generations, s.seeds, 11);
    for (const [t, metrics] of s.checks) {
      for (const metric of metrics) {
        const expected = sharedAt(rows, t, theoryOf(metric));
        assert.ok(expected !== null, `${s.name}: ${theoryOf(metric)} at t = ${t} is null`);
        assertMeanWithinSE(valuesAt(rows, t, metric), expected as number, `${s.name}: ${metric} at t = ${t}`);
      }
    }
    for (const metric of s.none ?? []) assert.is(sharedAt(rows, s.generations, theoryOf(metric)), null, `${s.name}: ${theoryOf(metric)} should be null`);
  });
}

test("the spec's checked values: Zipf 1.5, K = 1000, n = 1000, tail after rank 10, at t = 20", async () => {
  const rows = await runTails({ samples: 1000 }, 20, 2);
  assert.ok(Math.abs((sharedAt(rows, 0, "theoryGini") as number) - 0.81502) < 5e-6);
  assert.ok(Math.abs((sharedAt(rows, 20, "theoryTailMass") as number) - 0.21725) < 5e-6);
  assert.ok(Math.abs((sharedAt(rows, 20, "theoryGini") as number) - 0.79887) < 5e-6);
  assert.ok(Math.abs((sharedAt(rows, 20, "theorySupportSize") as number) - 26.493) < 5e-4);
  assert.ok(Math.abs((sharedAt(rows, 20, "theoryLostMass") as number) - 0.18688) < 5e-6);
  assert.ok(Math.abs((sharedAt(rows, 20, "asymptoticSupportSize") as number) - 26.41) < 5e-3);
  assert.ok(Math.abs((sharedAt(rows, 20, "asymptoticLostMass") as number) - 0.18748) < 5e-6);
  const topP = await runTails({ topP: 0.9, expected: true }, 20, 1);
  assert.ok(Math.abs((sharedAt(topP, 20, "limitLostMass") as number) - 0.3935) < 5e-5);
});

test.run();
