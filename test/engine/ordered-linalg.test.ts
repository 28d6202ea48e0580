// The kernels whose every sum runs in one fixed order (triangular and dense matrices, tables of
// points): each against its definition (computed here directly, tolerances from the rounding of
// a sum of n products, n eps sum |terms|), and the same bits in every wasm build and the
// TypeScript reference, on sizes across SIMD-lane and unrolling boundaries.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import type { Engine, F64Block } from "../../src/engine/index.js";
import { chiSquareCritical, chiSquareStatistic } from "../helpers/stats.js";

const EPS = Number.EPSILON;
const DIMS = [1, 2, 3, 4, 5, 7, 8, 9, 17, 33];

/** Deterministic data from an LCG, independent of the engines' generators. */
function data(n: number, salt: number): Float64Array {
  let s = (salt * 2654435761) >>> 0;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

/** A well-conditioned lower-triangular matrix: data below the diagonal, 2 + |data| on it. */
function lower(d: number, salt: number): Float64Array {
  const l = data(d * d, salt);
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) l[i * d + j] = 0;
    l[i * d + i] = 2 + Math.abs(l[i * d + i]);
  }
  return l;
}

function block(engine: Engine, values: ArrayLike<number>): F64Block {
  const b = engine.f64(values.length);
  b.set(values);
  return b;
}

function close(got: number, want: number, bound: number, what: string): void {
  assert.ok(Math.abs(got - want) <= bound, `${what}: ${got} vs ${want} (bound ${bound})`);
}

/** Plain products for the definitions. */
function product(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number): { value: Float64Array; magnitude: Float64Array } {
  const value = new Float64Array(m * n), magnitude = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      for (let h = 0; h < k; h++) {
        value[i * n + j] += a[i * k + h] * b[h * n + j];
        magnitude[i * n + j] += Math.abs(a[i * k + h] * b[h * n + j]);
      }
    }
  }
  return { value, magnitude };
}

function transpose(a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
  return t;
}

test("matrixProduct, lowerGram and lowerProduct agree with their definitions", async () => {
  for (const engine of await allEngines()) {
    for (const [m, k, n] of [[1, 1, 1], [3, 5, 7], [8, 4, 9], [17, 33, 5]]) {
      const a = data(m * k, m + k), b = data(k * n, k + n), c0 = data(m * n, 99);
      const c = block(engine, c0);
      engine.matrixProduct(block(engine, a), block(engine, b), c, m, k, n, true);
      const { value, magnitude } = product(a, b, m, k, n);
      c.view.forEach((v, i) => close(v, c0[i] + value[i], 2 * (k + 1) * EPS * (magnitude[i] + Math.abs(c0[i])), `${label(engine)} product ${m}x${k}x${n} [${i}]`));
      engine.matrixProduct(block(engine, a), block(engine, b), c, m, k, n);
      c.view.forEach((v, i) => close(v, value[i], 2 * k * EPS * magnitude[i], `${label(engine)} product (set) [${i}]`));
    }
    for (const d of DIMS) {
      const l = lower(d, d), a = lower(d, d + 100);
      const gram = engine.f64(d * d);
      engine.lowerGram(block(engine, l), d, gram);
      const want = product(l, transpose(l, d, d), d, d, d);
      gram.view.forEach((v, i) => close(v, want.value[i], 2 * d * EPS * want.magnitude[i], `${label(engine)} lowerGram d=${d} [${i}]`));
      const la = block(engine, l);
      engine.lowerProduct(la, block(engine, a), d);
      const wantLa = product(l, a, d, d, d);
      la.view.forEach((v, i) => close(v, wantLa.value[i], 2 * d * EPS * wantLa.magnitude[i], `${label(engine)} lowerProduct d=${d} [${i}]`));
    }
  }
});

test("transposeProduct (strided rows too), rowGram and lowerTimes (both ways) agree with their definitions", async () => {
  for (const engine of await allEngines()) {
    for (const [rows, m, n] of [[1, 1, 1], [5, 3, 7], [9, 8, 1], [33, 17, 5]]) {
      // A's rows lie lda = m + 2 apart, B's ldb = n + 1 apart: the labels column of a table.
      const lda = m + 2, ldb = n + 1;
      const a = data(rows * lda, rows + m), b = data(rows * ldb, rows + n), c0 = data(m * n, 7);
      const dense = (x: Float64Array, ld: number, width: number) => Float64Array.from({ length: rows * width }, (_, i) => x[Math.floor(i / width) * ld + (i % width)]);
      const want = product(transpose(dense(a, lda, m), rows, m), dense(b, ldb, n), m, rows, n);
      const c = block(engine, c0);
      engine.transposeProduct(block(engine, a), block(engine, b), c, rows, m, n, lda, ldb, true);
      c.view.forEach((v, i) => close(v, c0[i] + want.value[i], 2 * (rows + 1) * EPS * (want.magnitude[i] + Math.abs(c0[i])), `${label(engine)} transposeProduct ${rows}x${m}x${n} [${i}]`));
      engine.transposeProduct(block(engine, a), block(engine, b), c, rows, m, n, lda, ldb);
      c.view.forEach((v, i) => close(v, want.value[i], 2 * rows * EPS * want.magnitude[i], `${label(engine)} transposeProduct (set) [${i}]`));
      const symmetric = engine.f64(m * m);
      engine.transposeProduct(block(engine, a), block(engine, a), symmetric, rows, m, m, lda, lda, false, true);
      const wantSymmetric = product(transpose(dense(a, lda, m), rows, m), dense(a, lda, m), m, rows, m);
      symmetric.view.forEach((v, i) => close(v, wantSymmetric.value[i], 2 * rows * EPS * wantSymmetric.magnitude[i], `${label(engine)} transposeProduct (upper) [${i}]`));
      const gram = engine.f64(rows * rows);
      engine.rowGram(block(engine, a), rows, m, gram, lda);
      const wantGram = product(dense(a, lda, m), transpose(dense(a, lda, m), rows, m), rows, m, rows);
      gram.view.forEach((v, i) => close(v, wantGram.value[i], 2 * m * EPS * wantGram.magnitude[i], `${label(engine)} rowGram ${rows}x${m} [${i}]`));
    }
    for (const d of DIMS) {
      const l = lower(d, 4 * d), x0 = data(d, d + 3);
      for (const transposed of [false, true]) {
        const x = block(engine, x0);
        engine.lowerTimes(block(engine, l), d, x, transposed);
        const want = product(transposed ? transpose(l, d, d) : l, x0, d, d, 1);
        x.view.forEach((v, i) => close(v, want.value[i], 2 * d * EPS * want.magnitude[i], `${label(engine)} lowerTimes transposed=${transposed} d=${d} [${i}]`));
      }
    }
  }
});

test("lowerInverse, lowerSolve (both ways) and choleskyInOrder invert what they should", async () => {
  for (const engine of await allEngines()) {
    for (const d of DIMS) {
      const l = lower(d, 3 * d);
      const inv = block(engine, l);
      engine.lowerInverse(inv, d);
      const identity = product(l, inv.view, d, d, d).value;
      identity.forEach((v, i) => close(v, i % (d + 1) === 0 ? 1 : 0, 1e-12 * d, `${label(engine)} L L^-1 d=${d} [${i}]`));
      for (const transposed of [false, true]) {
        const rhs = data(d, d + 7);
        const x = block(engine, rhs);
        engine.lowerSolve(block(engine, l), d, x, transposed);
        const back = product(transposed ? transpose(l, d, d) : l, x.view, d, d, 1).value;
        back.forEach((v, i) => close(v, rhs[i], 1e-12 * d, `${label(engine)} solve transposed=${transposed} d=${d} [${i}]`));
      }
      const spd = product(l, transpose(l, d, d), d, d, d).value;
      const factor = block(engine, spd);
      assert.is(engine.choleskyInOrder(factor, d), 0);
      for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) close(factor.view[i * d + j], l[i * d + j], 1e-12 * d, `${label(engine)} cholesky d=${d} (${i},${j})`);
      const notSpd = block(engine, spd);
      notSpd.view[0] = -1;
      assert.is(engine.choleskyInOrder(notSpd, d), 1, "the first pivot is not positive");
    }
  }
});

test("symmetricEigenvalues finds the spectrum of Q diag(v) Q^T", async () => {
  for (const engine of await allEngines()) {
    for (const d of DIMS) {
      // Q from Gram-Schmidt on data, eigenvalues spread over [-3, 3] with a repeated pair.
      const q = data(d * d, 5 * d);
      for (let i = 0; i < d; i++) {
        for (let k = 0; k < i; k++) {
          let dot = 0;
          for (let j = 0; j < d; j++) dot += q[i * d + j] * q[k * d + j];
          for (let j = 0; j < d; j++) q[i * d + j] -= dot * q[k * d + j];
        }
        let norm = 0;
        for (let j = 0; j < d; j++) norm += q[i * d + j] ** 2;
        for (let j = 0; j < d; j++) q[i * d + j] /= Math.sqrt(norm);
      }
      const values = Array.from({ length: d }, (_, i) => (i === 1 ? -3 : -3 + (6 * i) / d));
      const a = new Float64Array(d * d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) a[i * d + j] += q[k * d + i] * values[k] * q[k * d + j];
      const out = engine.f64(d);
      assert.is(engine.symmetricEigenvalues(block(engine, a), d, out), 0);
      const got = Array.from(out.view).sort((x, y) => x - y), want = [...values].sort((x, y) => x - y);
      got.forEach((v, i) => close(v, want[i], 1e-12 * d, `${label(engine)} eigenvalue ${i} of d=${d}`));
    }
  }
});

test("rowMoments is the mean and the scatter about it; subsampleRows keeps the multiset", async () => {
  for (const engine of await allEngines()) {
    for (const [rows, d] of [[1, 3], [2, 1], [7, 5], [40, 17]]) {
      const x = data(rows * d, rows * d);
      for (let i = 0; i < x.length; i++) x[i] += 100; // far from 0: a one-pass formula would lose digits
      const mean = engine.f64(d), scatter = engine.f64(d * d);
      engine.rowMoments(block(engine, x), rows, d, mean, scatter);
      for (let j = 0; j < d; j++) {
        let m = 0;
        for (let r = 0; r < rows; r++) m += x[r * d + j] / rows;
        close(mean.view[j], m, 4 * rows * EPS * 101, `${label(engine)} mean ${rows}x${d} [${j}]`);
      }
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) {
          let s = 0;
          for (let r = 0; r < rows; r++) s += (x[r * d + i] - mean.view[i]) * (x[r * d + j] - mean.view[j]);
          close(scatter.view[i * d + j], s, 1e-13 * rows, `${label(engine)} scatter ${rows}x${d} (${i},${j})`);
        }
      }
      const table = block(engine, x);
      engine.subsampleRows(engine.stream(4n), table, rows, d, Math.min(rows, 3));
      const key = (a: ArrayLike<number>) => Array.from({ length: rows }, (_, r) => Array.from(a).slice(r * d, (r + 1) * d).join(",")).sort();
      assert.equal(key(table.view), key(x), `${label(engine)} subsample permutes whole rows`);
    }
  }
});

test("subsampleRows draws every k-subset's members uniformly: each row lands in the front k with probability k / count", async () => {
  const engine = (await allEngines())[0];
  const count = 12, k = 5, trials = 20_000;
  const table = engine.f64(count);
  const rng = engine.stream(11n);
  const hits = new Float64Array(count);
  for (let t = 0; t < trials; t++) {
    table.set(Array.from({ length: count }, (_, i) => i));
    engine.subsampleRows(rng, table, count, 1, k);
    for (let i = 0; i < k; i++) hits[table.view[i]]++;
  }
  const expected = new Float64Array(count).fill((trials * k) / count);
  // The hits sum to trials k: count - 1 degrees of freedom, each cell's variance scaled by (1 - k / count).
  const statistic = chiSquareStatistic(hits, expected) / (1 - k / count);
  assert.ok(statistic < chiSquareCritical(count - 1), `chi-square ${statistic}`);
});

test("fillGaussianRows and fillLinearLabels: mean + scale L z, and x w + noise z, from the stream's normals", async () => {
  for (const engine of await allEngines()) {
    const d = 5, rows = 9;
    const l = lower(d, 8), mean = data(d, 9);
    const out = engine.f64(rows * d);
    engine.fillGaussianRows(engine.stream(21n), out, rows, d, block(engine, mean), block(engine, l), 0.5);
    const z = engine.f64(rows * d);
    engine.fillNormal(engine.stream(21n), z);
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < d; i++) {
        let v = 0;
        for (let k = 0; k <= i; k++) v += l[i * d + k] * z.view[r * d + k];
        close(out.view[r * d + i], mean[i] + 0.5 * v, 1e-13, `${label(engine)} gaussian row ${r} [${i}]`);
      }
    }
    const w = data(d, 10), y = engine.f64(rows);
    engine.fillLinearLabels(engine.stream(22n), out, rows, d, block(engine, w), 0.3, y);
    const noise = engine.f64(rows);
    engine.fillNormal(engine.stream(22n), noise);
    for (let r = 0; r < rows; r++) {
      let v = 0;
      for (let k = 0; k < d; k++) v += out.view[r * d + k] * w[k];
      close(y.view[r], v + 0.3 * noise.view[r], 1e-13, `${label(engine)} label ${r}`);
    }
  }
});

test("fillBartlett: a lower-triangular factor whose diagonal squares are chi-square(dof - i); zeros above", async () => {
  const engine = (await allEngines())[0];
  const p = 4, dof = 6.5, draws = 4000;
  const out = engine.f64(p * p);
  out.view.fill(7);
  const rng = engine.stream(5n);
  const sums = new Float64Array(p * p);
  for (let t = 0; t < draws; t++) {
    engine.fillBartlett(rng, out, p, dof);
    out.view.forEach((v, i) => (sums[i] += i % (p + 1) === 0 ? v * v : v));
  }
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const mean = sums[i * p + j] / draws;
      if (j > i) assert.is(mean, 0, `above the diagonal (${i},${j})`);
      // chi-square(dof - i) has mean dof - i and variance 2 (dof - i); a normal mean 0, variance 1.
      else if (j === i) assert.ok(Math.abs(mean - (dof - i)) < 4.5 * Math.sqrt((2 * (dof - i)) / draws), `diagonal ${i}: ${mean}`);
      else assert.ok(Math.abs(mean) < 4.5 / Math.sqrt(draws), `below (${i},${j}): ${mean}`);
    }
  }
  assert.throws(() => engine.fillBartlett(rng, out, p, 3), /dof must be > p - 1/);
});

/** Every kernel of the family on the same inputs and seeds: a list of numbers per engine. */
function everything(engine: Engine, d: number): number[] {
  const out: number[] = [];
  const rng = engine.stream(0xfeedn, d);
  const a = engine.f64(d * d), l = block(engine, lower(d, d));
  engine.fillBartlett(rng, a, d, d + 0.5);
  out.push(...a.view);
  engine.lowerProduct(l, a, d);
  out.push(...l.view);
  const gram = engine.f64(d * d);
  engine.lowerGram(l, d, gram);
  out.push(...gram.view);
  const c = engine.f64(d * d);
  engine.matrixProduct(gram, l, c, d, d, d);
  engine.matrixProduct(l, gram, c, d, d, d, true);
  out.push(...c.view);
  const factor = block(engine, gram.view);
  out.push(engine.choleskyInOrder(factor, d, 0.25), ...factor.view);
  const b = block(engine, data(d, 1));
  engine.lowerSolve(factor, d, b);
  engine.lowerSolve(factor, d, b, true);
  out.push(...b.view);
  engine.lowerInverse(factor, d);
  out.push(...factor.view);
  const values = engine.f64(d);
  out.push(engine.symmetricEigenvalues(block(engine, gram.view), d, values), ...values.view);
  const rows = 2 * d + 3, points = engine.f64(rows * d), mean = block(engine, data(d, 2));
  engine.fillGaussianRows(rng, points, rows, d, mean, l, 0.7);
  engine.subsampleRows(rng, points, rows, d, d);
  out.push(...points.view);
  engine.rowMoments(points, rows, d, mean, gram);
  out.push(...mean.view, ...gram.view);
  const y = engine.f64(rows);
  engine.fillLinearLabels(rng, points, rows, d, mean, 0.3, y);
  out.push(...y.view);
  const cross = engine.f64(d * d);
  engine.transposeProduct(points, points, cross, rows, d, d);
  out.push(...cross.view);
  engine.transposeProduct(points, points, cross, rows, d, d, d, d, true, true);
  engine.transposeProduct(points, y, cross, rows, d - 1 || 1, 1, d, 1, true);
  out.push(...cross.view);
  const table = engine.f64(rows * rows);
  engine.rowGram(points, rows, d, table);
  out.push(...table.view);
  engine.lowerTimes(l, d, y, false);
  engine.lowerTimes(l, d, y, true);
  out.push(...y.view, ...rng.stateWords());
  return out;
}

test("every kernel of the family gives the same bits in every wasm build and the reference", async () => {
  const engines = await allEngines();
  for (const d of DIMS) {
    const [first, ...rest] = engines.map((engine) => everything(engine, d));
    rest.forEach((values, i) => {
      assert.is(values.length, first.length);
      values.forEach((v, j) => {
        if (!Object.is(v, first[j])) assert.unreachable(`d=${d} ${label(engines[i + 1])}: entry ${j} is ${v}, the first engine's ${first[j]}`);
      });
    });
  }
});

test.run();
