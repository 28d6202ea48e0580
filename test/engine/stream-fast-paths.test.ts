// The fills' fast paths (runs of pairs between refills, two normals per v128, exponent-spliced
// uniforms) must consume the stream exactly as one draw at a time does: every build and the
// reference give the same bits and the same state words after any sequence of calls, whatever
// the cursor's parity, the output's alignment or where a ziggurat rejection falls.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createEngine, type Engine, type RandomStream } from "../../src/engine/index.js";

const engines: Engine[] = [
  await createEngine("wasm", { build: "release-simd" }),
  await createEngine("wasm", { build: "release" }),
  await createEngine("wasm", { build: "debug" }),
  await createEngine("js"),
];

type Step = { kind: "uniform" | "normal" | "bernoulli" | "categorical" | "gamma" | "chisquare"; n: number; offset: number };

/** Runs the steps on one engine, returning every output (as numbers) and the state after each step. */
function run(engine: Engine, seed: bigint, steps: Step[]): { outputs: number[][]; states: Uint32Array[] } {
  const rng: RandomStream = engine.stream(seed, 3);
  const cdf = engine.f64(4);
  cdf.set([0.1, 0.1, 0.7, 1.3]);
  const outputs: number[][] = [];
  const states: Uint32Array[] = [];
  for (const { kind, n, offset } of steps) {
    if (kind === "bernoulli" || kind === "categorical") {
      const block = kind === "bernoulli" ? engine.u8(n + offset) : engine.i32(n + offset);
      const out = block.slice(offset, n);
      if (kind === "bernoulli") engine.fillBernoulli(rng, out as never, 0.3);
      else engine.fillCategorical(rng, out as never, cdf);
      outputs.push(Array.from(out.view));
      block.free();
    } else {
      const block = engine.f64(n + offset);
      const out = block.slice(offset, n);
      if (kind === "uniform") engine.fillUniform(rng, out);
      else if (kind === "normal") engine.fillNormal(rng, out);
      else if (kind === "gamma") engine.fillGamma(rng, out, 0.7);
      else engine.fillChiSquare(rng, out, 5);
      outputs.push(Array.from(out.view));
      block.free();
    }
    states.push(rng.stateWords());
  }
  rng.free();
  return { outputs, states };
}

function assertSameRuns(steps: Step[], seed: bigint): void {
  const [first, ...rest] = engines.map((engine) => ({ engine, result: run(engine, seed, steps) }));
  for (const { engine, result } of rest) {
    steps.forEach((step, s) => {
      const label = `${engine.build} vs ${first.engine.build}, step ${s} (${step.kind} n=${step.n})`;
      const expected = first.result.outputs[s], actual = result.outputs[s];
      for (let i = 0; i < expected.length; i++) {
        if (!Object.is(actual[i], expected[i])) assert.unreachable(`${label}: entry ${i} is ${actual[i]}, expected ${expected[i]}`);
      }
      assert.equal(Array.from(result.states[s]), Array.from(first.result.states[s]), `${label}: state words`);
    });
  }
}

test("long normal fills: rejections land in every lane, at buffer ends, in every layer's wedge", () => {
  // About 15,000 wedge tests per fill, nearly all settled by the squeeze (ziggurat-squeeze.ts).
  assertSameRuns([{ kind: "normal", n: 1_000_003, offset: 0 }, { kind: "normal", n: 65_536, offset: 1 }], 11n);
});

test("long uniform fills across many refills, aligned and not", () => {
  assertSameRuns([{ kind: "uniform", n: 100_001, offset: 1 }, { kind: "uniform", n: 4096, offset: 0 }], 12n);
});

test("mixed sequences with odd sizes leave the cursor at every parity", () => {
  const sizes = [0, 1, 2, 3, 5, 7, 31, 127, 255, 256, 257, 300, 511, 513, 1023];
  const kinds: Step["kind"][] = ["normal", "uniform", "normal", "bernoulli", "normal", "categorical", "gamma", "normal", "chisquare"];
  const steps: Step[] = [];
  for (let s = 0; s < 60; s++) {
    steps.push({ kind: kinds[s % kinds.length], n: sizes[(s * 7) % sizes.length], offset: s % 3 });
  }
  for (const seed of [0n, 1n, 0xffff_ffff_ffff_ffffn]) assertSameRuns(steps, seed);
});

test("one draw at a time equals one long fill", () => {
  for (const engine of engines) {
    const long = engine.f64(1000);
    const single = engine.f64(1);
    const a = engine.stream(99n), b = engine.stream(99n);
    engine.fillNormal(a, long);
    for (let i = 0; i < 1000; i++) {
      engine.fillNormal(b, single);
      if (!Object.is(single.view[0], long.view[i])) assert.unreachable(`${engine.build}: normal ${i} differs`);
    }
    assert.equal(Array.from(a.stateWords()), Array.from(b.stateWords()), `${engine.build}: state words`);
  }
});

test.run();
