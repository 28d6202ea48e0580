// The wasm builds (SIMD and scalar) and the TypeScript reference give regression-chain's rows bit
// for bit, under every schedule, design and method, with ridge and without (singular training
// sets included); the same seed gives the same rows, another seed others; round 1 of accumulate
// and accumulate-subsample is round 1 of replace.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate, WasmEngine, createEngine } from "../../src/index.js";
import { ChainRun, params as schema } from "../../src/scenarios/regression-chain/index.js";
import { parseOrThrow } from "../../src/validation/schema.js";
import { runChain, valuesAt } from "./helpers.js";
import { assertSameRows } from "../helpers/rows-at.js";

const SCHEDULES = [
  { kind: "replace" },
  { kind: "accumulate" },
  { kind: "accumulate-subsample" },
  { kind: "fixed-real", lambda: 0.5, nReal: 6 },
  { kind: "fresh-real", realFraction: 0.3 },
];

test("wasm (SIMD, scalar) and the reference: the same rows, bit for bit, under every schedule, design, method and ridge", async () => {
  const scalarBuild = await WasmEngine.create({ build: "release" });
  const simd = await createEngine("wasm");
  const js = await createEngine("js");
  for (const schedule of SCHEDULES) {
    for (const design of ["fixed", "fresh"]) {
      for (const method of ["exact", "direct"]) {
        for (const shape of [{ dim: 5, samples: 9, ridge: 0 }, { dim: 9, samples: 4, ridge: 0 }, { dim: 5, samples: 7, ridge: 0.3 }]) {
          const spec = {
            scenario: "regression-chain", params: { ...shape, shift: 0.5, noise: 0.8, design, method, schedule }, generations: 4, seeds: 2, seed: 3,
          };
          const what = `${JSON.stringify(schedule)} ${design} ${method} ${JSON.stringify(shape)}`;
          const rows = await simulate(spec, { engine: simd });
          assertSameRows(rows, await simulate(spec, { engine: scalarBuild }), `${what}: scalar wasm`);
          assertSameRows(rows, await simulate({ ...spec, engine: "js" }, { engine: js }), `${what}: reference`);
        }
      }
    }
  }
});

test("growing rounds with fresh inputs (rows while a round is smaller than dim, statistics after): the same rows in every engine", async () => {
  const simd = await createEngine("wasm");
  const js = await createEngine("js");
  for (const kind of ["replace", "accumulate", "fresh-real"]) {
    for (const ridge of [0, 0.2]) {
      const schedule = { kind, growth: { kind: "linear", rate: 1 } };
      const spec = { scenario: "regression-chain", params: { dim: 6, samples: 4, ridge, shift: 1, design: "fresh", schedule }, generations: 4, seeds: 2, seed: 5 };
      assertSameRows(await simulate(spec, { engine: simd }), await simulate({ ...spec, engine: "js" }, { engine: js }), `${kind} ridge ${ridge}`);
    }
  }
});

test("the same seed gives the same rows, another seed other rows", async () => {
  const params = { dim: 6, samples: 12, design: "fresh", schedule: { kind: "fresh-real", realFraction: 0.5 } };
  const first = await runChain(params, 3, 3, 77);
  assertSameRows(first, await runChain(params, 3, 3, 77), "same seed");
  assert.not.equal(valuesAt(first, 3, "testError"), valuesAt(await runChain(params, 3, 3, 78), 3, "testError"));
});

test("round 1 of accumulate and accumulate-subsample is round 1 of replace (the same stream)", async () => {
  const engine = await createEngine("wasm");
  for (const design of ["fixed", "fresh"]) {
    const first = (kind: string) => {
      const p = parseOrThrow(schema, { dim: 4, samples: 10, shift: 1, design, method: "direct", schedule: { kind } }, "params");
      const rng = engine.stream(42n);
      const run = new ChainRun(engine, p, rng, 3);
      try {
        run.step(1);
        return run.metrics();
      } finally {
        run.free();
        rng.free();
      }
    };
    const replace = first("replace");
    assert.equal(first("accumulate"), replace, `${design}: accumulate`);
    assert.equal(first("accumulate-subsample"), replace, `${design}: accumulate-subsample`);
  }
});

test.run();
