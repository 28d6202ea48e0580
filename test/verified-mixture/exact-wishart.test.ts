// The Wishart sampler (Engine.fillWishart) draws Wishart_p(dof, I): over N draws, each entry's
// mean is dof * delta_ij and its variance dof * (1 + delta_ij), the trace's mean is dof * p and
// its variance 2 dof p (the trace is chi-square(dof p)). Means are tested against the known
// standard error sqrt(variance / N), variances against the standard error of a sample
// variance, sqrt((m4 - s^4) / N) with m4 the sample's fourth central moment; both at z = 4.5.
// Run on the SIMD build and the reference, for the Bartlett path (dof > p - 1, integer or
// not) and the drawn-rows path (integer dof <= p - 1), with a row stride wider than p.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertWithinSE, mean, variance } from "../helpers/stats.js";
import { allEngines, label } from "../helpers/engines.js";

const N = 20_000;

function fourthCentralMoment(xs: number[]): number {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 4));
}

function assertMoments(xs: number[], expectedMean: number, expectedVariance: number, what: string): void {
  assertWithinSE(mean(xs), expectedMean, Math.sqrt(expectedVariance / N), `${what} mean`);
  const s2 = variance(xs);
  assertWithinSE(s2, expectedVariance, Math.sqrt((fourthCentralMoment(xs) - s2 * s2) / N), `${what} variance`);
}

const cases: [p: number, dof: number, path: string][] = [
  [4, 9, "Bartlett"],
  [5, 4.5, "Bartlett, non-integer dof"],
  [6, 3, "drawn rows"],
  [3, 1, "drawn rows, rank 1"],
];

for (const [p, dof, path] of cases) {
  test(`Wishart_${p}(${dof}): entries and trace have the known means and variances (${path})`, async () => {
    const [simd, , , reference] = await allEngines();
    for (const engine of [simd, reference]) {
      const stride = p + 3;
      const out = engine.f64((p - 1) * stride + p);
      const rng = engine.stream(31, 7);
      const entries: number[][] = Array.from({ length: p * p }, () => []);
      const traces: number[] = [];
      for (let draw = 0; draw < N; draw++) {
        engine.fillWishart(rng, out, p, dof, stride);
        const w = out.view;
        let trace = 0;
        for (let i = 0; i < p; i++) {
          trace += w[i * stride + i];
          for (let j = 0; j < p; j++) entries[i * p + j].push(w[i * stride + j]);
        }
        traces.push(trace);
      }
      const who = label(engine);
      for (let i = 0; i < p; i++) {
        for (let j = 0; j < p; j++) {
          const values = entries[i * p + j];
          assert.equal(values, entries[j * p + i], `${who}: symmetric`);
          if (j > i) continue;
          assertMoments(values, i === j ? dof : 0, dof * (i === j ? 2 : 1), `${who} W[${i}][${j}]`);
        }
      }
      assertMoments(traces, dof * p, 2 * dof * p, `${who} trace`);
    }
  });
}

test("a singular draw has the rank of its rows; dof 0 is the zero matrix", async () => {
  const [simd] = await allEngines();
  const w = simd.f64(16);
  simd.fillWishart(simd.stream(1), w, 4, 0);
  assert.ok(w.view.every((x) => x === 0));
  simd.fillWishart(simd.stream(2), w, 4, 1);
  // Rank 1: W = h h^T, so every 2 x 2 minor vanishes.
  const v = w.view;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
    const minor = v[i * 4 + i] * v[j * 4 + j] - v[i * 4 + j] * v[j * 4 + i];
    assert.ok(Math.abs(minor) <= 1e-12 * v[i * 4 + i] * v[j * 4 + j], `minor (${i}, ${j}) = ${minor}`);
  }
});

test("fillWishart rejects what no Wishart law is: dof in (0, p - 1) not an integer, a stride below p", async () => {
  const [simd] = await allEngines();
  const out = simd.f64(100);
  assert.throws(() => simd.fillWishart(simd.stream(1), out, 5, 2.5), /dof must be > p - 1 = 4 or an integer in \[0, 4\], got 2.5/);
  assert.throws(() => simd.fillWishart(simd.stream(1), out, 5, -1), /dof must be/);
  assert.throws(() => simd.fillWishart(simd.stream(1), out, 5, 9, 4), /stride must be an integer >= p = 5, got 4/);
  assert.throws(() => simd.fillWishart(simd.stream(1), out, 11, 20), /out needs 121 entries/);
});

test.run();
