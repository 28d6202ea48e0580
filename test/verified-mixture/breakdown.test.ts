// The breakdown point eps* = phi / (phi + psi): with m/d large the accuracy is near Bayes,
// Phi(mu), just below eps*, and near Phi(-mu), the mirror image, just above it.
//
// Tolerance: at d = 10, m = 10^5 (m/d = 10^4) the accuracy is not exactly at its limit; the
// finite-size formula says how far it is (its distance to the limit, `gap`, at most 0.0032
// here, asserted below so that "near" means something). The simulation must be within
// gap + z SE of the limit, with SE from R = 40 replicates.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertWithinSE, mean, standardError, Z } from "../helpers/stats.js";
import { breakdownPoint } from "../../src/scenarios/verified-mixture/theory.js";
import { normalCdf } from "../../src/math/normal.js";
import { runCell, metric } from "./replicates.js";

const R = 40;
const phi = 0.8, psi = 0.3, mu = 1;
const epsStar = breakdownPoint(phi, psi);

test("eps* = phi / (phi + psi)", () => {
  assert.ok(Math.abs(epsStar - 0.8 / 1.1) < 1e-15);
  assert.is(breakdownPoint(1, 0), 1, "an oracle never breaks down");
  assert.is(breakdownPoint(1, 1), 0.5, "without a verifier the majority label wins");
});

for (const offset of [-0.1, -0.05, 0.05, 0.1]) {
  const side = offset < 0 ? "below" : "above";
  test(`m/d = 10^4, eps = eps* ${offset < 0 ? "-" : "+"} ${Math.abs(offset)}: near Phi(${offset < 0 ? "" : "-"}mu) ${side} the breakdown point`, async () => {
    const eps = epsStar + offset;
    const rows = await runCell({ d: 10, mu, nSynthetic: 100_000, ridge: 1, generator: { kind: "flip", eps }, verifier: { kind: "noisy", phi, psi } }, R, { seed: 5 });
    const accuracy = metric(rows, "accuracy");
    const limit = normalCdf(offset < 0 ? mu : -mu);
    const gap = Math.abs(metric(rows, "theoryAccuracy")[0] - limit);
    assert.ok(gap < 0.005, `the setting is in the large-m/d regime (formula ${gap} from the limit)`);
    assert.ok(offset < 0 ? Math.min(...accuracy) > 0.5 : Math.max(...accuracy) < 0.5, "every replicate on the limit's side of 1/2");
    const se = standardError(accuracy);
    assertWithinSE(mean(accuracy), limit, se + gap / Z, `eps* ${offset > 0 ? "+" : ""}${offset}`);
  });
}

test.run();
