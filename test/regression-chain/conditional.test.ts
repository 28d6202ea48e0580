// The conditional column (the exact E[testError | every input]) against simulation, where no
// unconditional form exists: the replicate mean of the paired difference testError -
// conditionalTestError is 0 within Z = 4.5 standard errors, for ridge under replace and
// accumulate (both designs), fixed-real and fresh-real (both designs, OLS and ridge, singular
// training sets included); and on the OLS cells, the conditional column's mean is the exact form.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { pairedAt, runChain, sharedAt, valuesAt, type ChainParams } from "./helpers.js";

const cells: Array<[string, ChainParams, number]> = [
  ["ridge 0.1, replace, fresh, d = 40, n = 80", { dim: 40, samples: 80, ridge: 0.1, design: "fresh" }, 10],
  ["ridge 0.5, replace, fixed, d = 10, n = 20, shift 1", { dim: 10, samples: 20, ridge: 0.5, shift: 1 }, 8],
  ["ridge 0.2, accumulate, fixed, d = 10, n = 15", { dim: 10, samples: 15, ridge: 0.2, schedule: { kind: "accumulate" } }, 8],
  ["ridge 0.2, accumulate, fresh, d = 10, n = 6 (n < d)", { dim: 10, samples: 6, ridge: 0.2, design: "fresh", schedule: { kind: "accumulate" } }, 8],
  ["ridge 0.3, replace, fresh, linear growth", { dim: 8, samples: 10, ridge: 0.3, design: "fresh", schedule: { kind: "replace", growth: { kind: "linear", rate: 1 } } }, 6],
  ["fixed-real, fresh, d = 10, N = M = 40, shift 1", { dim: 10, samples: 40, shift: 1, design: "fresh", schedule: { kind: "fixed-real", lambda: 1 } }, 6],
  ["fixed-real, fixed, d = 10, N = 20, lambda 2", { dim: 10, samples: 20, shift: 0.5, schedule: { kind: "fixed-real", lambda: 2 } }, 6],
  ["fixed-real, fresh, d = 12, N = 4, M = 4: singular", { dim: 12, samples: 4, shift: 1, design: "fresh", schedule: { kind: "fixed-real", lambda: 1 } }, 4],
  ["fixed-real, ridge 0.3, fixed, d = 6, N = 10, lambda 0.5", { dim: 6, samples: 10, ridge: 0.3, schedule: { kind: "fixed-real", lambda: 0.5 } }, 6],
  ["fresh-real, fresh, d = 10, n = 40, realFraction 0.25", { dim: 10, samples: 40, design: "fresh", schedule: { kind: "fresh-real", realFraction: 0.25 } }, 10],
  ["fresh-real, fixed, d = 10, n = 30, shift 1", { dim: 10, samples: 30, shift: 1, schedule: { kind: "fresh-real", realFraction: 0.5 } }, 6],
  ["fresh-real, ridge 0.2, fresh, d = 16, n = 8: n < d", { dim: 16, samples: 8, ridge: 0.2, design: "fresh", schedule: { kind: "fresh-real", realFraction: 0.5 } }, 5],
  ["fresh-real, fresh, d = 16, n = 8, ridge 0: singular", { dim: 16, samples: 8, design: "fresh", schedule: { kind: "fresh-real", realFraction: 0.5 } }, 5],
  ["fresh-real, fresh, d = 8, linear growth from 6 (rows, then statistics)", { dim: 8, samples: 6, shift: 1, design: "fresh", schedule: { kind: "fresh-real", realFraction: 0.5, growth: { kind: "linear", rate: 1 } } }, 5],
  ["replace, fixed, d = 40, n = 15, noise 0.5 (OLS, n < d)", { dim: 40, samples: 15, noise: 0.5 }, 10],
  ["accumulate, fixed, d = 12, n = 8 (OLS, n < d)", { dim: 12, samples: 8, schedule: { kind: "accumulate" } }, 6],
];

for (const [name, params, generations] of cells) {
  for (const method of ["exact", "direct"]) {
    test(`${name}, ${method}: testError - conditionalTestError has mean 0`, async () => {
      const rows = await runChain({ ...params, method }, generations, 800, 5);
      for (const t of [1, generations]) assertMeanWithinSE(pairedAt(rows, t), 0, `${name}, ${method}, t = ${t}`);
      assert.is(sharedAt(rows, 0, "conditionalTestError"), ((params.shift as number) ?? 0) ** 2);
    });
  }
}

test("on the OLS cells the conditional column's mean is the exact form (replace and accumulate, fixed and fresh)", async () => {
  for (const params of [
    { dim: 10, samples: 30 },
    { dim: 10, samples: 30, design: "fresh", schedule: { kind: "accumulate" } },
    { dim: 20, samples: 8, design: "fresh", shift: 1 },
  ]) {
    const rows = await runChain(params, 6, 800, 9);
    assertMeanWithinSE(valuesAt(rows, 6, "conditionalTestError"), sharedAt(rows, 6, "theoryTestError")!, JSON.stringify(params));
  }
});

test("the conditional column is null under accumulate-subsample and with conditional false", async () => {
  for (const params of [{ schedule: { kind: "accumulate-subsample" } }, { conditional: false }]) {
    const rows = await runChain(params, 2, 2);
    for (const t of [0, 1, 2]) assert.is(sharedAt(rows, t, "conditionalTestError"), null, JSON.stringify(params));
  }
});

test.run();
