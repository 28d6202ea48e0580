// The wasm builds (SIMD and scalar) and the TypeScript reference give gaussian-refit's rows bit
// for bit, under every schedule and method, for full and scalar covariances; the same seed gives
// the same rows, another seed others; a long replace run stays finite in its sums of logarithms.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate, WasmEngine, createEngine } from "../../src/index.js";
import { runGaussian, valuesAt } from "./helpers.js";
import { assertWithinSE } from "../helpers/stats.js";
import { trigamma } from "../../src/math/special.js";
import { assertSameRows } from "../helpers/rows-at.js";

const SCHEDULES = [
  { kind: "replace", growth: { kind: "linear", rate: 1 } },
  { kind: "accumulate" },
  { kind: "accumulate-subsample" },
  { kind: "fixed-real", lambda: 0.5, nReal: 10 },
  { kind: "fresh-real", realFraction: 0.3 },
];

test("wasm (SIMD, scalar) and the reference: the same rows, bit for bit, under every schedule and method", async () => {
  const scalarBuild = await WasmEngine.create({ build: "release" });
  const simd = await createEngine("wasm");
  const js = await createEngine("js");
  for (const schedule of SCHEDULES) {
    for (const shape of [{ dim: 1 }, { dim: 4 }, { dim: 4, covariance: "scalar" }]) {
      for (const method of ["exact", "direct"]) {
        const spec = { scenario: "gaussian-refit", params: { samples: 7, temperature: 0.9, ...shape, method, schedule }, generations: 4, seeds: 2, seed: 3 };
        const what = `${JSON.stringify(schedule)} ${JSON.stringify(shape)} ${method}`;
        const rows = await simulate(spec, { engine: simd });
        assertSameRows(rows, await simulate(spec, { engine: scalarBuild }), `${what}: scalar wasm`);
        assertSameRows(rows, await simulate({ ...spec, engine: "js" }, { engine: js }), `${what}: reference`);
      }
    }
  }
});

test("the same seed gives the same rows, another seed other rows", async () => {
  const params = { dim: 3, samples: 10, schedule: { kind: "fresh-real", realFraction: 0.5 } };
  const first = await runGaussian(params, 3, 3, 77);
  assertSameRows(first, await runGaussian(params, 3, 3, 77), "same seed");
  assert.not.equal(valuesAt(first, 3, "varianceRatio"), valuesAt(await runGaussian(params, 3, 3, 78), 3, "varianceRatio"));
});

test("replace for 5000 generations at n = 10, dim 3: Sigma underflows, its log-determinant stays a finite sum, and the run does not fail", async () => {
  const rows = await runGaussian({ dim: 3, samples: 10 }, 5000, 1, 4);
  const last = rows[rows.length - 1];
  assert.ok(Number.isFinite(last.logDetRatio as number) && (last.logDetRatio as number) < -3000, `logDetRatio ${last.logDetRatio}`);
  assert.ok((last.varianceRatio as number) < 1e-300, `varianceRatio ${last.varianceRatio}`);
  assert.ok(Number.isFinite(last.meanError as number));
  // Its mean is exact, its variance t (psi'(9/2) + psi'(8/2) + psi'(7/2)): one run lies within Z of its standard deviations.
  const sd = Math.sqrt(5000 * (trigamma(4.5) + trigamma(4) + trigamma(3.5)));
  assertWithinSE(last.logDetRatio as number, last.theoryLogDetRatio as number, sd, "logDetRatio at t = 5000");
});

test.run();
