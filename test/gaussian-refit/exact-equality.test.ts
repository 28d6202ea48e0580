// The exact method (batch statistics from normals and Bartlett factors) against the direct one
// (every point drawn): the same law, by two-sample Kolmogorov-Smirnov tests on the metrics at
// the first and last generation, under every schedule, for full and scalar covariances and for
// batches of at most dim points (drawn as points by both).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ksCritical, ksTwoSample } from "../helpers/stats.js";
import { runGaussian, valuesAt, type GaussianParams } from "./helpers.js";

const SEEDS = 1200;
const METRICS = ["meanError", "varianceRatio", "logDetRatio", "w2sq", "klReverse"];

const settings: Array<[string, GaussianParams, number]> = [
  ["replace, dim 1, temperature 0.8", { samples: 12, temperature: 0.8 }, 6],
  ["replace, dim 3, full, unbiased", { dim: 3, samples: 7, estimator: "unbiased" }, 5],
  ["replace, dim 3, scalar, geometric growth", { dim: 3, samples: 5, covariance: "scalar", schedule: { kind: "replace", growth: { kind: "geometric", rate: 1.5 } } }, 5],
  ["accumulate, dim 2, full", { dim: 2, samples: 6, schedule: { kind: "accumulate" } }, 6],
  ["fixed-real, dim 3, full, M = 2 synthetic points a round", { dim: 3, samples: 6, schedule: { kind: "fixed-real", lambda: 0.25, nReal: 8 } }, 6],
  ["fresh-real, dim 2, scalar, sigma0 3", { dim: 2, samples: 10, covariance: "scalar", sigma0: 3, schedule: { kind: "fresh-real", realFraction: 0.4 } }, 6],
  ["fresh-real, dim 3, full, 1 real point a round", { dim: 3, samples: 6, schedule: { kind: "fresh-real", realFraction: 0.1 } }, 4],
];

for (const [name, params, generations] of settings) {
  test(`${name}: exact and direct give the same law`, async () => {
    const exact = await runGaussian({ ...params, method: "exact" }, generations, SEEDS, 17);
    const direct = await runGaussian({ ...params, method: "direct" }, generations, SEEDS, 18);
    for (const t of [1, generations]) {
      for (const metric of METRICS) {
        const d = ksTwoSample(valuesAt(exact, t, metric), valuesAt(direct, t, metric));
        assert.ok(d < ksCritical(SEEDS / 2), `${name}, ${metric} at t = ${t}: KS ${d.toFixed(4)} (critical ${ksCritical(SEEDS / 2).toFixed(4)})`);
      }
    }
  });
}

test("a direct batch is drawn in blocks of rows: one round of 200000 points at dim 1 has the exact method's law", async () => {
  const exact = await runGaussian({ samples: 200_000, method: "exact" }, 1, 300, 5);
  const direct = await runGaussian({ samples: 200_000, method: "direct" }, 1, 300, 6);
  for (const metric of ["meanError", "varianceRatio"]) {
    const d = ksTwoSample(valuesAt(exact, 1, metric), valuesAt(direct, 1, metric));
    assert.ok(d < ksCritical(150), `${metric}: KS ${d}`);
  }
});

test.run();
