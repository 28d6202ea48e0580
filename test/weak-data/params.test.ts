// Parameters: defaults, arms as presets, and bad input rejected before any work with a message
// naming the parameter, the value and the allowed range.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SpecError, resolveStudy, simulate } from "../../src/index.js";
import { ARM_NAMES, ARMS, SOFTMAX_ONLY, TABLE_ONLY } from "../../src/scenarios/weak-data/index.js";
import { weakDataParams } from "./helpers.js";
import { MEMORY_LIMIT_BYTES, replicateBytes } from "../../src/scenarios/weak-data/replicate-memory.js";

function rejection(params: unknown, grid?: unknown): string {
  let message = "";
  try {
    resolveStudy({ scenario: "weak-data", params, grid });
  } catch (error) {
    assert.instance(error, SpecError);
    message = (error as Error).message;
  }
  assert.ok(message !== "", `accepted ${JSON.stringify(params)}`);
  return message;
}

test("defaults describe the analysed procedure with an oracle filter", () => {
  const params = weakDataParams({});
  assert.equal(params.filter, { kind: "noisy", gamma: 0, rho: 0 });
  assert.equal(params.labeler, { beta: 0.5, allocation: "replace-rejected", budget: null });
  assert.is(params.arm, null);
});

test("bad values name the parameter, the value and the allowed range", () => {
  const cases: Array<[unknown, string]> = [
    [{ prompts: 0 }, "params.prompts: out of range (got 0); allowed: an integer in [1, 16777216]"],
    [{ responses: 1 }, "params.responses: out of range (got 1); allowed: an integer in [2, 65536]"],
    [{ samples: 0.5 }, "params.samples: out of range (got 0.5); allowed: an integer in [1, 1024]"],
    [{ unsolvable: 1.5 }, "params.unsolvable: out of range (got 1.5); allowed: a number in [0, 1]"],
    [{ accuracyBeta: [1, 0] }, "params.accuracyBeta[1]: out of range (got 0); allowed: a number in [0.1, 1000]"],
    [{ accuracyBeta: [1] }, "params.accuracyBeta: out of range (got [1]); allowed: a pair [a, b] of numbers in [0.1, 1000]"],
    [{ wrongSpread: "zipf" }, 'params.wrongSpread: unknown value (got "zipf"); allowed: one of "uniform", "dirichlet"'],
    [{ filter: { kind: "noisy", gamma: 2 } }, "params.filter.gamma: out of range (got 2); allowed: a number in [0, 1]"],
    [{ filter: { kind: "none", rho: 0.1 } }, "params.filter.rho: unknown key (got 0.1); allowed: keys kind"],
    [{ filter: { kind: "learned" } }, 'params.filter.kind: unknown value (got "learned"); allowed: one of "none", "noisy"'],
    [{ labeler: { beta: -0.1 } }, "params.labeler.beta: out of range (got -0.1); allowed: a number in [0, 1]"],
    [{ labeler: { budget: 101 } }, "params.labeler.budget: out of range (got 101); allowed: a number in [0, 100] (labels per prompt per round), or null for no limit"],
    [{ labeler: { allocation: "random" } }, 'params.labeler.allocation: unknown value (got "random"); allowed: one of "none", "replace-rejected", "uniform", "proportional", "hardest", "resample"'],
    [{ alpha: 0 }, "params.alpha: out of range (got 0); allowed: a number in (0, 1]"],
    [{ epsilon: 1 }, "params.epsilon: out of range (got 1); allowed: a number in (0, 1)"],
    [{ expected: "yes" }, 'params.expected: wrong type (got "yes"); allowed: true or false'],
    [{ arm: "boost" }, `params.arm: unknown value (got "boost"); allowed: one of ${ARM_NAMES.map((a) => JSON.stringify(a)).join(", ")}`],
    [{ temperature: 1 }, "params.temperature: unknown key (got 1); allowed: keys prompts, responses, unsolvable, accuracyBeta, wrongSpread, samples, filter, labeler, alpha, expected, epsilon, arm, model, features, testPrompts, initialScale, initialAlignment, steps, learningRate, ridge"],
  ];
  for (const [params, message] of cases) assert.is(rejection(params), message);
});

test("limits across parameters: memory, a budget for uniform and proportional, a filter for filtering arms", () => {
  assert.is(
    rejection({ prompts: 10_000_000, responses: 1000 }),
    "params.prompts: too large (got 10000000); allowed: at most 133485 prompts with responses = 1000 and samples = 4 " +
      "(prompts x responses probabilities and the per-prompt arrays must fit in 1 GiB)",
  );
  assert.is(
    rejection({ labeler: { allocation: "proportional" } }),
    'params.labeler.budget: missing; allowed: a number in [0, 100] (labels per prompt per round) for allocation "proportional"',
  );
  assert.is(
    rejection({ filter: { kind: "none" } }, { arm: ["no-curation", "filter+hardest"] }),
    'params.filter.kind: conflicts with arm "filter+hardest", which filters with a noisy filter (got "none"); allowed: the arm\'s kind "noisy", ' +
      "or leave filter.kind out (the arm sets it; gamma and rho apply to the arms that filter), or arm null to use this one",
  );
});

test("each model's parameters alone in the resolved params; the table model, the default, written as no model", () => {
  const table = weakDataParams({});
  for (const key of ["model", ...SOFTMAX_ONLY]) assert.not.ok(key in table, key);
  assert.equal(weakDataParams({ model: "table" }), table, "model table given or not: the same cell");
  const softmax = weakDataParams({ model: "softmax" });
  assert.is(softmax.model, "softmax");
  for (const key of TABLE_ONLY) assert.not.ok(key in softmax, key);
  assert.equal(
    SOFTMAX_ONLY.map((key) => (softmax as Record<string, unknown>)[key]),
    [16, 4000, 1, 0.3, 30, 1, 0.001],
    "features, testPrompts, initialScale, initialAlignment, steps, learningRate, ridge",
  );
  assert.equal(weakDataParams(softmax), softmax, "resolved parameters resolve to themselves");
});

test("a parameter of the other model is refused, naming it, the model and where it applies", () => {
  assert.is(
    rejection({ features: 8, ridge: 0 }),
    'params.features: does not apply (got 8); allowed: only with model "softmax" (model is "table")\n' +
      'params.ridge: does not apply (got 0); allowed: only with model "softmax" (model is "table")',
  );
  assert.is(
    rejection({ model: "softmax", expected: true, unsolvable: 0.2 }),
    'params.unsolvable: does not apply (got 0.2); allowed: only with model "table" (model is "softmax")\n' +
      'params.expected: does not apply (got true); allowed: only with model "table" (model is "softmax")',
  );
  assert.is(
    rejection({ model: "softmax" }, { alpha: [0.5, 1] }),
    'grid.alpha[0]: does not apply (got 0.5); allowed: only with model "table" (model is "softmax")\n' +
      'grid.alpha[1]: does not apply (got 1); allowed: only with model "table" (model is "softmax")',
  );
});

test("a softmax model past the memory limit is refused, naming prompts or, when they alone overflow, testPrompts, with the most that fit", () => {
  const sizes = { responses: 16, samples: 4, features: 64 };
  const cases = [
    { given: { prompts: 4_000_000, testPrompts: 4000 }, blamed: "prompts", what: "prompts", others: "testPrompts = 4000" },
    { given: { prompts: 10_000, testPrompts: 10_000_000 }, blamed: "testPrompts", what: "held-out prompts", others: "prompts = 10000" },
  ] as const;
  for (const { given, blamed, what, others } of cases) {
    const message = rejection({ model: "softmax", ...sizes, ...given });
    const most = Number(/at most (\d+)/.exec(message)?.[1]);
    assert.is(
      message,
      `params.${blamed}: too large (got ${given[blamed]}); allowed: at most ${most} ${what} with responses = 16, samples = 4, features = 64 and ${others} ` +
        "(the prompts' features and probabilities and the per-prompt arrays must fit in 1 GiB)",
    );
    assert.ok(replicateBytes({ ...sizes, ...given, [blamed]: most }) <= MEMORY_LIMIT_BYTES, `${most} ${blamed} fit`);
    assert.ok(replicateBytes({ ...sizes, ...given, [blamed]: most + 1 }) > MEMORY_LIMIT_BYTES, `${most + 1} ${blamed} do not`);
  }
});

test("a bad spec is rejected before the engine is touched", async () => {
  const untouchable = new Proxy({}, { get: () => { throw new Error("the engine was used"); } });
  const bad = [{ samples: 0 }, { features: 8 }, { model: "softmax", alpha: 0.5 }, { model: "softmax", prompts: 2 ** 24, features: 1024 }];
  for (const params of bad) {
    try {
      await simulate({ scenario: "weak-data", params } as unknown, { engine: untouchable as never });
      assert.unreachable(`accepted ${JSON.stringify(params)}`);
    } catch (error) {
      assert.instance(error, SpecError);
    }
  }
});

test("an arm fixes the filter kind and the allocation; gamma, rho, beta and budget come from the study", () => {
  // No kind and no allocation written: the arm sets them (one that differs is refused, test/cli/errors.test.ts).
  const study = { filter: { gamma: 0.15, rho: 0.05 }, labeler: { beta: 0.3, budget: 0.2 } };
  for (const arm of ARM_NAMES) {
    const params = weakDataParams({ ...study, arm });
    assert.equal(params.filter, ARMS[arm].filters ? { kind: "noisy", ...study.filter } : { kind: "none" }, arm);
    assert.equal(params.labeler, { beta: 0.3, allocation: ARMS[arm].allocation, budget: 0.2 }, arm);
  }
  // Resolved parameters resolve to themselves, so a cell's identity does not depend on how it was written.
  for (const arm of ARM_NAMES) assert.equal(weakDataParams(weakDataParams({ ...study, arm })), weakDataParams({ ...study, arm }));
});

test("collapse-sim run prints the six arms' rows as JSON lines; a bad spec exits 2 naming the parameter", () => {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "weak-data-"));
  const cli = (spec: unknown) => {
    const file = join(dir, "spec.json");
    writeFileSync(file, JSON.stringify(spec));
    return spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), "run", file, "--format", "jsonl"], { cwd: root, encoding: "utf8" });
  };
  const good = cli({
    scenario: "weak-data",
    params: { prompts: 200, labeler: { budget: 0.25 }, filter: { gamma: 0.1, rho: 0.05 } },
    grid: { arm: ARM_NAMES },
    generations: 3,
    seeds: 1,
  });
  assert.is(good.status, 0, good.stderr);
  const rows = good.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.is(rows.length, ARM_NAMES.length * 4);
  assert.equal([...new Set(rows.map((r) => r.arm))], ARM_NAMES);
  for (const row of rows) {
    for (const key of ["generation", "accuracy", "labels", "labelsTotal", "entropy", "theoryAccuracy"]) assert.ok(key in row, key);
  }
  const bad = cli({ scenario: "weak-data", params: { labeler: { beta: 2 } } });
  assert.is(bad.status, 2);
  assert.match(bad.stderr, "params.labeler.beta: out of range (got 2); allowed: a number in [0, 1]");
  assert.is(bad.stdout, "");
});

test.run();
