// The categorical-tails kernels: the temperature step, a model's metrics and the conditional
// expectations of the next round, the same bits in every build and the reference, against
// direct computations; bad arguments refused by name.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";

const K = 5000;

function inputs(): { p0: number[]; p: number[]; fixed: number[] } {
  const p0 = Array.from({ length: K }, (_, i) => (i + 1) ** -1.2);
  const s0 = p0.reduce((a, b) => a + b, 0);
  const p = p0.map((x, i) => (i % 7 === 3 ? 0 : x * (1 + 0.3 * Math.sin(i))));
  const s = p.reduce((a, b) => a + b, 0);
  return { p0: p0.map((x) => x / s0), p: p.map((x) => x / s), fixed: p.map((x, i) => (i % 5 === 0 ? Math.round(x * 1e5) : 0)) };
}

test("every build and the reference give the same bits; the metrics and the temperature step match direct computations", async () => {
  const { p0, p, fixed } = inputs();
  const results = (await allEngines()).map((engine) => {
    const [b0, bp, bf, out, stats, cond] = [engine.f64(K), engine.f64(K), engine.f64(K), engine.f64(K), engine.f64(5), engine.f64(4)];
    b0.view.set(p0);
    bp.view.set(p);
    bf.view.set(fixed);
    engine.temperatureTransform(bp, 0.7, out);
    engine.categoricalTailsMetrics(bp, b0, 10, stats);
    engine.categoricalTailsConditional(b0, out, bf, 30, 1000, 10, cond);
    const noFixed = engine.f64(4);
    engine.categoricalTailsConditional(b0, out, null, 0, 1000, 10, noFixed);
    // An odd tail rank (a SIMD pair straddles it), an odd count of symbols, and a round so large
    // that most symbols leave the series' range.
    const odd = engine.f64(4), large = engine.f64(4);
    engine.categoricalTailsConditional(b0, out, null, 0, 1000, 7, odd, K - 1);
    engine.categoricalTailsConditional(b0, out, null, 0, 5e6, 7, large, K - 1);
    return [...out.view, ...stats.view, ...cond.view, ...noFixed.view, ...odd.view, ...large.view];
  });
  const engines = await allEngines();
  results.forEach((r, i) => assert.ok(r.every((v, j) => Object.is(v, results[0][j])), label(engines[i])));
  const stats = results[0].slice(K, K + 5);
  assert.is(stats[0], p.filter((x) => x > 0).length);
  assert.ok(Math.abs(stats[1] - p0.reduce((a, x, i) => a + (p[i] === 0 ? x : 0), 0)) < 1e-12);
  assert.ok(Math.abs(stats[2] - p.slice(10).reduce((a, b) => a + b, 0)) < 1e-12);
  assert.ok(Math.abs(stats[3] - (1 - p.reduce((a, x) => a + x * x, 0))) < 1e-12);
  const powered = p.map((x) => x ** (1 / 0.7)), total = powered.reduce((a, b) => a + b, 0);
  results[0].slice(0, K).forEach((v, i) => assert.ok(Math.abs(v - powered[i] / total) < 1e-12 * (1 + powered[i] / total), `entry ${i}`));
  // Replace (no fixed counts, no real tokens): E supportSize = sum 1 - (1 - q)^n.
  const q = results[0].slice(0, K);
  assert.ok(Math.abs(results[0][K + 9] - q.reduce((a, x) => a + 1 - (1 - x) ** 1000, 0)) < 1e-9);
  // The same columns by direct computation, for the odd cases.
  for (const [offset, n] of [[K + 13, 1000], [K + 17, 5e6]] as const) {
    const r = results[0].slice(offset, offset + 4), qs = q.slice(0, K - 1);
    const absent = qs.map((x) => (1 - x) ** n);
    assert.ok(Math.abs(r[0] - absent.reduce((a, x) => a + 1 - x, 0)) < 1e-9 * K, `n = ${n}: support`);
    assert.ok(Math.abs(r[1] - absent.reduce((a, x, i) => a + p0[i] * x, 0)) < 1e-12, `n = ${n}: lost`);
    assert.ok(Math.abs(r[2] - qs.slice(7).reduce((a, x) => a + x, 0)) < 1e-12, `n = ${n}: tail`);
  }
});

test("liveSymbols: the entries with positive source, in order, and the p0 mass of the others, the same bits everywhere", async () => {
  const { p0, p } = inputs();
  const results = (await allEngines()).map((engine) => {
    const [b0, bp, keep] = [engine.f64(K), engine.f64(K), engine.i32(K)];
    b0.view.set(p0);
    bp.view.set(p);
    const { live, deadMass } = engine.liveSymbols(bp, b0, keep);
    return { live, deadMass, keep: Array.from(keep.view.subarray(0, live)) };
  });
  const expected = p.flatMap((x, i) => (x > 0 ? [i] : []));
  for (const r of results) {
    assert.equal(r.keep, expected);
    assert.ok(Object.is(r.deadMass, results[0].deadMass));
  }
  let dead = 0;
  p.forEach((x, i) => (dead += x > 0 ? 0 : p0[i]));
  assert.is(results[0].deadMass, dead);
});

test("bad arguments are refused by name", async () => {
  for (const engine of await allEngines()) {
    const a = engine.f64(4), b = engine.f64(4), stats = engine.f64(5);
    assert.throws(() => engine.temperatureTransform(a, 0.5, b), /temperatureTransform: p has no positive entry/);
    a.view.set([0.5, 0.5, 0, 0]);
    assert.throws(() => engine.temperatureTransform(a, 0, b), /temperatureTransform: temperature must be > 0, got 0/);
    assert.throws(() => engine.categoricalTailsMetrics(a, b, 5, stats), /categoricalTailsMetrics: tailRank must be an integer in \[0, 4\], got 5/);
    assert.throws(() => engine.categoricalTailsConditional(a, b, null, 1.5, 10, 1, stats), /categoricalTailsConditional: real must be an integer/);
    assert.throws(() => engine.categoricalTailsMetrics(a, b, 1, engine.f64(2)), /needs 5 entries/);
  }
});

test.run();
