// The same seed gives the same random numbers, bit for bit, in every wasm build and in the
// TypeScript reference, whatever the sizes and the order of the calls.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import type { Engine, RandomStream } from "../../src/engine/index.js";
import type { EngineStream } from "../../src/engine/random-stream.js";
import { STREAM_LANES_OFFSET, STREAM_BUFFER_OFFSET } from "../../src/engine/constants/stream.js";

// Sizes around the 256-pair buffer: empty, single, odd, exact multiples, just past them, large.
const SIZES = [0, 1, 3, 255, 256, 257, 511, 512, 1000, 100_003];

type Draw = (engine: Engine, rng: RandomStream, n: number) => ArrayLike<number>;

const draws: Record<string, Draw> = {
  uniform: (e, r, n) => { const b = e.f64(n); e.fillUniform(r, b); return b.toArray(); },
  normal: (e, r, n) => { const b = e.f64(n); e.fillNormal(r, b); return b.toArray(); },
  bernoulli: (e, r, n) => { const b = e.u8(n); e.fillBernoulli(r, b, 0.3); return b.toArray(); },
  categorical: (e, r, n) => {
    const cdf = e.f64(5);
    cdf.set([0.1, 0.1, 0.5, 1.2, 2.0]);
    const b = e.i32(n);
    e.fillCategorical(r, b, cdf);
    return b.toArray();
  },
  gamma: (e, r, n) => { const b = e.f64(n); e.fillGamma(r, b, 0.45); return b.toArray(); },
  gammaLarge: (e, r, n) => { const b = e.f64(n); e.fillGamma(r, b, 7.5); return b.toArray(); },
  chiSquare: (e, r, n) => { const b = e.f64(n); e.fillChiSquare(r, b, 3); return b.toArray(); },
};

function assertSameBits(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  assert.is(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) assert.unreachable(`${what}: entry ${i} differs: ${a[i]} vs ${b[i]}`);
  }
}

test("every sampler gives identical values in every build, at sizes across buffer boundaries", async () => {
  const engines = await allEngines();
  for (const [name, draw] of Object.entries(draws)) {
    for (const n of name.startsWith("gamma") || name === "chiSquare" ? SIZES.slice(0, -1) : SIZES) {
      const [first, ...rest] = engines.map((engine) => draw(engine, engine.stream(0x9e3779b97f4a7c15n, 7), n));
      rest.forEach((values, i) => assertSameBits(values, first, `${name} n=${n} ${label(engines[i + 1])}`));
    }
  }
});

test("a mixed sequence of calls leaves identical values and identical stream states", async () => {
  const engines = await allEngines();
  const results = engines.map((engine) => {
    const rng = engine.stream(12345, 0);
    const out: number[] = [];
    for (let round = 0; round < 40; round++) {
      for (const name of Object.keys(draws)) out.push(...Array.from(draws[name](engine, rng, (round * 37 + name.length * 11) % 97)));
    }
    return { out, state: rng.stateWords() };
  });
  results.slice(1).forEach((r, i) => {
    assertSameBits(r.out, results[0].out, `mixed sequence ${label(engines[i + 1])}`);
    assertSameBits(r.state, results[0].state, `final state ${label(engines[i + 1])}`);
  });
});

test("splitting a fill into several calls does not change the stream", async () => {
  for (const engine of await allEngines()) {
    const whole = engine.f64(1000);
    engine.fillNormal(engine.stream(99), whole);
    const parts = engine.f64(1000);
    const rng = engine.stream(99);
    let offset = 0;
    for (const size of [1, 254, 2, 300, 443]) {
      engine.fillNormal(rng, parts.slice(offset, size));
      offset += size;
    }
    assertSameBits(parts.view, whole.view, `split fill ${label(engine)}`);
  }
});

test("different seeds and stream numbers give different streams", async () => {
  for (const engine of await allEngines()) {
    const first = (seed: bigint | number, stream: number) => {
      const b = engine.f64(4);
      engine.fillUniform(engine.stream(seed, stream), b);
      return Array.from(b.view).join();
    };
    const seen = new Set([first(1, 0), first(2, 0), first(1, 1), first(2n ** 63n, 0), first(2n ** 63n + 1n, 0), first(0, 0)]);
    assert.is(seen.size, 6, label(engine));
  }
});

// Vigna's reference xoshiro128** from state {1, 2, 3, 4}: the lane recurrence must be exactly it.
const XOSHIRO128SS_FROM_1234 = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804];

function vignaXoshiro128ss(seed: [number, number, number, number], n: number): number[] {
  const s = Uint32Array.from(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = Math.imul(s[1], 5);
    out.push(Math.imul((m << 7) | (m >>> 25), 9) >>> 0);
    const t = s[1] << 9;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t;
    s[3] = (s[3] << 11) | (s[3] >>> 21);
  }
  return out;
}

test("each lane is xoshiro128**, and lanes interleave in the buffer, in every engine", async () => {
  assert.equal(vignaXoshiro128ss([1, 2, 3, 4], 10), XOSHIRO128SS_FROM_1234);
  const lanes: Array<[number, number, number, number]> = [[1, 2, 3, 4], [5, 6, 7, 8], [0xdeadbeef, 1, 0, 0], [0, 0, 0, 1]];
  for (const engine of await allEngines()) {
    // The raw lane state written into a stream's memory, then one refill by the engine's kernel.
    const rng = engine.stream(1) as EngineStream;
    const words = rng.state.view;
    lanes.forEach((s, lane) => s.forEach((word, k) => { words[STREAM_LANES_OFFSET / 4 + 4 * k + lane] = word; }));
    engine.kernels.rngRefill(engine.addressOf(rng.state));
    const buffer = rng.state.view.subarray(STREAM_BUFFER_OFFSET / 4);
    lanes.forEach((s, lane) => {
      const got = Array.from({ length: 128 }, (_, step) => buffer[4 * step + lane]);
      assert.equal(got, vignaXoshiro128ss(s, 128), `${label(engine)} lane ${lane}`);
    });
  }
});

test("seeds outside [0, 2^64) and bad stream numbers are rejected", async () => {
  for (const engine of await allEngines()) {
    assert.throws(() => engine.stream(-1), /seed must be/);
    assert.throws(() => engine.stream(2n ** 64n), /seed must be in \[0, 2\^64\)/);
    assert.throws(() => engine.stream(1.5), /seed must be an integer/);
    assert.throws(() => engine.stream(1, -1), /stream must be an integer/);
    assert.throws(() => engine.stream(1, 2 ** 32), /stream must be an integer/);
  }
});

test.run();
