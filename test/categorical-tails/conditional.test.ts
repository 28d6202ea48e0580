// The one-step conditional columns of categorical-tails: the replicate mean of the paired
// difference X - conditionalX is 0 within Z = 4.5 standard errors, for all four metrics, under
// every schedule that has them, through every transform at once (temperature, top-k, top-p);
// accumulate-subsample and expected mode leave them null.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { SMALL, runTails, sharedAt } from "./helpers.js";
import type { Row } from "../../src/index.js";

const METRICS = ["supportSize", "lostMass", "tailMass", "gini"];
const TRANSFORM = { temperature: 0.8, topK: 60, topP: 0.97 };

function differences(rows: readonly Row[], t: number, metric: string): number[] {
  const column = `conditional${metric[0].toUpperCase()}${metric.slice(1)}`;
  return rows.filter((r) => r.generation === t).map((r) => (r[metric] as number) - (r[column] as number));
}

const SCHEDULES = [
  { kind: "replace" },
  { kind: "accumulate", growth: { kind: "linear", rate: 0.5 } },
  { kind: "fixed-real", nReal: 60, lambda: 2 },
  { kind: "fresh-real", realFraction: 0.25 },
];

for (const schedule of SCHEDULES) {
  test(`${schedule.kind}: X - conditionalX has mean 0 (paired, 4.5 SE) at t = 1, 3, 6, with and without a transform`, async () => {
    for (const transform of [{}, TRANSFORM]) {
      const rows = await runTails({ ...SMALL, ...transform, schedule }, 6, 1500, 21);
      for (const t of [1, 3, 6]) {
        for (const metric of METRICS) {
          const d = differences(rows, t, metric);
          if (d.every((x) => x === 0)) continue; // deterministic given the past (e.g. the tail once cut away)
          assertMeanWithinSE(d, 0, `${schedule.kind} ${JSON.stringify(transform)}: ${metric} at t = ${t}`);
        }
      }
    }
  });
}

test("accumulate-subsample and expected mode have no conditional columns", async () => {
  for (const params of [{ ...SMALL, schedule: { kind: "accumulate-subsample" } }, { ...SMALL, expected: true }]) {
    const rows = await runTails(params, 3, 2);
    for (const t of [0, 1, 3]) assert.is(sharedAt(rows, t, "conditionalGini"), null);
  }
});

test.run();
