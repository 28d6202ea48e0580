// The exact method's kernels and helpers: filteredMixtureMoments and fillWishart give the same
// bits and leave the stream in the same state in every wasm build and the TypeScript
// reference; the moments are what they say; the small PSD factor; the exact method's memory
// does not grow with the number of points; and the method agrees across engines for a seed.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import { assertWithinSE, mean, variance } from "../helpers/stats.js";
import { psdFactor } from "../../src/math/psd-factor.js";
import { simulate, type Engine, type FilteredMixtureMomentsProblem, type WasmEngine } from "../../src/index.js";
import { engine } from "./replicates.js";

const problems: [string, FilteredMixtureMomentsProblem][] = [
  ["flip labels, noisy acceptance, clean points", { k: 1, nFiltered: 1001, nClean: 37, shift: 1, labelling: { kind: "flip", probability: 0.3 }, keepIfAgree: 0.8, keepIfDisagree: 0.3, check: { kind: "none" } }],
  ["direction labels, direction check with margin", { k: 2, nFiltered: 999, nClean: 0, shift: 1.5, labelling: { kind: "direction", direction: [0.6, 0.8] }, keepIfAgree: 1, keepIfDisagree: 1, check: { kind: "direction", direction: [0.9, -Math.sqrt(0.19)], margin: 0.2 } }],
  ["k = 3, label margin, acceptance draws", { k: 3, nFiltered: 1500, nClean: 300, shift: 1, labelling: { kind: "direction", direction: [0.6, 0.48, 0.64] }, keepIfAgree: 0.7, keepIfDisagree: 0.2, check: { kind: "labelMargin", margin: 0.5 } }],
  ["flip labels, direction check", { k: 2, nFiltered: 700, nClean: 5, shift: 0.5, labelling: { kind: "flip", probability: 0.45 }, keepIfAgree: 1, keepIfDisagree: 0, check: { kind: "direction", direction: [0.5, Math.sqrt(0.75)], margin: 0 } }],
  ["clean points only", { k: 3, nFiltered: 0, nClean: 513, shift: 2, labelling: { kind: "flip", probability: 0 }, keepIfAgree: 1, keepIfDisagree: 1, check: { kind: "none" } }],
  ["drawn labels, best of 5, label margin, acceptance draws", { k: 2, nFiltered: 1200, nClean: 7, shift: 1, labelling: { kind: "sampled", direction: [0.8, 0.6], sharpness: 3 }, candidates: 5, keepIfAgree: 0.9, keepIfDisagree: 0.3, check: { kind: "labelMargin", margin: 0.2 } }],
  ["flip labels, best of 256 (one point a block)", { k: 1, nFiltered: 300, nClean: 0, shift: 1, labelling: { kind: "flip", probability: 0.45 }, candidates: 256, keepIfAgree: 0.01, keepIfDisagree: 0.02, check: { kind: "none" } }],
];

/** The stream's state words that carry state: words 17 to 19 pad the cursor and hold nothing. */
function used(words: Uint32Array): number[] {
  return [...words.subarray(0, 17), ...words.subarray(20)];
}

for (const [name, problem] of problems) {
  test(`filteredMixtureMoments: the same bits and stream use in every build and the reference (${name})`, async () => {
    const runs = (await allEngines()).map((e) => {
      const rng = e.stream(77n, 3);
      const moments = e.f64((problem.k + 1) ** 2);
      const counts = e.filteredMixtureMoments(rng, problem, moments);
      return { who: label(e), counts, moments: Array.from(moments.view), state: used(rng.stateWords()) };
    });
    const [first, ...others] = runs;
    for (const run of others) {
      assert.equal(run.counts, first.counts, `${run.who}: counts`);
      assert.ok(run.moments.every((x, i) => Object.is(x, first.moments[i])), `${run.who}: moments bit for bit`);
      assert.equal(run.state, first.state, `${run.who}: stream state`);
    }
    const size = problem.k + 1, m = first.moments;
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) assert.is(m[i * size + j], m[j * size + i], "symmetric");
    assert.is(m[size * size - 1], first.counts.kept + problem.nClean, "sum of label^2 = rows kept");
    assert.ok(first.counts.keptAgree <= first.counts.kept && first.counts.kept <= problem.nFiltered);
  });
}

test("filteredMixtureMoments draws the known law of M^T M, point by point and by groups (k = 3)", async () => {
  // n clean points: p = (s mu + z0, z1, z2), label s. Entries of M^T M: S00 noncentral
  // chi-square (mean n (1 + mu^2), variance 2n + 4n mu^2), Sjj chi-square(n), S0j and Sij sums
  // of n products (mean 0, variance n (1 + mu^2) and n), S0y = n mu + sum s z0 (variance n),
  // Sjy variance n. Means and variances within z = 4.5 SE (a sample variance's SE from the
  // sample's fourth moment) over R draws, on the label-only path (flip labels, no check:
  // group sums drawn whole) and the pointwise one (a direction labelling, unused by clean points).
  const n = 300, mu = 1.3, R = 4000;
  const expected: [entry: number, mean: number, variance: number, name: string][] = [
    [0, n * (1 + mu * mu), 2 * n + 4 * n * mu * mu, "S00"], [5, n, 2 * n, "S11"], [10, n, 2 * n, "S22"],
    [1, 0, n * (1 + mu * mu), "S01"], [6, 0, n, "S12"], [3, n * mu, n, "S0y"], [7, 0, n, "S1y"],
  ];
  const [simd] = await allEngines();
  for (const labelling of [{ kind: "flip", probability: 0.3 }, { kind: "direction", direction: [0.6, 0.48, 0.64] }] as const) {
    const rng = simd.stream(19n, 1), moments = simd.f64(16);
    const draws = expected.map(() => [] as number[]);
    for (let r = 0; r < R; r++) {
      simd.filteredMixtureMoments(rng, { k: 3, nFiltered: 0, nClean: n, shift: mu, labelling, keepIfAgree: 1, keepIfDisagree: 1, check: { kind: "none" } }, moments);
      expected.forEach(([e], i) => draws[i].push(moments.view[e]));
    }
    expected.forEach(([, m, v, name], i) => {
      const xs = draws[i], s2 = variance(xs), mean4 = xs.reduce((a, x) => a + (x - mean(xs)) ** 4, 0) / xs.length;
      assertWithinSE(mean(xs), m, Math.sqrt(v / R), `${labelling.kind} ${name} mean`);
      assertWithinSE(s2, v, Math.sqrt((mean4 - s2 * s2) / R), `${labelling.kind} ${name} variance`);
    });
  }
});

test("fillWishart: the same bits and stream use in every build and the reference", async () => {
  for (const [p, dof, stride] of [[7, 20.5, 9], [13, 13, 13], [9, 4, 10], [5, 1e12, 5]]) {
    const runs = (await allEngines()).map((e) => {
      const rng = e.stream(5n);
      const out = e.f64((p - 1) * stride + p);
      e.fillWishart(rng, out, p, dof, stride);
      const w: number[] = [];
      for (let i = 0; i < p; i++) w.push(...out.view.subarray(i * stride, i * stride + p));
      return { who: label(e), w, state: used(rng.stateWords()) };
    });
    for (const run of runs.slice(1)) {
      assert.ok(run.w.every((x, i) => Object.is(x, runs[0].w[i])), `${run.who}, p ${p}, dof ${dof}: bit for bit`);
      assert.equal(run.state, runs[0].state, `${run.who}, p ${p}, dof ${dof}: stream state`);
    }
  }
});

test("psdFactor: R^T R = S at full rank and below it", () => {
  const check = (s: number[], size: number, rank: number) => {
    const r = psdFactor(s, size, rank);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) {
      let sum = 0;
      for (let t = 0; t < rank; t++) sum += r[t * size + i] * r[t * size + j];
      assert.ok(Math.abs(sum - s[i * size + j]) <= 1e-12 * (1 + Math.abs(s[i * size + j])), `(${i}, ${j}): ${sum} vs ${s[i * size + j]}`);
    }
  };
  check([4, 2, 2, 2], 2, 2);
  check([4, 2, 1, 2, 5, 3, 1, 3, 6], 3, 3);
  // Rank 2 in 3 dimensions: u u^T + v v^T.
  const u = [1, 2, -1], v = [0.5, -1, 3];
  check(Array.from({ length: 9 }, (_, k) => u[Math.floor(k / 3)] * u[k % 3] + v[Math.floor(k / 3)] * v[k % 3]), 3, 2);
  check([0, 0, 0, 0], 2, 0);
  assert.equal(Array.from(psdFactor([4, 2, 2, 2], 2, 2)), [2, 1, 0, 1], "the doc comment's example");
});

const methods = ["direct", "exact"] as const;

test("the exact method's memory is O(d^2): 10^7 points at d = 20 grow memory by less than 1 MiB", async () => {
  const wasm = (await engine("wasm")) as WasmEngine;
  const spec = (nSynthetic: number) => ({
    scenario: "verified-mixture", seeds: 1,
    params: { d: 20, nSynthetic, method: "exact", generator: { kind: "linear", angle: 30 }, verifier: { kind: "linear", angle: -10 } },
  });
  await simulate(spec(1000), { engine: wasm });
  const before = wasm.memory.buffer.byteLength;
  const rows = await simulate(spec(10_000_000), { engine: wasm });
  assert.ok((rows[1].keptFraction as number) > 0.5);
  assert.ok(wasm.memory.buffer.byteLength - before < 1 << 20, `memory grew from ${before} to ${wasm.memory.buffer.byteLength} bytes`);
});

test("both methods give the same rows for a seed on the wasm and js engines (to rounding in the solve)", async () => {
  const [simd, , , reference] = await allEngines();
  for (const method of methods) {
    const spec = (e: Engine) => ({
      scenario: "verified-mixture", seeds: 2, generations: 3, seed: 4, engine: e.kind,
      params: { d: 9, nSynthetic: 600, nReal: 7, method, generator: { kind: "linear", angle: 40 }, verifier: { kind: "linear", angle: 15, margin: 0.2 } },
    });
    const a = await simulate(spec(simd), { engine: simd }), b = await simulate(spec(reference), { engine: reference });
    a.forEach((row, i) => {
      if (row.generation === 1) assert.is(row.keptFraction, b[i].keptFraction, `${method}: the same points kept`);
      assert.ok(Math.abs((row.accuracy as number) - (b[i].accuracy as number)) <= 1e-9, `${method} generation ${row.generation}: ${row.accuracy} vs ${b[i].accuracy}`);
    });
  }
});

test.run();
