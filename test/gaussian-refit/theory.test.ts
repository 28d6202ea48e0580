// Every exact closed form of gaussian-refit against simulation (the exact method), within
// Z = 4.5 Monte Carlo standard errors, under every schedule where one exists: all seven metrics
// under replace (sigmaRatio and w2sq at dim 1 or with a scalar covariance; klForward, heavy
// tailed, only at t <= n/3), E varianceRatio and E meanError under the other four schedules, with
// growing round sizes and sigma0 != 1 among the settings. Where no closed form exists the column
// must be null in every row.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { runGaussian, sharedAt, theoryOf, valuesAt, type GaussianParams } from "./helpers.js";

const ALL = ["meanError", "varianceRatio", "sigmaRatio", "logDetRatio", "w2sq", "klForward", "klReverse"];
const RECURSIONS = ["meanError", "varianceRatio"];

interface Setting {
  name: string;
  params: GaussianParams;
  generations: number;
  seeds: number;
  /** Generations checked, and the metrics with a closed form there. */
  checks: Array<[t: number, metrics: string[]]>;
}

const settings: Setting[] = [
  { name: "replace, dim 1, n = 20, mle", params: { samples: 20 }, generations: 6, seeds: 3000, checks: [[1, ALL], [6, ALL]] },
  { name: "replace, dim 1, n = 20, unbiased, sigma0 = 2", params: { samples: 20, estimator: "unbiased", sigma0: 2 }, generations: 6, seeds: 3000, checks: [[6, ALL]] },
  { name: "replace, dim 1, n = 50, mle, temperature 0.9", params: { samples: 50, temperature: 0.9 }, generations: 10, seeds: 2000, checks: [[10, ALL]] },
  {
    name: "replace, dim 3, n = 15, full, mle", params: { dim: 3, samples: 15 }, generations: 5, seeds: 2000,
    checks: [[5, ["meanError", "varianceRatio", "logDetRatio", "klForward", "klReverse"]]],
  },
  { name: "replace, dim 4, n = 10, scalar, unbiased, temperature 1.1", params: { dim: 4, samples: 10, covariance: "scalar", estimator: "unbiased", temperature: 1.1 }, generations: 3, seeds: 3000, checks: [[3, ALL]] },
  {
    name: "replace, dim 2, full, linear growth from 8 (rate 0.5)", params: { dim: 2, samples: 8, schedule: { kind: "replace", growth: { kind: "linear", rate: 0.5 } } },
    generations: 6, seeds: 2000, checks: [[6, ["meanError", "varianceRatio", "logDetRatio", "klReverse"]]],
  },
  { name: "accumulate, dim 3, n = 10, mle", params: { dim: 3, samples: 10, schedule: { kind: "accumulate" } }, generations: 12, seeds: 2000, checks: [[2, RECURSIONS], [12, RECURSIONS]] },
  {
    name: "accumulate, dim 1, unbiased, geometric growth 10 x 1.5^(t-1), temperature 0.8",
    params: { samples: 10, estimator: "unbiased", temperature: 0.8, schedule: { kind: "accumulate", growth: { kind: "geometric", rate: 1.5 } } },
    generations: 8, seeds: 2000, checks: [[8, RECURSIONS]],
  },
  { name: "accumulate-subsample, dim 1, n = 10, mle", params: { samples: 10, schedule: { kind: "accumulate-subsample" } }, generations: 8, seeds: 2000, checks: [[2, RECURSIONS], [8, RECURSIONS]] },
  {
    name: "accumulate-subsample, dim 2, scalar, unbiased, n = 6", params: { dim: 2, samples: 6, covariance: "scalar", estimator: "unbiased", schedule: { kind: "accumulate-subsample" } },
    generations: 6, seeds: 2000, checks: [[6, RECURSIONS]],
  },
  { name: "fixed-real, dim 1, nReal 20, lambda 1, mle", params: { samples: 20, schedule: { kind: "fixed-real", lambda: 1 } }, generations: 15, seeds: 2000, checks: [[15, RECURSIONS]] },
  {
    name: "fixed-real, dim 3, nReal 12, lambda 0.25 (M = 3 < dim + 1: drawn as points), unbiased, temperature 0.9",
    params: { dim: 3, samples: 20, estimator: "unbiased", temperature: 0.9, schedule: { kind: "fixed-real", lambda: 0.25, nReal: 12 } },
    generations: 10, seeds: 2000, checks: [[1, RECURSIONS], [10, RECURSIONS]],
  },
  { name: "fresh-real, dim 1, n = 20, realFraction 0.25, mle", params: { samples: 20, schedule: { kind: "fresh-real", realFraction: 0.25 } }, generations: 15, seeds: 2000, checks: [[15, RECURSIONS]] },
  {
    name: "fresh-real, dim 2, full, linear growth from 10 (rate 1), realFraction 0.3, unbiased, sigma0 = 0.5",
    params: { dim: 2, samples: 10, estimator: "unbiased", sigma0: 0.5, schedule: { kind: "fresh-real", realFraction: 0.3, growth: { kind: "linear", rate: 1 } } },
    generations: 8, seeds: 2000, checks: [[8, RECURSIONS]],
  },
];

for (const setting of settings) {
  test(`${setting.name}: the replicate means are the closed forms; columns without one are null`, async () => {
    const rows = await runGaussian(setting.params, setting.generations, setting.seeds, 13);
    for (const [t, metrics] of setting.checks) {
      for (const metric of metrics) {
        const expected = sharedAt(rows, t, theoryOf(metric));
        assert.ok(expected !== null, `${metric} at t = ${t} has a closed form`);
        assertMeanWithinSE(valuesAt(rows, t, metric), expected!, `${setting.name}: ${metric} at t = ${t}`);
      }
      for (const metric of ALL.filter((m) => !metrics.includes(m) && !(m === "klForward" && t > 1))) {
        assert.is(sharedAt(rows, t, theoryOf(metric)), null, `${setting.name}: ${theoryOf(metric)} at t = ${t} is empty`);
      }
    }
  });
}

test("klForward's closed form is empty where its expectation is infinite (a round of n <= dim + 2 points, full covariance)", async () => {
  const rows = await runGaussian({ dim: 3, samples: 5 }, 2, 2);
  assert.is(sharedAt(rows, 0, "theoryKlForward"), 0);
  assert.is(sharedAt(rows, 1, "theoryKlForward"), null);
  assert.ok(sharedAt(rows, 1, "theoryKlReverse") !== null);
});

test("the asymptotic W2 column is Shumailov's (d + 1/2) sigma0^2 sum 1/n_s under replace at dim 1, null elsewhere", async () => {
  const rows = await runGaussian({ samples: 20, sigma0: 2 }, 3, 1);
  assert.ok(Math.abs(sharedAt(rows, 3, "asymptoticW2sq")! - 1.5 * 4 * (3 / 20)) < 1e-12);
  assert.is(sharedAt(await runGaussian({ dim: 2, samples: 20 }, 1, 1), 1, "asymptoticW2sq"), null);
  assert.is(sharedAt(await runGaussian({ samples: 20, schedule: { kind: "accumulate" } }, 1, 1), 1, "asymptoticW2sq"), null);
});

test.run();
