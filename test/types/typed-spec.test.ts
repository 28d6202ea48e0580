// simulate's typed specs and rows (src/study/typed-spec.ts, src/scenarios/spec-types.ts). Most of
// this file is checked by the compiler, not run: `npm run typecheck` (tsconfig.check.json takes
// test/) fails on a `@ts-expect-error` that expects no error, so each one below fails the check
// if the typing it tests goes away. The tests that run check what the types cannot: that rows
// hold the columns the types name, and that untyped specs still go through.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type * as z from "zod/mini";
import {
  simulate,
  builtInScenarios,
  resolveStudy,
  strictObject,
  param,
  real,
  oneOf,
  byKind,
  literal,
  nullable,
  transformed,
  type InputOf,
  type OutputOf,
  type ParamsOf,
  type Row,
  type RowOf,
  type BuiltInSpec,
} from "../../src/index.js";
import { params as verifiedMixture } from "../../src/scenarios/verified-mixture/params.js";
import { params as weakData } from "../../src/scenarios/weak-data/params.js";
import { params as gaussianRefit } from "../../src/scenarios/gaussian-refit/params.js";
import { params as regressionChain } from "../../src/scenarios/regression-chain/params.js";
import { params as categoricalTails } from "../../src/scenarios/categorical-tails/params.js";
import { params as curatedChoice } from "../../src/scenarios/curated-choice/params.js";
import { simulateInWorker } from "../../src/node.js";
import { simulateInWorker as simulateInWebWorker } from "../../src/index.js";
import { specTypesColumns } from "../../scripts/spec-types.js";
import { registerScenario } from "../../src/index.js";
import { scenario as toyWalk } from "../fixtures/toy-walk/index.js";

/** true when A and B are assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The generated plain types are the schemas' own input types (zod's), scenario by scenario.
const sameAsSchemas: [
  Same<ParamsOf<"verified-mixture">, z.input<typeof verifiedMixture>>,
  Same<ParamsOf<"weak-data">, z.input<typeof weakData>>,
  Same<ParamsOf<"gaussian-refit">, z.input<typeof gaussianRefit>>,
  Same<ParamsOf<"regression-chain">, z.input<typeof regressionChain>>,
  Same<ParamsOf<"categorical-tails">, z.input<typeof categoricalTails>>,
  Same<ParamsOf<"curated-choice">, z.input<typeof curatedChoice>>,
] = [true, true, true, true, true, true];

// A valid spec of each built-in scenario, nested and partial objects included.
const valid = [
  { scenario: "verified-mixture", params: { d: 50, generator: { kind: "linear", angle: 30 }, verifier: { kind: "noisy", phi: 0.9, psi: 0.1 } }, grid: { "verifier.phi": [0.8, 0.9] } },
  { scenario: "weak-data", params: { prompts: 100, labeler: { beta: 0.4 }, filter: { kind: "noisy", gamma: 0.1 }, arm: null }, grid: { arm: ["filter-only"] }, generations: 2, seeds: 2 },
  { scenario: "gaussian-refit", params: { samples: 50, schedule: { kind: "accumulate" } }, engine: "js" },
  { scenario: "regression-chain", params: { dim: 5, samples: 20 } },
  { scenario: "categorical-tails", params: { support: 20, schedule: { kind: "fresh-real", realFraction: 0.25 } } },
  { scenario: "curated-choice", params: { support: 20, choices: 4 } },
] as const satisfies readonly BuiltInSpec[];

async function compileTimeChecks() {
  const rows = await simulate({ scenario: "weak-data", params: { prompts: 100, labeler: { allocation: "hardest", budget: 0.5 } }, generations: 1, seeds: 1 });
  const accuracy: number | null = rows[0].accuracy;
  const theory: number | null = rows[0].theoryAccuracy;
  const beta = rows[0]["labeler.beta"];
  const plain: Row[] = rows; // typed rows are still Rows, for summarize, toCsv, ...
  // @ts-expect-error a misspelt metric
  rows[0].accurcy;
  // @ts-expect-error a metric of another scenario
  rows[0].meanReward;
  // @ts-expect-error a misspelt parameter
  await simulate({ scenario: "weak-data", params: { promts: 10 } });
  // @ts-expect-error a misspelt nested parameter
  await simulate({ scenario: "weak-data", params: { labeler: { bta: 0.5 } } });
  // @ts-expect-error a wrong type
  await simulate({ scenario: "weak-data", params: { prompts: "10" } });
  // @ts-expect-error an unknown kind
  await simulate({ scenario: "verified-mixture", params: { verifier: { kind: "noisyy" } } });
  // @ts-expect-error a key of another kind
  await simulate({ scenario: "weak-data", params: { filter: { kind: "none", gamma: 0.1 } } });
  // @ts-expect-error a misspelt key of the spec
  await simulate({ scenario: "weak-data", generation: 3 });
  // simulateInWorker is typed the same way, in Node and in browsers.
  const inWorker: number | null = (await simulateInWorker({ scenario: "weak-data", params: { prompts: 100 } }))[0].accuracy;
  // @ts-expect-error a misspelt parameter, in Node
  await simulateInWorker({ scenario: "weak-data", params: { promts: 10 } });
  // @ts-expect-error a misspelt parameter, in browsers
  await simulateInWebWorker({ scenario: "weak-data", params: { promts: 10 } });
  // A plug-in scenario's spec, and a spec typed unknown, are checked at run time only.
  const toy: Row[] = await simulate({ scenario: "toy-walk", params: { n: 10, anything: 1 } });
  const loose: Row[] = await simulate(JSON.parse("{}") as unknown);
  // Rows typed by their scenario.
  const curated: RowOf<"curated-choice">[] = await simulate({ scenario: "curated-choice", params: { choices: 2 } });
  const conditional: number | null = curated[0].conditionalTopMass;
  // The public builders give plain input types, zod's schemas mixing in.
  const own = strictObject({ rate: param(real(0, 1), { default: 0.5 }), mode: oneOf(["a", "b"]) });
  const ownInput: InputOf<typeof own> = { mode: "a" };
  const kinds = byKind([strictObject({ kind: literal("x"), limit: nullable(real(0, 1)) }), strictObject({ kind: literal("y") })]);
  const scaled = transformed(strictObject({ rate: real(0, 1) }), ({ rate }) => ({ rate, percent: 100 * rate }));
  const kindsInput: InputOf<typeof kinds>[] = [{ kind: "x", limit: null }, { kind: "y" }];
  const percent: number = ({} as OutputOf<typeof scaled>).percent;
  // @ts-expect-error kind y takes no limit
  const wrongKind: InputOf<typeof kinds> = { kind: "y", limit: 0.5 };
  // @ts-expect-error mode has no default
  const missing: InputOf<typeof own> = { rate: 0.2 };
  return [accuracy, theory, beta, plain, inWorker, toy, loose, conditional, ownInput, missing, kindsInput, percent, wrongKind];
}

test("the generated parameter types are the schemas' input types", () => {
  assert.equal(sameAsSchemas, [true, true, true, true, true, true]);
  assert.type(compileTimeChecks, "function");
});

test("the public literal, nullable and transformed builders parse as zod's functions do", () => {
  const schema = transformed(strictObject({ kind: literal("x"), limit: nullable(real(0, 1)) }), (v) => ({ ...v, twice: v.limit === null ? null : 2 * v.limit }));
  const parsed = (schema as unknown as z.ZodMiniType).safeParse({ kind: "x", limit: 0.25 });
  assert.equal(parsed.data, { kind: "x", limit: 0.25, twice: 0.5 });
  assert.not.ok((schema as unknown as z.ZodMiniType).safeParse({ kind: "y", limit: 0.25 }).success);
});

test("the valid specs resolve at run time too", () => {
  for (const spec of valid) resolveStudy(spec);
});

test("every row column of every built-in scenario is a typed metric or parameter column", async () => {
  const columns = specTypesColumns(builtInScenarios);
  for (const spec of valid) {
    const rows: Record<string, unknown>[] = await simulate({ ...spec, params: spec.scenario === "weak-data" ? { ...spec.params, prompts: 50 } : spec.params, generations: 1, seeds: 1 } as unknown);
    const typed = new Set(["cell", "replicate", "generation", ...columns[spec.scenario].metrics, ...columns[spec.scenario].parameters]);
    for (const key of Object.keys(rows[0])) assert.ok(typed.has(key), `${spec.scenario}: column ${key} is not in its row type`);
  }
});

test("a plug-in scenario's spec goes through simulate unchecked by the types", async () => {
  registerScenario(toyWalk);
  const rows = await simulate({ scenario: "toy-walk", params: { n: 10 }, generations: 1, seeds: 1 });
  assert.is(rows.length, 2);
});

test.run();
