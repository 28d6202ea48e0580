// What holds under every schedule, closed form or not: with mle and temperature 1 each fit is
// the empirical second moment, about the truth's mean, of points whose expected second moment is
// the truth's, so E meanError / (d sigma0^2) + E varianceRatio = 1 at every generation; the
// unbiased variance under replace (temperature 1, any round sizes) is a martingale; and round 1
// of accumulate and accumulate-subsample is round 1 of replace.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertMeanWithinSE, ksCritical, ksTwoSample } from "../helpers/stats.js";
import { runGaussian, valuesAt, type GaussianParams } from "./helpers.js";
import { createEngine, resolveParams } from "../../src/index.js";
import { scenario } from "../../src/scenarios/gaussian-refit/index.js";

const SCHEDULES: Array<[string, GaussianParams]> = [
  ["replace", { kind: "replace" }],
  ["replace with geometric growth", { kind: "replace", growth: { kind: "geometric", rate: 1.3 } }],
  ["accumulate", { kind: "accumulate" }],
  ["accumulate with linear growth", { kind: "accumulate", growth: { kind: "linear", rate: 2 } }],
  ["accumulate-subsample", { kind: "accumulate-subsample" }],
  ["fixed-real", { kind: "fixed-real", lambda: 2, nReal: 9 }],
  ["fresh-real", { kind: "fresh-real", realFraction: 0.3 }],
];

for (const [name, schedule] of SCHEDULES) {
  for (const [shape, extra] of [["dim 1", {}], ["dim 3, full", { dim: 3 }], ["dim 3, scalar", { dim: 3, covariance: "scalar" }]] as const) {
    test(`mle, temperature 1, ${name}, ${shape}: E meanError / (d sigma0^2) + E varianceRatio = 1`, async () => {
      const sigma0 = 1.5, dim = "dim" in extra ? extra.dim : 1;
      const rows = await runGaussian({ samples: 8, sigma0, ...extra, schedule }, 12, 1500, 29);
      for (const t of [1, 4, 12]) {
        const meanErrors = valuesAt(rows, t, "meanError"), ratios = valuesAt(rows, t, "varianceRatio");
        const sums = meanErrors.map((m, i) => m / (dim * sigma0 * sigma0) + ratios[i]);
        assertMeanWithinSE(sums, 1, `${name}, ${shape}, t = ${t}`);
      }
    });
  }
}

test("unbiased, temperature 1, replace (constant and growing rounds): varianceRatio is a martingale", async () => {
  for (const growth of [{ kind: "constant" }, { kind: "linear", rate: 0.5 }]) {
    for (const extra of [{}, { dim: 3 }, { dim: 3, covariance: "scalar" }]) {
      const rows = await runGaussian({ samples: 6, estimator: "unbiased", ...extra, schedule: { kind: "replace", growth } }, 6, 3000, 31);
      for (let t = 1; t <= 6; t++) {
        const before = valuesAt(rows, t - 1, "varianceRatio"), after = valuesAt(rows, t, "varianceRatio");
        const increments = after.map((v, i) => v - before[i]);
        const label = `${JSON.stringify(growth)} ${JSON.stringify(extra)} t = ${t}`;
        assertMeanWithinSE(increments, 0, `increment, ${label}`);
        // E[increment | the past] = 0: also weighted by a function of the past.
        if (t > 1) assertMeanWithinSE(increments.map((x, i) => (before[i] < 1 ? x : 0)), 0, `increment where v_(t-1) < 1, ${label}`);
      }
    }
  }
});

test("round 1 of accumulate is round 1 of replace (the same draws on the same seed); round 1 of accumulate-subsample has the same law", async () => {
  const engine = await createEngine("wasm");
  const params = (kind: string) => resolveParams(scenario, { dim: 3, samples: 9, schedule: { kind } });
  const round1 = (kind: string, seed: number) => scenario.runReplicate(engine, params(kind), { generations: 1, seed: BigInt(seed) })[1];
  const metrics = ["meanError", "varianceRatio", "logDetRatio", "w2sq", "klForward", "klReverse"];
  const replace: number[][] = [], subsample: number[][] = [];
  for (let seed = 0; seed < 400; seed++) {
    const r = round1("replace", seed), a = round1("accumulate", seed);
    // The same batch; replace keeps L A as it is, accumulate factorises (L A)(L A)^T again: equal up to rounding.
    for (const m of metrics) assert.ok(Math.abs((r[m] as number) - (a[m] as number)) <= 1e-12 * (1 + Math.abs(r[m] as number)), `seed ${seed} ${m}: ${r[m]} vs ${a[m]}`);
    replace.push(metrics.map((m) => r[m] as number));
    const s = round1("accumulate-subsample", seed);
    subsample.push(metrics.map((m) => s[m] as number));
  }
  metrics.forEach((metric, k) => {
    const d = ksTwoSample(replace.map((x) => x[k]), subsample.map((x) => x[k]));
    assert.ok(d < ksCritical(replace.length / 2), `accumulate-subsample ${metric}: KS ${d}`);
  });
});

test.run();
