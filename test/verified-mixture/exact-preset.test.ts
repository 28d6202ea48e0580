// The feng-phase-transition preset's m/d = 10^5 curve (d = 100, m = 10^7, method auto = exact)
// shows the step at eps*: at the grid points on either side of eps* = 0.727 (eps 0.70 and
// 0.75) the accuracy is within 0.002 of its limits Phi(mu) and Phi(-mu) by the formula (0.0010
// and 0.0014). As in breakdown.test.ts: the formula's distance to the limit (`gap`) is
// asserted small, every replicate is on the limit's side of 1/2, and the mean is within
// gap + z SE of the limit.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertWithinSE, mean, standardError, Z } from "../helpers/stats.js";
import { presets } from "../../src/presets/index.js";
import { breakdownPoint } from "../../src/scenarios/verified-mixture/theory.js";
import { normalCdf } from "../../src/math/normal.js";
import { simulate } from "../../src/index.js";
import { engine } from "./replicates.js";

test("feng-phase-transition has an m/d = 10^5 curve, run by the exact method, that steps at eps*", async () => {
  const preset = presets.find((p) => p.name === "feng-phase-transition")!;
  const spec = preset.spec as { params: { d: number; mu: number; verifier: { phi: number; psi: number } }; grid: { nSynthetic: number[]; "generator.eps": number[] } };
  const { d, mu, verifier } = spec.params;
  const m = 1e5 * d;
  assert.ok(spec.grid.nSynthetic.includes(m), `the preset's grid has m = ${m} (m/d = 10^5)`);
  assert.not.ok("method" in spec.params, "the preset leaves the method to auto (exact)");
  const epsStar = breakdownPoint(verifier.phi, verifier.psi);
  const below = Math.max(...spec.grid["generator.eps"].filter((e) => e < epsStar));
  const above = Math.min(...spec.grid["generator.eps"].filter((e) => e > epsStar));
  const rows = await simulate({ ...preset.spec, grid: { nSynthetic: [m], "generator.eps": [below, above] }, seeds: 8 }, { engine: await engine("wasm") });
  for (const [eps, limit] of [[below, normalCdf(mu)], [above, normalCdf(-mu)]]) {
    const round = rows.filter((r) => r.generation === 1 && r["generator.eps"] === eps);
    const accuracy = round.map((r) => r.accuracy as number);
    const gap = Math.abs((round[0].theoryAccuracy as number) - limit);
    assert.ok(gap < 0.002, `eps ${eps}: the formula is ${gap} from the limit`);
    assert.ok(accuracy.every((a) => (a > 0.5) === (limit > 0.5)), `eps ${eps}: every replicate on the limit's side of 1/2`);
    assertWithinSE(mean(accuracy), limit, standardError(accuracy) + gap / Z, `eps ${eps}`);
  }
});

test.run();
