// The bivariate normal orthant probability and the logistic-normal mean against values computed
// to 20 digits with mpmath (adaptive quadrature of P(X > h, Y > k) = integral_h^inf phi(x)
// Phi_c((k - rho x) / sqrt(1 - rho^2)) dx, and of E[sigma(s t)], t ~ N(m, 1), split at the
// sigmoid's step), on both sides of the switch at |rho| = 0.925; and their identities.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bivariateNormalUpper } from "../../src/math/bivariate-normal.js";
import { logisticNormalMean } from "../../src/math/logistic-normal.js";
import { normalCdf } from "../../src/math/normal.js";

const ORTHANTS: Array<[h: number, k: number, rho: number, want: number]> = [
  [0, 0, 0.5, 0.33333333333333333333],
  [-1, 0.5, 0.95, 0.30853751336083356256],
  [1, -0.5, -0.97, 0.00056184222166241895753],
  [0.3, 1.2, 0.6, 0.092289620444789413699],
  [-2, -1, -0.4, 0.81899444631164329904],
  [1.5, 2, 0.99, 0.022749515662487262648],
  [-0.5, 0.8, -0.93, 0.014567834084451732901],
  [2.5, -3, 0.3, 0.0062094829081419934476],
  [0.2, 0.1, 0.924, 0.37674516624941946251],
  [0.2, 0.1, 0.926, 0.37754603185224556111],
];

const MEANS: Array<[m: number, s: number, want: number]> = [
  [0.86602540378443864676, 2, 0.74391161777340654539],
  [0.64278760968653932632, 4, 0.72154660028320533601],
  [1.2, 0.3, 0.58717908547736953039],
  [0.5, 100, 0.69143351422614858149],
  [-0.3, 1, 0.43829319654075792985],
  [1.5, 0.01, 0.50374983595079933022],
  [0.8, 7, 0.78076438952819312332],
];

test("bivariateNormalUpper matches reference values to 1e-14", () => {
  for (const [h, k, rho, want] of ORTHANTS) {
    const got = bivariateNormalUpper(h, k, rho);
    assert.ok(Math.abs(got - want) <= 1e-14, `P(X > ${h}, Y > ${k}; ${rho}) = ${got}, want ${want}`);
  }
});

test("bivariateNormalUpper: symmetric in h and k, the product at rho = 0, the limits at rho = +-1, complements", () => {
  for (const [h, k] of [[0.3, -1.1], [-2, 0.7], [1.4, 1.9]]) {
    for (const rho of [-0.99, -0.6, 0.2, 0.93]) {
      assert.ok(Math.abs(bivariateNormalUpper(h, k, rho) - bivariateNormalUpper(k, h, rho)) <= 1e-15, `symmetric at ${h}, ${k}, ${rho}`);
      // P(X > h, Y > k; rho) + P(X > h, Y > -k; -rho) = P(X > h): -Y has correlation -rho with X.
      const sum = bivariateNormalUpper(h, k, rho) + bivariateNormalUpper(h, -k, -rho);
      assert.ok(Math.abs(sum - normalCdf(-h)) <= 1e-14, `complement at ${h}, ${k}, ${rho}: ${sum}`);
    }
    assert.ok(Math.abs(bivariateNormalUpper(h, k, 0) - normalCdf(-h) * normalCdf(-k)) <= 1e-15, "independent");
    assert.is(bivariateNormalUpper(h, k, 1), normalCdf(-Math.max(h, k)));
    assert.ok(Math.abs(bivariateNormalUpper(h, k, -1) - Math.max(0, normalCdf(-h) - normalCdf(k))) <= 1e-15, "rho = -1");
  }
  assert.throws(() => bivariateNormalUpper(0, 0, 1.5), /rho must be in \[-1, 1\], got 1.5/);
});

test("logisticNormalMean matches reference values to 1e-14, and its limits", () => {
  for (const [m, s, want] of MEANS) {
    const got = logisticNormalMean(m, s);
    assert.ok(Math.abs(got - want) <= 1e-14, `E[sigma(${s} t)], t ~ N(${m}, 1) = ${got}, want ${want}`);
  }
  assert.is(logisticNormalMean(0.7, 0), 0.5);
  assert.is(logisticNormalMean(0.7, Infinity), normalCdf(0.7));
  assert.ok(Math.abs(logisticNormalMean(0, 3) - 0.5) <= 1e-15, "symmetric at m = 0");
  assert.throws(() => logisticNormalMean(0, -1), /s must be >= 0, got -1/);
});

test.run();
