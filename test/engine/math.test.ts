// The deterministic exp and log: within an ulp or so of the platform's, equal bit for bit
// between wasm and the reference, and right at the edges (0, subnormals, infinities, NaN).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { WasmEngine } from "../../src/engine/index.js";
import { detExp, detLog } from "../../src/math/fdlibm.js";
import { resolveBuild, simdSupported } from "../../src/engine/load.js";

function ulpDistance(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8));
}

function inputs(): number[] {
  const xs = [0, -0, 1, -1, 0.5, 1e-300, 5e-324, 2.2250738585072014e-308, 1e-10, 700, 709.78, 709.8, -745.1, -745.2, -708.5,
    0.34657359027997264, 1.0397207708399179, 1e300, Infinity, -Infinity, Number.NaN, Math.LN2, 2 ** -28, -(2 ** -28)];
  let s = 1;
  for (let i = 0; i < 20000; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const u = s / 2 ** 32;
    xs.push((u - 0.5) * 1500, u * 40 - 20, Math.exp((u - 0.5) * 1400));
  }
  return xs;
}

test("detExp and detLog are within 1 ulp of Math.exp and Math.log", () => {
  for (const x of inputs()) {
    const e = detExp(x), m = Math.exp(x);
    if (Number.isNaN(m)) assert.ok(Number.isNaN(e), `exp(${x})`);
    else if (!Number.isFinite(m) || m === 0 || m < 2.3e-308) assert.ok(Object.is(e, m) || Math.abs(e - m) <= 5e-324 * 2, `exp(${x}) = ${e} vs ${m}`);
    else assert.ok(Math.abs(ulpDistance(e, m)) <= 1, `exp(${x}): ${e} vs ${m}`);
    if (x >= 0 || Number.isNaN(x)) {
      const l = detLog(x), ml = Math.log(x);
      if (Number.isNaN(ml)) assert.ok(Number.isNaN(l), `log(${x})`);
      else if (!Number.isFinite(ml)) assert.is(l, ml, `log(${x})`);
      else assert.ok(Math.abs(ulpDistance(l, ml)) <= 1, `log(${x}): ${l} vs ${ml}`);
    }
  }
  assert.ok(Number.isNaN(detLog(-1)));
  assert.is(detLog(0), -Infinity);
});

test("wasm and reference exp/log are identical bit for bit", async () => {
  for (const build of ["release-simd", "release"] as const) {
    const engine = await WasmEngine.create({ build });
    for (const x of inputs()) {
      assert.ok(Object.is(engine.kernels.detExp(x), detExp(x)), `${build} exp(${x})`);
      assert.ok(Object.is(engine.kernels.detLog(x), detLog(x)), `${build} log(${x})`);
    }
  }
});

test("the SIMD build is chosen where SIMD validates, and can be forced off", () => {
  assert.is(resolveBuild("auto"), simdSupported() ? "release-simd" : "release");
  assert.is(resolveBuild("release"), "release");
});

test.run();
