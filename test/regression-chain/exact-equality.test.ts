// The exact method (Bartlett statistics, no rows) and the direct one (every row drawn) give
// testError the same distribution: two-sample Kolmogorov-Smirnov at generation 1 and at the
// last, under each schedule that uses the statistics, for both designs.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ksCritical, ksTwoSample } from "../helpers/stats.js";
import { runChain, valuesAt } from "./helpers.js";

const cases: Array<[string, Record<string, unknown>]> = [
  ["replace, fresh", { dim: 6, samples: 20, design: "fresh", shift: 1 }],
  ["replace, fixed, ridge 0.3", { dim: 6, samples: 20, ridge: 0.3 }],
  ["accumulate, fresh", { dim: 6, samples: 10, design: "fresh", schedule: { kind: "accumulate" } }],
  ["fixed-real, fixed", { dim: 6, samples: 12, shift: 1, schedule: { kind: "fixed-real", lambda: 1 } }],
  ["fresh-real, fresh", { dim: 6, samples: 20, design: "fresh", schedule: { kind: "fresh-real", realFraction: 0.5 } }],
];

for (const [name, params] of cases) {
  test(`${name}: exact and direct testError agree in distribution (KS)`, async () => {
    const seeds = 1500, generations = 4;
    const exact = await runChain({ ...params, method: "exact" }, generations, seeds, 21);
    const direct = await runChain({ ...params, method: "direct" }, generations, seeds, 22);
    for (const t of [1, generations]) {
      const statistic = ksTwoSample(valuesAt(exact, t, "testError"), valuesAt(direct, t, "testError"));
      assert.ok(statistic < ksCritical(seeds / 2), `${name}, t = ${t}: KS ${statistic}`);
    }
  });
}

test.run();
