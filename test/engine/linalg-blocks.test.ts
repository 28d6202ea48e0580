// The register-blocked linear algebra (Gram accumulation 4 rows of X by 2 rows of G, Cholesky
// 4 rows by 2 columns, the row-wise backward solve) against the reference, on sizes around
// every block edge: d and the row count odd and even, below, at and past the block sizes.
// Sums are reordered, so entries agree to a few ulps of the result's scale.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createEngine, type Engine } from "../../src/engine/index.js";

const reference = await createEngine("js");
const builds: Engine[] = [
  await createEngine("wasm", { build: "release-simd" }),
  await createEngine("wasm", { build: "release" }),
  await createEngine("wasm", { build: "debug" }),
];

/** Relative tolerance: n-term sums of O(1) products in a different order differ by ~n ulps. */
const tolerance = (terms: number) => 8 * terms * Number.EPSILON;

function normals(length: number, seed: number): Float64Array {
  const block = reference.f64(length);
  reference.fillNormal(reference.stream(seed), block);
  return block.view;
}

/** A symmetric positive-definite d x d matrix, X^T X over 2d + 3 normal rows. */
function spd(d: number, seed: number): Float64Array {
  const rows = 2 * d + 3;
  const x = reference.f64(rows * d), y = reference.f64(rows), g = reference.f64(d * d), b = reference.f64(d);
  x.set(normals(rows * d, seed));
  reference.gramAccumulate(x, y, rows, d, g, b);
  reference.gramSymmetrize(g, d);
  return g.view;
}

function run(engine: Engine, f: (engine: Engine) => Float64Array[]): Float64Array[] {
  return f(engine).map((v) => v.slice());
}

test("gramAccumulate and gramSymmetrize match the reference around block edges", () => {
  for (const d of [1, 2, 3, 4, 5, 7, 8, 33]) {
    for (const rows of [0, 1, 3, 4, 5, 8, 11]) {
      const xs = normals(rows * d, d * 100 + rows), ys = normals(rows, 7);
      // Two calls, as a caller accumulating block by block would make.
      const gram = (engine: Engine) => {
        const x = engine.f64(rows * d), y = engine.f64(rows), g = engine.f64(d * d), b = engine.f64(d);
        x.set(xs);
        y.set(ys);
        engine.gramAccumulate(x, y, rows, d, g, b);
        engine.gramAccumulate(x, y, rows, d, g, b);
        engine.gramSymmetrize(g, d);
        return [g.view, b.view];
      };
      const [expectedG, expectedB] = run(reference, gram);
      for (const engine of builds) {
        const [g, b] = run(engine, gram);
        for (let k = 0; k < d * d; k++) {
          const scale = Math.sqrt(Math.abs(expectedG[Math.floor(k / d) * (d + 1)] * expectedG[(k % d) * (d + 1)])) || 1;
          assert.ok(Math.abs(g[k] - expectedG[k]) <= tolerance(2 * rows) * scale, `${engine.build} d=${d} rows=${rows}: G[${k}] ${g[k]} vs ${expectedG[k]}`);
        }
        for (let j = 0; j < d; j++) {
          assert.ok(Math.abs(b[j] - expectedB[j]) <= tolerance(2 * rows) * (1 + Math.abs(expectedB[j]) + rows), `${engine.build} d=${d} rows=${rows}: b[${j}]`);
        }
      }
    }
  }
});

test("cholesky and choleskySolve match the reference around block edges", () => {
  for (const d of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 17, 64, 101]) {
    const matrix = spd(d, d + 1);
    const rhs = Float64Array.from({ length: d }, (_, i) => Math.sin(i + 1));
    const factorAndSolve = (engine: Engine) => {
      const a = engine.f64(d * d), b = engine.f64(d);
      a.set(matrix);
      b.set(rhs);
      const code = engine.cholesky(a, d, 0.5);
      assert.is(code, 0, `${engine.build} d=${d}: positive definite`);
      engine.choleskySolve(a, d, b);
      return [a.view, b.view];
    };
    const [expectedL, expectedX] = run(reference, factorAndSolve);
    for (const engine of builds) {
      const [l, x] = run(engine, factorAndSolve);
      for (let i = 0; i < d; i++) {
        for (let j = 0; j <= i; j++) {
          const err = Math.abs(l[i * d + j] - expectedL[i * d + j]) / Math.abs(expectedL[j * d + j]);
          assert.ok(err <= tolerance(d), `${engine.build} d=${d}: L[${i}][${j}] ${l[i * d + j]} vs ${expectedL[i * d + j]}`);
        }
      }
      for (let i = 0; i < d; i++) {
        assert.ok(Math.abs(x[i] - expectedX[i]) <= tolerance(d * d) * (1 + Math.abs(expectedX[i])), `${engine.build} d=${d}: x[${i}] ${x[i]} vs ${expectedX[i]}`);
      }
    }
  }
});

test("cholesky reports the first non-positive pivot and leaves the columns before it factorised", () => {
  for (const d of [5, 8, 9]) {
    for (let bad = 0; bad < d; bad++) {
      const matrix = spd(d, 3);
      matrix[bad * d + bad] = -1e6;
      const factor = (engine: Engine) => {
        const a = engine.f64(d * d);
        a.set(matrix);
        assert.is(engine.cholesky(a, d, 0), bad + 1, `${engine.build} d=${d}: pivot ${bad} is negative`);
        return [a.view];
      };
      const [expected] = run(reference, factor);
      for (const engine of builds) {
        const [l] = run(engine, factor);
        for (let i = 0; i < d; i++) {
          for (let j = 0; j < Math.min(i + 1, bad); j++) {
            const err = Math.abs(l[i * d + j] - expected[i * d + j]) / Math.abs(expected[j * d + j]);
            assert.ok(err <= tolerance(d), `${engine.build} d=${d} bad=${bad}: L[${i}][${j}]`);
          }
        }
      }
    }
  }
});

test.run();
