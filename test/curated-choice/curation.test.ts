// The curation map and the K-choice draws: C_K(p) sums to 1 and matches enumeration of the other
// K - 1 draws on small supports; K = 1 is p, K = 2 its closed form, K = infinite the tilt; the
// reward rises at every step; the spec's checked values; the wasm draws fit the map (chi-square)
// and are the same bits in every build and the reference; bad arguments refused by name.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import { chiSquareCritical, chiSquareStatistic } from "../helpers/stats.js";
import { curationMap, theory } from "../../src/scenarios/curated-choice/index.js";

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** C_K(p) by enumerating the composition of the other K - 1 draws. */
function enumerate(p: Float64Array, w: Float64Array, k: number): Float64Array {
  const m = p.length, out = new Float64Array(m);
  const visit = (c: number[], left: number, i: number): void => {
    if (i === m - 1) {
      c[i] = left;
      const prob = (factorial(k - 1) / c.reduce((a, x) => a * factorial(x), 1)) * c.reduce((a, x, j) => a * p[j] ** x, 1);
      const others = c.reduce((a, x, j) => a + x * w[j], 0);
      for (let j = 0; j < m; j++) out[j] += (prob * p[j] * k * w[j]) / (w[j] + others);
      return;
    }
    for (let x = 0; x <= left; x++) {
      c[i] = x;
      visit(c, left - x, i + 1);
    }
  };
  visit(new Array(m).fill(0), k - 1, 0);
  return out;
}

const P3 = Float64Array.of(0.5, 0.3, 0.2);
const W3 = Float64Array.of(1, Math.E, Math.exp(2));

test("C_K sums to 1 and matches enumeration on small supports (K = 2..16); K = 1 is p; K = infinite is the tilt", () => {
  const cases: Array<[Float64Array, Float64Array]> = [
    [P3, W3],
    [Float64Array.of(0.1, 0, 0.4, 0.25, 0.25), Float64Array.of(0.2, 5, 1, 1, 3)],
  ];
  for (const [p, w] of cases) {
    for (const k of [2, 3, 4, 8, 16]) {
      const map = curationMap(p, w, k), exact = enumerate(p, w, k);
      assert.ok(Math.abs(map.reduce((a, b) => a + b, 0) - 1) < 1e-14, `K = ${k}: sums to 1`);
      map.forEach((x, i) => assert.ok(Math.abs(x - exact[i]) < 1e-12, `K = ${k} atom ${i}: ${x} vs ${exact[i]}`));
    }
    assert.equal(Array.from(curationMap(p, w, 1)), Array.from(p));
    const tilt = Array.from(p, (x, i) => x * w[i]), total = tilt.reduce((a, b) => a + b, 0);
    curationMap(p, w, "infinite").forEach((x, i) => assert.ok(Math.abs(x - tilt[i] / total) < 1e-15));
  }
  // The spec's values on p = (.5, .3, .2), r = (0, 1, 2).
  const rounded = (k: number) => Array.from(curationMap(P3, W3, k), (x) => Math.round(x * 1e4) / 1e4);
  assert.equal(rounded(2), [0.3545, 0.3416, 0.3039]);
  assert.equal(rounded(4), [0.2616, 0.3379, 0.4006]);
  assert.equal(rounded(8), [0.216, 0.3194, 0.4646]);
});

test("the expected reward rises at every step, for every K >= 2; the spec's checked values", () => {
  const p0 = theory.baseOf(10, { kind: "zipf", exponent: 1 });
  const r = Array.from({ length: 10 }, (_, i) => (2 * i) / 9), w = theory.weightsOf(r, 1);
  const mean = (p: Float64Array) => theory.rewardSummary(p, r).meanReward;
  assert.ok(Math.abs(mean(p0) - 0.53648) < 5e-6);
  for (const k of [2, 4, 16, "infinite"] as const) {
    let p = p0;
    for (let t = 0; t < 20; t++) {
      const next = curationMap(p, w, k);
      assert.ok(mean(next) > mean(p), `K = ${k}, step ${t}`);
      p = next;
    }
  }
  assert.ok(Math.abs(mean(curationMap(p0, w, 2)) - 0.688556) < 5e-7);
  assert.ok(Math.abs(mean(curationMap(p0, w, 16)) - 0.92817) < 5e-6);
  const replace = new theory.SchedulePlan({ kind: "replace", growth: { kind: "constant", rate: 0 } }, 10);
  const traj = theory.expectedTrajectory(replace, p0, w, 4, 60).map(mean);
  [0.8088, 1.1307, 1.4181].forEach((v, t) => assert.ok(Math.abs(traj[t + 1] - v) < 5e-5, `t = ${t + 1}`));
  assert.ok(Math.abs(traj[60] - 1.999989) < 5e-6);
  // The late decay of the non-top mass: K/(1 + (K - 1) e^(beta gap)) with the gap 2/9.
  const last = theory.expectedTrajectory(replace, p0, w, 4, 61).map((p) => 1 - p[9]);
  assert.ok(Math.abs(last[61] / last[60] - 4 / (1 + 3 * Math.exp(2 / 9))) < 1e-4);
  // fixed-real mixing, the peers' 3-atom example: E r at the fixed point for lambda = 0.25, 1, 4.
  for (const [lambda, value] of [[0.25, 0.815], [1, 1.1494], [4, 1.6509]]) {
    const plan = new theory.SchedulePlan({ kind: "fixed-real", lambda, nReal: 100 }, 100);
    const fixed = theory.expectedTrajectory(plan, P3, theory.weightsOf([0, 1, 2], 1), 4, 3000)[3000];
    assert.ok(Math.abs(theory.rewardSummary(fixed, [0, 1, 2]).meanReward - value) < 5e-5, `lambda ${lambda}`);
  }
});

test("the wasm draws fit the map (chi-square), K = 2, 4, 16, on every build's bits and the reference's", async () => {
  const engines = await allEngines();
  const p = theory.baseOf(12, { kind: "zipf", exponent: 1 }), w = theory.weightsOf(Array.from({ length: 12 }, (_, i) => i / 5), 1);
  for (const k of [2, 4, 16]) {
    const runs = engines.map((engine) => {
      const bp = engine.f64(12), bw = engine.f64(12), counts = engine.f64(12);
      bp.view.set(p);
      bw.view.set(w);
      const rng = engine.stream(50 + k);
      engine.curatedCounts(rng, bp, bw, k, engine.kind === "js" ? 20_000 : 200_000, counts);
      return { counts: Array.from(counts.view), state: rng.stateWords() };
    });
    const [simd] = runs;
    const n = 200_000, q = curationMap(p, w, k);
    const stat = chiSquareStatistic(simd.counts, Array.from(q, (x) => x * n));
    assert.ok(stat < chiSquareCritical(11), `K = ${k}: chi-square ${stat}`);
    assert.is(simd.counts.reduce((a, b) => a + b, 0), n);
    for (let i = 1; i < 3; i++) {
      assert.equal(runs[i].counts, simd.counts, `${label(engines[i])} K = ${k}`);
      assert.equal(runs[i].state, simd.state);
    }
    // The reference drew fewer samples: compare it with a wasm run of the same size.
    const small = engines[0].f64(12), bp = engines[0].f64(12), bw = engines[0].f64(12);
    bp.view.set(p);
    bw.view.set(w);
    engines[0].curatedCounts(engines[0].stream(50 + k), bp, bw, k, 20_000, small);
    assert.equal(runs[3].counts, Array.from(small.view), `reference K = ${k}`);
  }
});

test("bad arguments are refused by name", async () => {
  for (const engine of await allEngines()) {
    const p = engine.f64(3), w = engine.f64(3), counts = engine.f64(3);
    p.view.set([0.5, 0.5, 0]);
    w.view.set([1, 0, 1]);
    assert.throws(() => engine.curatedCounts(engine.stream(1), p, w, 2, 10, counts), /curatedCounts: w\[1\] must be finite and > 0, got 0/);
    w.view.set([1, 1, 1]);
    assert.throws(() => engine.curatedCounts(engine.stream(1), p, w, 0, 10, counts), /curatedCounts: choices must be an integer/);
    assert.throws(() => engine.curatedCounts(engine.stream(1), p, w, 2, 0.5, counts), /curatedCounts: samples must be an integer/);
  }
});

test.run();
