// Bad specs and bad command lines: each is refused before any work with the exact message
// naming the dotted path (or flag), the value and what is allowed; the CLI exits with code 2.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import "../fixtures/register-toy.js";
import * as z from "zod/mini";
import { resolveStudy } from "../../src/study/spec.js";
import { registerScenario } from "../../src/scenarios/register.js";
import type { Scenario } from "../../src/scenarios/index.js";
import { byKind, integer, param, strictObject } from "../../src/validation/schema.js";
import { scenarioNames } from "../../src/scenarios/index.js";
import { presetNames } from "../../src/presets/index.js";
import { SpecError } from "../../src/validation/spec-error.js";
import { cliSync, scratchDir } from "../helpers/study-dirs.js";

/** A kind-tagged object inside an object with defaults. */
const nestedKinds: Scenario<unknown> = {
  name: "toy-nested",
  title: "kinds inside a defaulted object (test fixture)",
  source: "collapse-sim test fixture",
  params: strictObject({
    outer: param(strictObject({
      size: param(integer(1, 10), { default: 2 }),
      inner: param(byKind([strictObject({ kind: z.literal("a"), weight: integer(0, 9) }), strictObject({ kind: z.literal("b") })]), { default: { kind: "a", weight: 1 } }),
    }), { default: { size: 2, inner: { kind: "a", weight: 1 } } }),
  }),
  metrics: [],
  runReplicate: () => [],
};
registerScenario(nestedKinds);

/** Parameters that only their sum matters to: different grid values can give equal cells. */
const summed: Scenario<unknown> = {
  name: "toy-sum",
  title: "a sum of two parameters (test fixture)",
  source: "collapse-sim test fixture",
  params: z.pipe(strictObject({ a: param(integer(0, 9), { default: 0 }), b: param(integer(0, 9), { default: 0 }) }), z.transform(({ a, b }) => ({ sum: a + b }))),
  metrics: [],
  runReplicate: () => [],
};
registerScenario(summed);

// Built when the test runs: test files share one process, and others register scenarios too.
const badSpecs = (scenarioList = scenarioNames().map((n) => JSON.stringify(n)).join(", ")): Array<[unknown, string]> => [
  [{ scenario: "nope" }, `scenario: unknown value (got "nope"); allowed: one of ${scenarioList}`],
  [{ scenario: "constructor" }, `scenario: unknown value (got "constructor"); allowed: one of ${scenarioList}`],
  [{ scenario: "toy-walk", seeds: 0 }, "seeds: out of range (got 0); allowed: an integer in [1, 1000000]"],
  [{ scenario: "toy-walk", foo: 1 }, "foo: unknown key (got 1); allowed: keys scenario, params, grid, generations, seeds, seed, engine"],
  [{ scenario: "toy-walk", engine: "gpu" }, `engine: unknown value (got "gpu"); allowed: one of "wasm", "js"`],
  [{ scenario: "toy-walk", generations: 1.5 }, "generations: out of range (got 1.5); allowed: an integer in [0, 100000]"],
  [{ scenario: "toy-walk", params: { n: -5 } }, "params.n: out of range (got -5); allowed: an integer in [1, 10000000]"],
  [{ scenario: "toy-walk", params: { bogus: true } }, "params.bogus: unknown key (got true); allowed: keys n, drift, explode, step"],
  [{ scenario: "toy-walk", params: { step: { kind: "x" } } }, `params.step.kind: unknown value (got "x"); allowed: one of "plain", "scaled"`],
  [{ scenario: "toy-walk", params: { n: 6000000, drift: 0.5 } }, "params.n: too large (got 6000000); allowed: at most 5000000 with a drift"],
  [{ scenario: "toy-walk", grid: { drift: [0, 2] } }, "grid.drift[1]: out of range (got 2); allowed: a number in [-1, 1]"],
  // A misspelt grid path is named as written, not at the unknown parent the scenario saw.
  [{ scenario: "toy-walk", grid: { "bogus.key": [1, 2] } }, `grid.bogus.key: unknown key at params.bogus (got {"key":2}); allowed: keys n, drift, explode, step`],
  [{ scenario: "toy-walk", grid: { drift: [] } }, "grid.drift: out of range (got []); allowed: a non-empty array of values"],
  [
    { scenario: "toy-walk", grid: { drift: Array.from({ length: 20 }, (_, i) => i / 20) }, seeds: 1_000_000 },
    "seeds: too large for 20 cells (got 1000000); allowed: at most 100000: cells x seeds, the number of (cell, replicate) tasks, is at most 2000000 (fewer grid values allow more seeds)",
  ],
  // Equal cells would get equal seeds: the same replicates twice, as if independent.
  [
    { scenario: "toy-walk", grid: { drift: [0, 0.1, 0.1], n: [1, 2] } },
    "grid.drift[2]: same cell as grid.drift[1] (got 0.1); allowed: values that give different cells (equal parameters get equal seeds: the same replicates twice)",
  ],
  [
    { scenario: "toy-walk", grid: { step: [{ kind: "plain" }, { kind: "plain", scale: 1 }] } },
    `grid.step[1]: same cell as grid.step[0] (got {"kind":"plain","scale":1}); allowed: values that give different cells (equal parameters get equal seeds: the same replicates twice)`,
  ],
  [
    { scenario: "toy-sum", grid: { a: [1, 2], b: [2, 1] } },
    `grid: same cell as grid.a[0] with grid.b[0] (got {"a":2,"b":1}); allowed: values that give different cells (equal parameters get equal seeds: the same replicates twice)`,
  ],
  // JSON makes "__proto__" an ordinary key: refused like any unknown key, never dropped unseen.
  [JSON.parse(`{"scenario": "toy-walk", "params": {"__proto__": {"n": 5}}}`), `params.__proto__: unknown key (got {"n":5}); allowed: keys n, drift, explode, step`],
  [JSON.parse(`{"scenario": "toy-walk", "grid": {"__proto__": [5]}}`), "grid.__proto__[0]: unknown key (got 5); allowed: keys n, drift, explode, step"],
  [
    { scenario: "toy-walk", seeds: -1, grid: { "step.scale": [1, -1], drift: "0.1" } },
    [
      `grid.drift: wrong type (got "0.1"); allowed: a non-empty array of values`,
      "seeds: out of range (got -1); allowed: an integer in [1, 1000000]",
      // Problems with the spec's own keys do not hide the parameters' problems.
      "grid.step.scale[1]: out of range (got -1); allowed: a number in [0, 10]",
    ].join("\n"),
  ],
  [
    { scenario: "toy-walk", engine: 3, params: { n: 0, bogus: 1 } },
    [
      `engine: unknown value (got 3); allowed: one of "wasm", "js"`,
      "params.n: out of range (got 0); allowed: an integer in [1, 10000000]",
      "params.bogus: unknown key (got 1); allowed: keys n, drift, explode, step",
    ].join("\n"),
  ],
];

test("a grid path into an object left to its default varies that default", () => {
  // No params.step: the default step {kind: "plain", scale: 1} is the base, so the grid over
  // step.kind keeps scale instead of building a step with a kind alone.
  const study = resolveStudy({ scenario: "toy-walk", grid: { "step.kind": ["plain", "scaled"] } });
  assert.equal(study.cells.map((cell) => cell.flat["step.scale"]), [1, 1]);
  assert.equal(study.cells.map((cell) => cell.flat["step.kind"]), ["plain", "scaled"]);
  // What the spec does give is kept.
  const given = resolveStudy({ scenario: "toy-walk", params: { step: { scale: 3 } }, grid: { "step.kind": ["scaled"] } });
  assert.is(given.cells[0].flat["step.scale"], 3);
});

test("a grid over an object's kind does not inherit another kind's default keys", () => {
  // The default verifier is {kind: "noisy", phi, psi}: "none" and "oracle" have neither key.
  const verifiers = resolveStudy({ scenario: "verified-mixture", grid: { "verifier.kind": ["none", "oracle"] } });
  assert.equal(verifiers.cells.map((cell) => cell.params), verifiers.cells.map((cell) => ({ ...(cell.params as object), verifier: { kind: cell.flat["verifier.kind"] } })));
  assert.equal(verifiers.cells.map((cell) => cell.flat["verifier.kind"]), ["none", "oracle"]);
  // Other grid paths still start from the default: the flip generator keeps its kind.
  const eps = resolveStudy({ scenario: "verified-mixture", grid: { "generator.eps": [0.1, 0.2] } });
  assert.equal(eps.cells.map((cell) => cell.flat), eps.cells.map((cell, i) => ({ ...cell.flat, "generator.kind": "flip", "generator.eps": [0.1, 0.2][i] })));
  // Inside a defaulted parent too: the parent keeps its other defaults, the chosen object does not.
  const nested = resolveStudy({ scenario: "toy-nested", grid: { "outer.inner.kind": ["b"] } });
  assert.equal(nested.cells[0].params, { outer: { size: 2, inner: { kind: "b" } } });
});

test("every bad spec is refused with the exact message", () => {
  for (const [spec, message] of badSpecs()) {
    try {
      resolveStudy(spec);
      assert.unreachable(`accepted ${JSON.stringify(spec)}`);
    } catch (error) {
      assert.instance(error, SpecError);
      assert.is((error as Error).message, message, JSON.stringify(spec));
    }
  }
});

const dir = scratchDir("validation");
const specFile = join(dir, "toy.json");
writeFileSync(specFile, JSON.stringify({ scenario: "toy-walk", params: { n: 10 }, generations: 2, seeds: 2 }));
const badSpecFile = join(dir, "bad.json");
writeFileSync(badSpecFile, JSON.stringify({ scenario: "toy-walk", grid: { drift: [0, 2] } }));

const badCommands: Array<[string[], NodeJS.ProcessEnv, string]> = [
  [["run", badSpecFile, "--out", join(dir, "never")], {}, "invalid input:\ngrid.drift[1]: out of range (got 2); allowed: a number in [-1, 1]\n"],
  [["run", specFile, "--workers", "0"], {}, "invalid input:\n--workers: out of range (got 0); allowed: an integer in [1, 1024]\n"],
  [
    ["run", specFile, "--workers", "two", "--shard", "3/2", "--format", "xml"],
    {},
    [
      "invalid input:",
      `--workers: wrong type (got "two"); allowed: an integer in [1, 1024]`,
      `--format: unknown value (got "xml"); allowed: one of "jsonl", "csv"`,
      `--shard: out of range (got "3/2"); allowed: I/N with 0 <= I < N (0-based), e.g. 0/4`,
      "",
    ].join("\n"),
  ],
  [
    ["run", "--preset", "nope", "--set", "seeds"],
    {},
    [
      "invalid input:",
      `--preset: unknown value (got "nope"); allowed: one of ${presetNames().map((n) => JSON.stringify(n)).join(", ")} (collapse-sim presets lists them)`,
      `--set: malformed (got "seeds"); allowed: path=value, e.g. seeds=3, params.d=50 or grid.generator.eps=[0.1,0.3]`,
      "",
    ].join("\n"),
  ],
  [["run", specFile, "--set", "params.n=0"], {}, "invalid input:\nparams.n: out of range (got 0); allowed: an integer in [1, 10000000]\n"],
  [["run", specFile, "--set", "seeds=[1]"], {}, "invalid input:\nseeds: wrong type (got [1]); allowed: an integer in [1, 1000000]\n"],
  [["run", specFile, "--set", "params.__proto__.n=5"], {}, `invalid input:\nparams.__proto__: unknown key (got {"n":5}); allowed: keys n, drift, explode, step\n`],
  [
    // The preset's grid sets the whole verifier in every cell: a --set under it would do nothing.
    ["run", "--preset", "feng-verifier-quality", "--set", "params.verifier.kind=none"],
    {},
    `invalid input:\n--set params.verifier.kind: overridden in every cell by grid.verifier (got "none"); allowed: a parameter no grid key sets; drop the grid key (--set grid.verifier=null) or change its values (--set grid.verifier=[...])\n`,
  ],
  [
    // The collapse loop's logistic learner needs every point: the exact method is refused, and so is best of 0.
    ["run", "--preset", "feng-collapse-loop", "--set", "params.method=exact", "--set", "params.selection={\"kind\":\"bestOfK\",\"k\":0}"],
    {},
    [
      "invalid input:",
      "params.selection.k: out of range (got 0); allowed: an integer in [1, 256]",
      "",
    ].join("\n"),
  ],
  [
    ["run", "--preset", "feng-collapse-loop", "--set", "params.method=exact"],
    {},
    `invalid input:\nparams.method: not allowed with learner "logistic" (got "exact"); allowed: one of "auto", "direct" with the logistic learner (its loss needs every point, not the sufficient statistics the exact method draws)\n`,
  ],
  [["run", specFile, "--resume"], {}, "invalid input:\n--resume: unused (got true); allowed: only with --out DIR\n"],
  [
    ["run", specFile],
    { JOB_COMPLETION_INDEX: "1" },
    "invalid input:\n--shards: missing; allowed: the number of shards (the Job's completions) when JOB_COMPLETION_INDEX is set; or set COLLAPSE_SIM_SHARDS\n",
  ],
  [
    ["run", specFile],
    { SLURM_ARRAY_TASK_ID: "3" },
    "invalid input:\nSLURM_ARRAY_TASK_COUNT: missing; allowed: the job array's task count when SLURM_ARRAY_TASK_ID is set; or choose the shard with --shard I/N (--shard 0/1 runs the whole study)\n",
  ],
  [
    ["run", specFile, "--shard", "0/2", "--shards", "2"],
    {},
    `invalid input:\n--shards: conflicts with --shard (got "2"); allowed: --shard I/N alone (it gives the count), or --shards N with JOB_COMPLETION_INDEX\n`,
  ],
  // An --out that cannot be a directory is refused before any work, not after it with a stack trace.
  [["run", specFile, "--out", specFile], {}, `--out ${specFile} is a file, not a directory\n`],
  [["run", specFile, "--out", join(specFile, "sub")], {}, `--out ${join(specFile, "sub")} cannot be created: ${specFile} is a file\n`],
  [["merge", dir, "--out", specFile], {}, `--out ${specFile} is a file, not a directory\n`],
  [["run", specFile, "--bogus"], {}, "unknown option --bogus; see collapse-sim --help\n"],
  [["frobnicate"], {}, `unknown command "frobnicate"; see collapse-sim --help\n`],
];

test("the CLI refuses bad specs and flags with exit code 2 and the exact message, before writing anything", () => {
  for (const [args, env, message] of badCommands) {
    const result = cliSync(args, env);
    assert.is(result.stderr, message, args.join(" "));
    assert.is(result.code, 2, args.join(" "));
    assert.is(result.stdout, "", args.join(" "));
  }
  assert.not.ok(existsSync(join(dir, "never")), "nothing written for a bad spec");
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
