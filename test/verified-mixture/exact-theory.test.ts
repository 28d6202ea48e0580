// The finite-size formula and the breakdown point with the exact method, up to m/d = 10^5:
// sizes the direct method could only reach in minutes per replicate at d = 100 (O(m d^2)).
//
// Finite-size formula: d = 100, m/d = 10^3, 10^4 and 10^5 (m up to 10^7), R = 24 replicates,
// the mean accuracy within z = 4.5 SE of the formula. Why that is honest: the formula is
// asymptotic in d, and at m/d = 10^5 the accuracy's spread is tiny (SE ~ 1e-7), so its
// finite-d bias is measurable; it shrinks relative to the SE like sqrt(R / d). Measured with
// this method over 300 replicates per setting and rung, the bias is at most 1.52 SE_40 (last
// re-measured after the formula's delta was corrected), i.e. at most 1.18 SE_24: a pass keeps
// at least 3.3 SE of pure noise margin, while a simulation error that
// moves the mean by a few SE (a few 1e-8 at the top rung) fails. (At d = 20 the bias reaches
// 1.8 SE_40, which is why d is 100.)
//
// Breakdown point: d = 10, m = 10^6 (m/d = 10^5), eps = eps* -+ 0.02: the step at eps* is now
// sharp enough that 0.02 on either side is within 0.002 of Phi(+-mu) by the formula (asserted
// as `gap`); the simulation must be within gap + z SE of the limit, as in breakdown.test.ts
// at m/d = 10^4 and eps* -+ 0.05.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertMeanWithinSE, assertWithinSE, mean, standardError, Z } from "../helpers/stats.js";
import { breakdownPoint } from "../../src/scenarios/verified-mixture/theory.js";
import { normalCdf } from "../../src/math/normal.js";
import { runCell, metric } from "./replicates.js";

const R = 24;
const D = 100;
const noisy = { kind: "noisy", phi: 0.8, psi: 0.3 };

const settings: [string, (m: number) => Record<string, unknown>][] = [
  ["noisy, eps 0.2", () => ({ generator: { kind: "flip", eps: 0.2 }, verifier: noisy })],
  ["noisy, eps 0.6", () => ({ generator: { kind: "flip", eps: 0.6 }, verifier: noisy })],
  ["oracle, eps 0.3", () => ({ generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "oracle" } })],
  ["none, eps 0.1", () => ({ generator: { kind: "flip", eps: 0.1 }, verifier: { kind: "none" } })],
  ["random keep 0.5, eps 0.4", () => ({ generator: { kind: "flip", eps: 0.4 }, verifier: { kind: "random", keep: 0.5 } })],
  ["noisy, eps 0.7, m/5 real points", (m) => ({ generator: { kind: "flip", eps: 0.7 }, verifier: noisy, nReal: m / 5 })],
];

for (const ratio of [1e3, 1e4, 1e5]) {
  for (const [name, extra] of settings) {
    test(`finite-size formula, exact method, m/d = ${ratio}: ${name}`, async () => {
      const m = D * ratio;
      const rows = await runCell({ d: D, mu: 1, ridge: 1, nSynthetic: m, method: "exact", ...extra(m) }, R, { seed: 6 });
      const theory = metric(rows, "theoryAccuracy")[0];
      assertMeanWithinSE(metric(rows, "accuracy"), theory, `${name}, m/d ${ratio}`);
    });
  }
}

const phi = 0.8, psi = 0.3, mu = 1;
const epsStar = breakdownPoint(phi, psi);

for (const offset of [-0.02, 0.02]) {
  test(`m/d = 10^5, eps = eps* ${offset < 0 ? "-" : "+"} 0.02: within 0.002 of Phi(${offset < 0 ? "" : "-"}mu)`, async () => {
    const rows = await runCell({ d: 10, mu, nSynthetic: 1_000_000, ridge: 1, method: "exact", generator: { kind: "flip", eps: epsStar + offset }, verifier: { kind: "noisy", phi, psi } }, R, { seed: 5 });
    const accuracy = metric(rows, "accuracy");
    const limit = normalCdf(offset < 0 ? mu : -mu);
    const gap = Math.abs(metric(rows, "theoryAccuracy")[0] - limit);
    assert.ok(gap < 0.002, `the setting is in the large-m/d regime (formula ${gap} from the limit)`);
    assert.ok(offset < 0 ? Math.min(...accuracy) > 0.5 : Math.max(...accuracy) < 0.5, "every replicate on the limit's side of 1/2");
    assertWithinSE(mean(accuracy), limit, standardError(accuracy) + gap / Z, `eps* ${offset > 0 ? "+" : ""}${offset}`);
  });
}

test.run();
