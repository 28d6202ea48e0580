// The exact count samplers: binomial and hypergeometric draws against their pmfs (chi-square)
// on every path (inversion, BTRS, HRUA, the reductions to the smaller side); multinomial and
// multivariate hypergeometric count vectors against their marginals and totals, up to 2^20
// symbols; the same bits in every build and the reference; bad arguments refused by name.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import { chiSquareCritical, chiSquareStatistic } from "../helpers/stats.js";

const N = 100_000;

/** A pmf on lo..hi from its ratio p(x + 1) / p(x), normalised (computed in logs from the mode). */
function pmfFromRatio(lo: number, hi: number, ratio: (x: number) => number): Map<number, number> {
  const logs: number[] = [0];
  for (let x = lo; x < hi; x++) logs.push(logs[logs.length - 1] + Math.log(ratio(x)));
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp(l - top));
  const total = weights.reduce((a, b) => a + b, 0);
  return new Map(weights.map((w, i) => [lo + i, w / total]));
}

function binomialPmf(n: number, p: number): Map<number, number> {
  const sd = Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(n * p - 12 * sd - 12)), hi = Math.min(n, Math.ceil(n * p + 12 * sd + 12));
  return pmfFromRatio(lo, hi, (x) => ((n - x) * p) / ((x + 1) * (1 - p)));
}

function hypergeometricPmf(good: number, bad: number, s: number): Map<number, number> {
  const total = good + bad;
  const mean = (s * good) / total, sd = Math.sqrt((mean * (bad / total) * (total - s)) / Math.max(1, total - 1));
  const lo = Math.max(0, s - bad, Math.floor(mean - 12 * sd - 12)), hi = Math.min(s, good, Math.ceil(mean + 12 * sd + 12));
  return pmfFromRatio(lo, hi, (x) => ((good - x) * (s - x)) / ((x + 1) * (bad - s + x + 1)));
}

/** Pearson's chi-square of draws against a pmf, cells pooled until each expects at least 20. */
function assertFits(draws: ArrayLike<number>, pmf: Map<number, number>, what: string): void {
  const tally = new Map<number, number>();
  for (let i = 0; i < draws.length; i++) {
    assert.ok(pmf.has(draws[i]), `${what}: draw ${draws[i]} outside the support`);
    tally.set(draws[i], (tally.get(draws[i]) ?? 0) + 1);
  }
  const observed: number[] = [], expected: number[] = [];
  let o = 0, e = 0;
  for (const [x, p] of [...pmf].sort((a, b) => a[0] - b[0])) {
    o += tally.get(x) ?? 0;
    e += p * draws.length;
    if (e >= 20) {
      observed.push(o);
      expected.push(e);
      o = e = 0;
    }
  }
  observed[observed.length - 1] += o;
  expected[expected.length - 1] += e;
  const stat = chiSquareStatistic(observed, expected);
  const critical = chiSquareCritical(observed.length - 1);
  assert.ok(stat < critical, `${what}: chi-square ${stat.toFixed(1)} above ${critical.toFixed(1)} (${observed.length} cells)`);
}

const BINOMIALS: [number, number][] = [[20, 0.3], [1000, 0.4], [1e6, 3e-6], [50, 0.93], [2e5, 0.7], [12, 0.5], [1e9, 1e-7]];
const HYPERGEOMETRICS: [number, number, number][] = [
  [30, 70, 20], [5000, 20000, 3000], [700_000, 300_000, 900_000], [3, 1e6, 5e5], [40, 60, 99], [1e6, 1e9, 3e4],
];

test("Binomial(n, p): chi-square against the pmf on every path (inversion, BTRS, the flipped side, tiny means)", async () => {
  const [simd, , , reference] = await allEngines();
  for (const engine of [simd, reference]) {
    for (const [n, p] of BINOMIALS) {
      const out = engine.f64(engine === reference ? N / 5 : N);
      engine.fillBinomial(engine.stream(41), out, n, p);
      assertFits(out.view, binomialPmf(n, p), `${label(engine)} Binomial(${n}, ${p})`);
    }
  }
});

test("Hypergeometric(good, bad, sample): chi-square against the pmf on every path (inversion, HRUA, both reductions)", async () => {
  const [simd, , , reference] = await allEngines();
  for (const engine of [simd, reference]) {
    for (const [good, bad, sample] of HYPERGEOMETRICS) {
      const out = engine.f64(engine === reference ? N / 5 : N);
      engine.fillHypergeometric(engine.stream(42), out, good, bad, sample);
      assertFits(out.view, hypergeometricPmf(good, bad, sample), `${label(engine)} Hypergeometric(${good}, ${bad}, ${sample})`);
    }
  }
});

/** Zipf weights (i + 1)^-beta, i < k. */
function zipf(k: number, beta: number): number[] {
  return Array.from({ length: k }, (_, i) => (i + 1) ** -beta);
}

test("multinomial counts: every marginal Binomial(n, p_i) (chi-square), the pooled counts fit p, and the total is n", async () => {
  const [simd] = await allEngines();
  const weights = [0, ...zipf(30, 1.2), 0, 0.5, 0];
  const total = weights.reduce((a, b) => a + b, 0);
  const k = weights.length, n = 200, reps = 20_000;
  const w = simd.f64(k), counts = simd.f64(k);
  w.view.set(weights);
  const rng = simd.stream(43);
  const marginals = weights.map(() => new Float64Array(reps));
  const pooled = new Float64Array(k);
  for (let r = 0; r < reps; r++) {
    simd.multinomialCounts(rng, w, n, counts);
    let sum = 0;
    for (let i = 0; i < k; i++) {
      marginals[i][r] = counts.view[i];
      pooled[i] += counts.view[i];
      sum += counts.view[i];
    }
    assert.is(sum, n);
  }
  for (const i of [1, 2, 10, 30, 32]) assertFits(marginals[i], binomialPmf(n, weights[i] / total), `marginal of symbol ${i}`);
  assert.ok(marginals[0].every((x) => x === 0) && marginals[33].every((x) => x === 0), "a symbol of weight 0 drew a token");
  const cells = weights.map((x, i) => [pooled[i], (x / total) * n * reps]).filter(([, e]) => e > 0);
  const stat = chiSquareStatistic(cells.map((c) => c[0]), cells.map((c) => c[1]));
  assert.ok(stat < chiSquareCritical(cells.length - 1), `pooled chi-square ${stat}`);
});

test("multinomial counts over 2^20 Zipf symbols with 10^6 tokens: the total is exact and the head and tail fit", async () => {
  const [simd] = await allEngines();
  const k = 2 ** 20, n = 1e6;
  const weights = zipf(k, 1.5);
  const total = weights.reduce((a, b) => a + b, 0);
  const w = simd.f64(k), counts = simd.f64(k);
  w.view.set(weights);
  simd.multinomialCounts(simd.stream(44), w, n, counts);
  const c = counts.view;
  assert.is(c.reduce((a, b) => a + b, 0), n);
  // 64 cells: the 48 most likely symbols, then 16 blocks of ranks in geometric widths.
  const observed: number[] = [], expected: number[] = [];
  const edges = [...Array.from({ length: 49 }, (_, i) => i), ...Array.from({ length: 16 }, (_, j) => Math.round(48 * (k / 48) ** ((j + 1) / 16)))];
  for (let e = 0; e + 1 < edges.length; e++) {
    let o = 0, x = 0;
    for (let i = edges[e]; i < edges[e + 1]; i++) {
      o += c[i];
      x += (weights[i] / total) * n;
    }
    observed.push(o);
    expected.push(x);
  }
  const stat = chiSquareStatistic(observed, expected);
  assert.ok(stat < chiSquareCritical(observed.length - 1), `chi-square ${stat}`);
});

test("multinomial counts with a long tail of rare symbols (tokens placed one by one): the joint law of symbol groups across the switch", async () => {
  const [simd] = await allEngines();
  // Expected counts fall below a quarter around symbol 15, so symbols before it get binomial
  // draws and the rest get the placed tokens; the groups straddle the switch.
  const k = 200, n = 40, reps = 60_000;
  const weights = Array.from({ length: k }, (_, i) => (i + 1) ** -1.5);
  const total = weights.reduce((a, b) => a + b, 0);
  const groups = [[0, 2], [2, 10], [10, 30], [30, k]];
  const shares = groups.map(([a, b]) => weights.slice(a, b).reduce((x, y) => x + y, 0) / total);
  const w = simd.f64(k), counts = simd.f64(k);
  w.view.set(weights);
  const rng = simd.stream(48);
  const key = (g: number[]) => ((g[0] * (n + 1) + g[1]) * (n + 1) + g[2]) * (n + 1) + g[3];
  const draws = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    simd.multinomialCounts(rng, w, n, counts);
    const g = groups.map(([a, b]) => counts.view.subarray(a, b).reduce((x, y) => x + y, 0));
    assert.is(g[0] + g[1] + g[2] + g[3], n);
    draws[r] = key(g);
  }
  const logFactorial = (x: number) => { let s = 0; for (let i = 2; i <= x; i++) s += Math.log(i); return s; };
  const pmf = new Map<number, number>();
  for (let a = 0; a <= n; a++) for (let b = 0; a + b <= n; b++) for (let c = 0; a + b + c <= n; c++) {
    const g = [a, b, c, n - a - b - c];
    const log = logFactorial(n) + g.reduce((s, x, i) => s + x * Math.log(shares[i]) - logFactorial(x), 0);
    pmf.set(key(g), Math.exp(log));
  }
  assertFits(draws, pmf, "groups of symbols 0-1, 2-9, 10-29, 30-199");
});

test("hypergeometric counts: marginals Hypergeometric(pool_i, rest, n) (chi-square), within the pool, total n", async () => {
  const [simd] = await allEngines();
  const poolCounts = [5, 0, 12, 3, 30, 1, 49];
  const total = poolCounts.reduce((a, b) => a + b, 0);
  const k = poolCounts.length, n = 40, reps = 20_000;
  const pool = simd.f64(k), counts = simd.f64(k);
  pool.view.set(poolCounts);
  const rng = simd.stream(45);
  const marginals = poolCounts.map(() => new Float64Array(reps));
  for (let r = 0; r < reps; r++) {
    simd.hypergeometricCounts(rng, pool, n, counts);
    let sum = 0;
    for (let i = 0; i < k; i++) {
      assert.ok(counts.view[i] <= poolCounts[i], `symbol ${i}: ${counts.view[i]} drawn from ${poolCounts[i]}`);
      marginals[i][r] = counts.view[i];
      sum += counts.view[i];
    }
    assert.is(sum, n);
  }
  for (const i of [0, 2, 4, 6]) {
    assertFits(marginals[i], hypergeometricPmf(poolCounts[i], total - poolCounts[i], n), `marginal of symbol ${i}`);
  }
  // Taking the whole pool takes every token.
  simd.hypergeometricCounts(rng, pool, total, counts);
  assert.equal(Array.from(counts.view), poolCounts);
});

test("hypergeometric counts from a large pool (2^20 symbols, 3 x 10^8 tokens): total exact, head fits its means", async () => {
  const [simd] = await allEngines();
  const k = 2 ** 20;
  const poolCounts = zipf(k, 1.5).map((x) => Math.round(x * 1e8));
  const total = poolCounts.reduce((a, b) => a + b, 0);
  const pool = simd.f64(k), counts = simd.f64(k);
  pool.view.set(poolCounts);
  const n = 1e6;
  simd.hypergeometricCounts(simd.stream(46), pool, n, counts);
  assert.is(counts.view.reduce((a, b) => a + b, 0), n);
  const observed = Array.from(counts.view.subarray(0, 40));
  const expected = poolCounts.slice(0, 40).map((c) => (c / total) * n);
  const stat = chiSquareStatistic(observed, expected);
  assert.ok(stat < chiSquareCritical(40), `chi-square ${stat}`);
});

test("every build and the reference give the same bits, and the stream ends in the same state", async () => {
  const engines = await allEngines();
  const runs = engines.map((engine) => {
    const rng = engine.stream(47);
    const parts: number[][] = [];
    for (const [n, p] of BINOMIALS) {
      const out = engine.f64(2000);
      engine.fillBinomial(rng, out, n, p);
      parts.push(Array.from(out.view));
    }
    for (const [good, bad, sample] of HYPERGEOMETRICS) {
      const out = engine.f64(2000);
      engine.fillHypergeometric(rng, out, good, bad, sample);
      parts.push(Array.from(out.view));
    }
    const k = 1 << 16;
    const w = engine.f64(k), counts = engine.f64(k);
    w.view.set(zipf(k, 1.1));
    engine.multinomialCounts(rng, w, 300_000, counts);
    parts.push(Array.from(counts.view));
    const pool = engine.f64(k);
    pool.view.set(counts.view);
    engine.hypergeometricCounts(rng, pool, 100_000, counts);
    parts.push(Array.from(counts.view));
    return { parts, state: rng.stateWords() };
  });
  for (let i = 1; i < runs.length; i++) {
    runs[i].parts.forEach((part, j) => assert.ok(part.every((v, m) => Object.is(v, runs[0].parts[j][m])), `${label(engines[i])} part ${j}`));
    assert.equal(runs[i].state, runs[0].state, `${label(engines[i])} stream state`);
  }
});

test("bad arguments are refused by name before anything is drawn", async () => {
  for (const engine of await allEngines()) {
    const rng = engine.stream(48);
    const before = rng.stateWords();
    const w = engine.f64(3), counts = engine.f64(3);
    assert.throws(() => engine.fillBinomial(rng, engine.f64(2), 2.5, 0.5), /fillBinomial: trials must be an integer/);
    assert.throws(() => engine.fillBinomial(rng, engine.f64(2), 10, 1.5), /fillBinomial: p must be in \[0, 1\]/);
    assert.throws(() => engine.fillHypergeometric(rng, engine.f64(2), 3, 4, 8), /fillHypergeometric: sample = 8 is more than good \+ bad = 7/);
    assert.throws(() => engine.multinomialCounts(rng, w, 10, counts), /multinomialCounts: the weights must have a positive sum/);
    w.view.set([1, -1, 2]);
    assert.throws(() => engine.multinomialCounts(rng, w, 10, counts), /multinomialCounts: weights\[1\] must be finite and >= 0, got -1/);
    w.view.set([1, 1, 2]);
    assert.throws(() => engine.multinomialCounts(rng, w, 1.5, counts), /multinomialCounts: tokens must be an integer/);
    assert.throws(() => engine.multinomialCounts(rng, w, 10, engine.f64(2)), /needs 3 entries/);
    w.view.set([1, 0.5, 2]);
    assert.throws(() => engine.hypergeometricCounts(rng, w, 1, counts), /hypergeometricCounts: pool\[1\] must be an integer/);
    w.view.set([1, 5, 2]);
    assert.throws(() => engine.hypergeometricCounts(rng, w, 9, counts), /hypergeometricCounts: tokens = 9 is more than the pool's 8/);
    assert.equal(rng.stateWords(), before, label(engine));
  }
});

test.run();
