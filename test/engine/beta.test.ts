// fillBeta, added to show what a new sampler takes: its AssemblyScript function, its reference
// function, one line in the kernel table, and this test. It draws Beta(a, b): the exact CDF
// where the shapes are integers, against Gamma ratios where they are not, and without
// underflow where they are tiny; the same bits in every build and the reference.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import { mean, assertMeanWithinSE, ksStatistic, ksTwoSample, ksCritical } from "../helpers/stats.js";

const N = 200_000;

/** The Beta(a, b) CDF for integer shapes: P(Binomial(a + b - 1, x) >= a). */
function integerBetaCdf(a: number, b: number): (x: number) => number {
  const n = a + b - 1;
  return (x) => {
    let sum = 0, coefficient = 1;
    for (let j = 0; j <= n; j++) {
      if (j >= a) sum += coefficient * x ** j * (1 - x) ** (n - j);
      coefficient = (coefficient * (n - j)) / (j + 1);
    }
    return sum;
  };
}

test("Beta(2, 5): Kolmogorov-Smirnov against the exact CDF, and the mean and variance within their standard errors", async () => {
  const [simd, , , reference] = await allEngines();
  for (const engine of [simd, reference]) {
    const out = engine.f64(N);
    engine.fillBeta(engine.stream(31), out, 2, 5);
    const d = ksStatistic(out.view, integerBetaCdf(2, 5));
    assert.ok(d < ksCritical(N), `${label(engine)}: D = ${d}, critical ${ksCritical(N)}`);
    assertMeanWithinSE(out.view, 2 / 7, `${label(engine)} mean`);
    const m = mean(out.view);
    assertMeanWithinSE(Array.from(out.view, (x) => (x - m) ** 2), (2 * 5) / (7 * 7 * 8), `${label(engine)} variance`);
  }
});

test("Beta(0.3, 0.7) has the law of X / (X + Y) for X ~ Gamma(0.3), Y ~ Gamma(0.7) (two-sample Kolmogorov-Smirnov)", async () => {
  const [simd] = await allEngines();
  const beta = simd.f64(N), x = simd.f64(N), y = simd.f64(N);
  simd.fillBeta(simd.stream(32), beta, 0.3, 0.7);
  simd.fillGamma(simd.stream(33), x, 0.3);
  simd.fillGamma(simd.stream(34), y, 0.7);
  const ratio = x.view.map((xi, i) => xi / (xi + y.view[i]));
  const d = ksTwoSample(beta.view, ratio);
  assert.ok(d < ksCritical(N / 2), `D = ${d}, critical ${ksCritical(N / 2)}`);
});

test("tiny shapes do not underflow into 0 / 0: Beta(0.01, 0.02) stays in [0, 1] with mean a / (a + b)", async () => {
  const [simd] = await allEngines();
  const out = simd.f64(N);
  simd.fillBeta(simd.stream(35), out, 0.01, 0.02);
  assert.ok(out.view.every((v) => v >= 0 && v <= 1), "a draw outside [0, 1] (or NaN)");
  assertMeanWithinSE(out.view, 1 / 3, "mean");
});

test("every build and the reference give the same bits, and the stream ends in the same state", async () => {
  const engines = await allEngines();
  for (const [a, b] of [[2, 5], [0.3, 0.7], [0.01, 3]]) {
    const runs = engines.map((engine) => {
      const rng = engine.stream(36);
      const out = engine.f64(1001);
      engine.fillBeta(rng, out, a, b);
      return { draws: out.toArray(), state: rng.stateWords() };
    });
    for (let i = 1; i < runs.length; i++) {
      assert.ok(runs[i].draws.every((v, j) => Object.is(v, runs[0].draws[j])), `${label(engines[i])} Beta(${a}, ${b}) draws`);
      assert.equal(runs[i].state, runs[0].state, `${label(engines[i])} Beta(${a}, ${b}) stream state`);
    }
  }
});

test("shapes that are not > 0 are refused by name before anything is drawn", async () => {
  for (const engine of await allEngines()) {
    const rng = engine.stream(37);
    const before = rng.stateWords();
    assert.throws(() => engine.fillBeta(rng, engine.f64(4), 0, 1), /fillBeta: a must be > 0, got 0/);
    assert.throws(() => engine.fillBeta(rng, engine.f64(4), 1, Number.NaN), /fillBeta: b must be > 0, got NaN/);
    assert.equal(rng.stateWords(), before, label(engine));
  }
});

test.run();
