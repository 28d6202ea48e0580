// Phi against values computed to 20 digits with mpmath (ncdf), through the centre and both tails.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { normalCdf, erfc } from "../../src/math/normal.js";

const PHI: Array<[number, number]> = [
  [0, 0.5],
  [1, 0.84134474606854295],
  [-1, 0.15865525393145705],
  [2, 0.97724986805182079],
  [-1.5, 0.066807201268858066],
  [-3, 0.0013498980316300945],
  [-4.2, 1.3345749015906328e-5],
  [-5, 2.8665157187919391e-7],
  [-8, 6.2209605742717841e-16],
  [-20, 2.7536241186062337e-89],
  [0.3, 0.61791142218895263],
];

test("normalCdf matches reference values to 1e-13 relative", () => {
  for (const [x, want] of PHI) {
    const got = normalCdf(x);
    assert.ok(Math.abs(got - want) <= 1e-13 * want, `Phi(${x}) = ${got}, want ${want}`);
  }
});

test("erfc is continuous where the series hands over to the continued fraction", () => {
  const below = erfc(2 - 1e-12), above = erfc(2);
  assert.ok(Math.abs(below - above) < 1e-13, `${below} vs ${above}`);
  assert.is(erfc(Infinity), 0);
  assert.is(erfc(-Infinity), 2);
  assert.ok(Number.isNaN(normalCdf(Number.NaN)));
});

test.run();
