// The wasm builds and the TypeScript reference consume the random stream in the same order
// and update the table and sum the metrics with the same operations in the same order: equal
// tables, stream states and metrics after every round, bit for bit (Object.is, so -0 and NaN
// count too). And the same seed gives the same rows.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { WasmEngine, simulate, type Engine } from "../../src/index.js";
import { js, startRun } from "./helpers.js";

const builds: Engine[] = await Promise.all((["release-simd", "release", "debug"] as const).map((build) => WasmEngine.create({ build })));

const settings = [
  { allocation: "replace-rejected", budget: null, filter: { kind: "noisy", gamma: 0.2, rho: 0.1 } },
  { allocation: "hardest", budget: null, filter: { kind: "noisy", gamma: 0.2, rho: 0.1 } },
  { allocation: "hardest", budget: 0.3, filter: { kind: "noisy", gamma: 0.3, rho: 0 } },
  { allocation: "uniform", budget: 0.7, filter: { kind: "noisy", gamma: 0, rho: 0.2 } },
  { allocation: "proportional", budget: 0.5, filter: { kind: "noisy", gamma: 0.5, rho: 0.5 } },
  { allocation: "resample", budget: 0.4, filter: { kind: "noisy", gamma: 0.2, rho: 0.1 } },
  { allocation: "resample", budget: null, filter: { kind: "noisy", gamma: 0, rho: 0 } },
  { allocation: "none", budget: null, filter: { kind: "none" } },
];

function spec({ allocation, budget, filter }: (typeof settings)[number], expected: boolean) {
  return {
    prompts: 700,
    responses: 7,
    unsolvable: 0.15,
    accuracyBeta: [0.7, 1.5],
    wrongSpread: "dirichlet",
    samples: 3,
    alpha: 0.6,
    expected,
    filter,
    labeler: { beta: 0.4, allocation, budget },
  };
}

/** Runs the spec on the reference and every build and checks tables, metrics and streams after every round. */
function assertRoundsAgree(overrides: Record<string, unknown>, label: string): void {
  const runs = [js, ...builds].map((engine) => startRun(engine, overrides, 51n));
  try {
    for (let t = 0; t <= 6; t++) {
      if (t > 0) runs.forEach((run) => run.step());
      const [reference, ...others] = runs.map((run) => ({ table: run.buffers.table.toArray(), metrics: run.metrics() }));
      for (const other of others) {
        assert.equal(other.table, reference.table, `${label}: table after round ${t}`);
        for (const [name, value] of Object.entries(reference.metrics)) {
          assert.ok(Object.is(other.metrics[name], value), `${label}: ${name} after round ${t}: ${other.metrics[name]} vs ${value}`);
        }
      }
    }
    const [state, ...states] = runs.map((run) => run.rng.stateWords());
    states.forEach((s) => assert.equal(s, state, `${label}: stream state`));
  } finally {
    runs.forEach((run) => run.free());
  }
}

test("wasm builds and the js reference agree round by round", () => {
  for (const expected of [false, true]) {
    for (const setting of settings) {
      assertRoundsAgree(spec(setting, expected), `${setting.allocation} ${JSON.stringify(setting.filter)} expected=${expected}`);
    }
  }
});

test("they agree for every row width: the SIMD passes' steps of 8, 4 and 2 entries and an odd last one", () => {
  for (const responses of [2, 5, 13, 16, 19]) {
    for (const setting of settings.slice(1, 3)) {
      assertRoundsAgree({ ...spec(setting, false), responses }, `${responses} responses, ${setting.allocation}`);
    }
  }
});

test("they agree for every number of samples: the vector draw's steps of 2 samples and an odd last one", () => {
  for (const samples of [1, 2, 4, 5]) {
    for (const setting of settings.slice(0, 2)) {
      assertRoundsAgree({ ...spec(setting, false), samples }, `${samples} samples, ${setting.allocation}`);
    }
  }
});

test("the same spec and seed give the same rows, on either engine, for either model", async () => {
  const params = { prompts: 500, labeler: { beta: 0.5, budget: 0.3 }, filter: { kind: "noisy", gamma: 0.1, rho: 0.05 } };
  const studies = [
    { params, grid: { arm: ["filter+hardest", "filter+proportional", "replace-rejected", "filter+resample"] } },
    { params: { ...params, model: "softmax", testPrompts: 100, features: 5, responses: 6, steps: 4 }, grid: { arm: ["filter+uniform", "filter+resample"] } },
  ];
  for (const { params, grid } of studies) {
    const study = { scenario: "weak-data", params, grid, generations: 5, seeds: 2, seed: 9 };
    const first = await simulate(study);
    assert.equal(await simulate(study), first);
    const reference = await simulate({ ...study, engine: "js" });
    assert.is(reference.length, first.length);
    reference.forEach((row, i) => {
      for (const [name, value] of Object.entries(row)) {
        assert.ok(Object.is(first[i][name], value), `row ${i} ${name}: ${first[i][name]} vs ${value}`);
      }
    });
  }
});

test.run();
