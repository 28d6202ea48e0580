// Linear algebra: every wasm build against the plain-TypeScript reference (itself checked
// against direct definitions), on sizes that cross unrolling and SIMD-lane boundaries.
// Tolerance: a sum of n products differs between summation orders by at most about
// n * eps * sum |x_i y_i|, so each comparison scales with that bound.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import type { Engine, F64Block } from "../../src/engine/index.js";

const EPS = Number.EPSILON;
const SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 100, 1001];

/** Deterministic test data from a simple LCG, independent of the engines' generators. */
function data(n: number, salt: number): Float64Array {
  let s = (salt * 2654435761) >>> 0;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

function block(engine: Engine, values: ArrayLike<number>): F64Block {
  const b = engine.f64(values.length);
  b.set(values);
  return b;
}

function assertClose(got: number, want: number, bound: number, what: string): void {
  assert.ok(Math.abs(got - want) <= bound, `${what}: ${got} vs ${want} (bound ${bound})`);
}

test("dot, axpy and scale agree with their definitions", async () => {
  for (const engine of await allEngines()) {
    for (const n of SIZES) {
      const x = data(n, 1), y = data(n, 2);
      let exact = 0, magnitude = 0;
      for (let i = 0; i < n; i++) {
        exact += x[i] * y[i];
        magnitude += Math.abs(x[i] * y[i]);
      }
      const what = `${label(engine)} n=${n}`;
      assertClose(engine.dot(block(engine, x), block(engine, y)), exact, 2 * n * EPS * magnitude, `dot ${what}`);

      const yb = block(engine, y);
      engine.axpy(-0.75, block(engine, x), yb);
      yb.view.forEach((v, i) => assertClose(v, y[i] - 0.75 * x[i], 0, `axpy ${what} [${i}]`));

      const xb = block(engine, x);
      engine.scale(3.5, xb);
      xb.view.forEach((v, i) => assert.is(v, 3.5 * x[i], `scale ${what} [${i}]`));

      const quotient = engine.f64(n);
      engine.quotient(block(engine, x), 7, quotient);
      quotient.view.forEach((v, i) => assert.is(v, x[i] / 7, `quotient ${what} [${i}]`));
    }
  }
});

test("gemv agrees with row-by-row dots; a partial n leaves the rest untouched", async () => {
  for (const engine of await allEngines()) {
    for (const [rows, cols] of [[0, 3], [1, 1], [3, 5], [17, 9], [64, 100]]) {
      const a = data(rows * cols, 3), x = data(cols, 4);
      const y = engine.f64(rows);
      engine.gemv(block(engine, a), block(engine, x), y, rows, cols);
      for (let r = 0; r < rows; r++) {
        let want = 0, magnitude = 0;
        for (let c = 0; c < cols; c++) {
          want += a[r * cols + c] * x[c];
          magnitude += Math.abs(a[r * cols + c] * x[c]);
        }
        assertClose(y.view[r], want, 2 * cols * EPS * magnitude, `gemv ${label(engine)} ${rows}x${cols} row ${r}`);
      }
    }
    const x = block(engine, [1, 2, 3, 4, 5]);
    const y = block(engine, [1, 1, 1, 1, 1]);
    engine.axpy(1, x, y, 3);
    assert.equal(Array.from(y.view), [2, 3, 4, 1, 1], `${label(engine)} partial axpy`);
  }
});

test("Gram accumulation over several blocks equals X^T X and X^T y of all rows", async () => {
  for (const engine of await allEngines()) {
    for (const d of [1, 2, 3, 5, 8, 13, 100]) {
      for (const rows of [1, 3, 4, 7, 50]) {
        const x = data(rows * d, d + rows), y = data(rows, 7 * d + rows);
        const g = engine.f64(d * d), b = engine.f64(d);
        // Two calls over a split of the rows: accumulation must add up.
        const split = rows >> 1;
        engine.gramAccumulate(block(engine, x.subarray(0, split * d)), block(engine, y.subarray(0, split)), split, d, g, b);
        engine.gramAccumulate(block(engine, x.subarray(split * d)), block(engine, y.subarray(split)), rows - split, d, g, b);
        engine.gramSymmetrize(g, d);
        for (let i = 0; i < d; i++) {
          for (let j = 0; j < d; j++) {
            let want = 0, magnitude = 0;
            for (let r = 0; r < rows; r++) {
              want += x[r * d + i] * x[r * d + j];
              magnitude += Math.abs(x[r * d + i] * x[r * d + j]);
            }
            assertClose(g.view[i * d + j], want, 2 * rows * EPS * magnitude, `G ${label(engine)} d=${d} rows=${rows} (${i},${j})`);
          }
          let want = 0, magnitude = 0;
          for (let r = 0; r < rows; r++) {
            want += x[r * d + i] * y[r];
            magnitude += Math.abs(x[r * d + i] * y[r]);
          }
          assertClose(b.view[i], want, 2 * rows * EPS * magnitude, `b ${label(engine)} d=${d} rows=${rows} (${i})`);
        }
      }
    }
  }
});

/** A symmetric positive definite matrix with condition number about 1e3: Q diag Q^T built from a Gram. */
function spdMatrix(d: number): Float64Array {
  const rows = 3 * d;
  const x = data(rows * d, 99 + d);
  const a = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += x[r * d + i] * x[r * d + j];
      a[i * d + j] = s / rows;
    }
  }
  return a;
}

test("Cholesky with a ridge term solves (A + ridge I) x = b to a small residual, in every build", async () => {
  for (const engine of await allEngines()) {
    for (const d of [1, 2, 3, 7, 16, 33, 100, 257]) {
      for (const ridge of [0, 0.5]) {
        const a = spdMatrix(d), rhs = data(d, 5 + d);
        const l = block(engine, a);
        assert.is(engine.cholesky(l, d, ridge), 0, `${label(engine)} d=${d} positive definite`);
        const x = block(engine, rhs);
        engine.choleskySolve(l, d, x);
        let residual = 0, scale = 0;
        for (let i = 0; i < d; i++) {
          let s = ridge * x.view[i];
          for (let j = 0; j < d; j++) s += a[i * d + j] * x.view[j];
          residual = Math.max(residual, Math.abs(s - rhs[i]));
          scale = Math.max(scale, Math.abs(rhs[i]));
        }
        // Backward-stable: residual ~ d * eps * ||A|| ||x||; 1e-10 relative is far above that and far below any bug.
        assert.ok(residual <= 1e-10 * Math.max(scale, 1), `${label(engine)} d=${d} ridge=${ridge} residual ${residual}`);
      }
    }
  }
});

test("wasm solves match the reference's to near machine precision", async () => {
  const engines = await allEngines();
  const d = 100;
  const solutions = engines.map((engine) => {
    const l = block(engine, spdMatrix(d));
    engine.cholesky(l, d, 1e-3);
    const x = block(engine, data(d, 42));
    engine.choleskySolve(l, d, x);
    return x.toArray();
  });
  solutions.slice(0, 3).forEach((x, k) => {
    x.forEach((v, i) => assertClose(v, solutions[3][i], 1e-11 * Math.max(1, Math.abs(v)), `${label(engines[k])} x[${i}]`));
  });
});

test("Cholesky reports the first non-positive pivot instead of producing NaNs", async () => {
  for (const engine of await allEngines()) {
    // [[1, 2], [2, 1]] has eigenvalues 3 and -1: the second pivot is 1 - 4 < 0.
    assert.is(engine.cholesky(block(engine, [1, 2, 2, 1]), 2, 0), 2, label(engine));
    assert.is(engine.cholesky(block(engine, [0, 0, 0, 0]), 2, 0), 1, label(engine));
    assert.is(engine.cholesky(block(engine, [0, 0, 0, 0]), 2, 1), 0, `${label(engine)} ridge makes it definite`);
    assert.is(engine.cholesky(block(engine, [Number.NaN]), 1, 0), 1, `${label(engine)} NaN pivot`);
  }
});

test.run();
