// The samplers draw from the right distributions: moments within their standard errors and
// goodness-of-fit tests at fixed seeds. Run on the SIMD build and the reference; the other
// builds give the same bits (streams.test.ts).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import { normalCdf, erfc } from "../../src/math/normal.js";
import {
  mean, assertWithinSE, chiSquareCritical, chiSquareStatistic, ksStatistic, ksCritical,
} from "../helpers/stats.js";

const N = 1_000_000;

async function enginesUnderTest() {
  const engines = await allEngines();
  return [engines[0], engines[3]];
}

/** Central moments 2..4 of xs. */
function centralMoments(xs: Float64Array): { m: number; m2: number; m3: number; m4: number } {
  const m = mean(xs);
  let m2 = 0, m3 = 0, m4 = 0;
  for (const x of xs) {
    const d = x - m;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  return { m, m2: m2 / xs.length, m3: m3 / xs.length, m4: m4 / xs.length };
}

test("normals: mean, variance, skewness and kurtosis within their standard errors", async () => {
  for (const engine of await enginesUnderTest()) {
    const z = engine.f64(N);
    engine.fillNormal(engine.stream(2024), z);
    const { m, m2, m3, m4 } = centralMoments(z.view);
    const who = label(engine);
    assertWithinSE(m, 0, Math.sqrt(1 / N), `${who} mean`);
    assertWithinSE(m2, 1, Math.sqrt(2 / N), `${who} variance`);
    assertWithinSE(m3 / m2 ** 1.5, 0, Math.sqrt(6 / N), `${who} skewness`);
    assertWithinSE(m4 / (m2 * m2) - 3, 0, Math.sqrt(24 / N), `${who} excess kurtosis`);
  }
});

test("normals: Kolmogorov-Smirnov against Phi does not reject at level 1e-4", async () => {
  for (const engine of await enginesUnderTest()) {
    const z = engine.f64(N);
    engine.fillNormal(engine.stream(7), z);
    const d = ksStatistic(z.view, normalCdf);
    assert.ok(d < ksCritical(N), `${label(engine)}: D = ${d}, critical ${ksCritical(N)}`);
  }
});

test("normals: chi-square over 60 equiprobable bins and the tail beyond the ziggurat base", async () => {
  // Tails are where a ziggurat goes wrong: check the mass beyond r = 3.654 (the tail sampler)
  // and beyond 4.5 against erfc, each within its binomial standard error.
  const bins = 60;
  const edges = Array.from({ length: bins - 1 }, (_, i) => quantile((i + 1) / bins));
  for (const engine of await enginesUnderTest()) {
    const n = 4 * N;
    const z = engine.f64(n);
    engine.fillNormal(engine.stream(31337), z);
    const counts = new Float64Array(bins);
    let beyondBase = 0, beyondFar = 0;
    const tail: number[] = [];
    for (const x of z.view) {
      let lo = 0, hi = bins - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x < edges[mid]) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
      if (Math.abs(x) > 3.6541528853610088) {
        beyondBase++;
        tail.push(x);
      }
      if (Math.abs(x) > 4.5) beyondFar++;
    }
    const stat = chiSquareStatistic(counts, new Float64Array(bins).fill(n / bins));
    assert.ok(stat < chiSquareCritical(bins - 1), `${label(engine)}: chi-square ${stat} >= ${chiSquareCritical(bins - 1)}`);
    for (const [count, r] of [[beyondBase, 3.6541528853610088], [beyondFar, 4.5]]) {
      const p = erfc(r / Math.SQRT2);
      assertWithinSE(count / n, p, Math.sqrt((p * (1 - p)) / n), `${label(engine)} P(|z| > ${r})`);
    }
    // The tail's own shape, by Kolmogorov-Smirnov on each side: P(z > t | z > r) = erfc(t/sqrt2) / erfc(r/sqrt2).
    const base = erfc(3.6541528853610088 / Math.SQRT2);
    const tailCdf = (t: number) => 1 - erfc(t / Math.SQRT2) / base;
    for (const side of [tail.filter((x) => x > 0), tail.filter((x) => x < 0).map((x) => -x)]) {
      const d = ksStatistic(side, tailCdf);
      assert.ok(d < ksCritical(side.length), `${label(engine)}: tail D = ${d}, critical ${ksCritical(side.length)} (n ${side.length})`);
    }
  }
});

/** Normal quantile by bisection on normalCdf (tests only need a few dozen). */
function quantile(p: number): number {
  let lo = -10, hi = 10;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

test("uniforms: in [0, 1), mean 1/2 and variance 1/12 within SE, Kolmogorov-Smirnov", async () => {
  for (const engine of await enginesUnderTest()) {
    const u = engine.f64(N);
    engine.fillUniform(engine.stream(5), u);
    let min = 1, max = 0;
    for (const x of u.view) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    assert.ok(min >= 0 && max < 1, `${label(engine)}: range [${min}, ${max}]`);
    const { m, m2 } = centralMoments(u.view);
    assertWithinSE(m, 0.5, Math.sqrt(1 / 12 / N), `${label(engine)} mean`);
    // Var of (U - 1/2)^2 is 1/80 - 1/144.
    assertWithinSE(m2, 1 / 12, Math.sqrt((1 / 80 - 1 / 144) / N), `${label(engine)} variance`);
    const d = ksStatistic(u.view, (x) => x);
    assert.ok(d < ksCritical(N), `${label(engine)}: D = ${d}`);
  }
});

test("Bernoulli: frequency within the binomial SE, exact at p = 0 and p = 1", async () => {
  for (const engine of await enginesUnderTest()) {
    const rng = engine.stream(11);
    const b = engine.u8(N);
    for (const p of [1e-3, 0.3, 0.5, 0.97]) {
      engine.fillBernoulli(rng, b, p);
      assertWithinSE(mean(b.view), p, Math.sqrt((p * (1 - p)) / N), `${label(engine)} p=${p}`);
    }
    engine.fillBernoulli(rng, b, 0);
    assert.is(mean(b.view), 0);
    engine.fillBernoulli(rng, b, 1);
    assert.is(mean(b.view), 1);
  }
});

test("categorical: chi-square fit to an unnormalised table; zero-probability categories never drawn", async () => {
  const probabilities = [0.05, 0, 0.25, 0.4, 0, 0.2, 0.1];
  const scale = 3.7;
  const cumulative = probabilities.map((_, j) => scale * probabilities.slice(0, j + 1).reduce((a, b) => a + b, 0));
  for (const engine of await enginesUnderTest()) {
    const cdf = engine.f64(cumulative.length);
    cdf.set(cumulative);
    const out = engine.i32(N);
    engine.fillCategorical(engine.stream(3), out, cdf);
    const counts = new Float64Array(probabilities.length);
    for (const j of out.view) counts[j]++;
    assert.is(counts[1] + counts[4], 0, `${label(engine)}: zero-probability categories drawn`);
    const used = probabilities.flatMap((p, j) => (p > 0 ? [j] : []));
    const stat = chiSquareStatistic(used.map((j) => counts[j]), used.map((j) => probabilities[j] * N));
    assert.ok(stat < chiSquareCritical(used.length - 1), `${label(engine)}: chi-square ${stat}`);
  }
});

test("gamma and chi-square: mean and variance within their standard errors for small and large shapes", async () => {
  for (const engine of await enginesUnderTest()) {
    const rng = engine.stream(17);
    const g = engine.f64(N);
    for (const shape of [0.3, 1, 2.5, 40]) {
      engine.fillGamma(rng, g, shape);
      const { m, m2 } = centralMoments(g.view);
      // Gamma(k): variance k, fourth central moment 3k^2 + 6k, so Var(sample variance) ~ (2k^2 + 6k) / N.
      assertWithinSE(m, shape, Math.sqrt(shape / N), `${label(engine)} gamma(${shape}) mean`);
      assertWithinSE(m2, shape, Math.sqrt((2 * shape * shape + 6 * shape) / N), `${label(engine)} gamma(${shape}) variance`);
      assert.ok(g.view.every((x) => x > 0), `${label(engine)} gamma(${shape}) positive`);
    }
    const dof = 5;
    engine.fillChiSquare(rng, g, dof);
    const { m, m2 } = centralMoments(g.view);
    assertWithinSE(m, dof, Math.sqrt((2 * dof) / N), `${label(engine)} chi-square mean`);
    // chi2(k) = 2 Gamma(k/2): variance 2k, Var(sample variance) = 4 (2 (k/2)^2 + 6 (k/2)) 4 / N.
    assertWithinSE(m2, 2 * dof, Math.sqrt((16 * (0.5 * dof * dof + 3 * dof)) / N), `${label(engine)} chi-square variance`);
  }
});

test("a sampler's bad parameter is rejected by name", async () => {
  for (const engine of await enginesUnderTest()) {
    const b = engine.f64(3);
    assert.throws(() => engine.fillGamma(engine.stream(1), b, 0), /fillGamma: shape must be > 0, got 0/);
    assert.throws(() => engine.fillChiSquare(engine.stream(1), b, -2), /fillChiSquare: dof must be > 0, got -2/);
    assert.throws(() => engine.fillNormal(engine.stream(1), b, 4), /needs 4 entries but the block holds 3/);
  }
});


test.run();
