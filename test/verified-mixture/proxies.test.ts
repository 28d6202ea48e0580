// The measured proxies. For a noisy verifier phi-hat and psi-hat are its keep rates phi and psi
// (under best-of-k, per candidate: alpha_k p / (k a) and alpha_k (1 - p) / (k (1 - a)), a the
// candidates' accuracy, p = phi a / alpha), and the breakdown point phi-hat / (phi-hat + psi-hat)
// is phi / (phi + psi) either way; verifierAccuracy is its closed form. The rates are ratios of
// counts over about 10^4 candidates a replicate: their O(1 / count) bias is far below the SE.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { powInt } from "../../src/math/power.js";
import { normalCdf } from "../../src/math/normal.js";
import { runCell, metric } from "./replicates.js";

const R = 30;
const base = { d: 3, mu: 1, nSynthetic: 10_000 };
const phi = 0.7, psi = 0.4;
const noisy = { kind: "noisy", phi, psi };

for (const generator of [{ kind: "flip", eps: 0.35 }, { kind: "linear", angle: 40 }, { kind: "logistic", angle: 40, sharpness: 2 }]) {
  test(`a noisy verifier's phi-hat, psi-hat and breakdown point are phi, psi and phi / (phi + psi): ${generator.kind} generator`, async () => {
    const rows = await runCell({ ...base, generator, verifier: noisy }, R, { seed: 51, generations: 2 });
    for (const generation of [1, 2]) {
      assertMeanWithinSE(metric(rows, "keptCorrectRate", generation), phi, `generation ${generation} keptCorrectRate`);
      assertMeanWithinSE(metric(rows, "keptWrongRate", generation), psi, `generation ${generation} keptWrongRate`);
      assertMeanWithinSE(metric(rows, "breakdownPoint", generation), phi / (phi + psi), `generation ${generation} breakdownPoint`);
    }
  });
}

test("under best-of-k the rates are per candidate, and the breakdown point stays phi / (phi + psi)", async () => {
  const eps = 0.35, k = 3, a = 1 - eps;
  const rows = await runCell({ ...base, generator: { kind: "flip", eps }, verifier: noisy, selection: { kind: "bestOfK", k } }, R, { seed: 52 });
  const alpha = phi * a + psi * (1 - a), keptK = 1 - powInt(1 - alpha, k), p = (phi * a) / alpha;
  assertMeanWithinSE(metric(rows, "keptCorrectRate"), (keptK * p) / (k * a), "keptCorrectRate");
  assertMeanWithinSE(metric(rows, "keptWrongRate"), (keptK * (1 - p)) / (k * (1 - a)), "keptWrongRate");
  assertMeanWithinSE(metric(rows, "breakdownPoint"), phi / (phi + psi), "breakdownPoint");
});

test("the oracle's rates are 1 and 0; without a verifier both are 1; no wrong candidates, no psi-hat", async () => {
  const oracle = await runCell({ ...base, generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "oracle" } }, 3, { seed: 53 });
  for (const row of oracle.filter((r) => r.generation === 1)) assert.equal([row.keptCorrectRate, row.keptWrongRate, row.breakdownPoint], [1, 0, 1]);
  const none = await runCell({ ...base, generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "none" } }, 3, { seed: 53 });
  for (const row of none.filter((r) => r.generation === 1)) assert.equal([row.keptCorrectRate, row.keptWrongRate, row.breakdownPoint], [1, 1, 0.5]);
  const perfect = await runCell({ ...base, generator: { kind: "flip", eps: 0 }, verifier: noisy }, 2, { seed: 53 });
  for (const row of perfect.filter((r) => r.generation === 1)) assert.equal([row.keptWrongRate, row.breakdownPoint], [null, null]);
});

test("verifierAccuracy: a linear verifier's Phi(mu cos a_v), the oracle's 1, self-selection's the round's generator's, else empty", async () => {
  const mu = 1.5;
  const linear = await runCell({ ...base, mu, generator: { kind: "linear", angle: 50 }, verifier: { kind: "linear", angle: 20 } }, 2, { seed: 54, generations: 2 });
  for (const row of linear) assert.is(row.verifierAccuracy, row.generation === 0 ? null : normalCdf(mu * Math.cos((20 * Math.PI) / 180)));
  const oracle = await runCell({ ...base, generator: { kind: "flip", eps: 0.2 }, verifier: { kind: "oracle" } }, 2, { seed: 54 });
  assert.equal(metric(oracle, "verifierAccuracy"), [1, 1]);
  const self = await runCell({ ...base, mu, generator: { kind: "logistic", angle: 50, sharpness: 3 }, verifier: { kind: "self", margin: 0.5 } }, 2, { seed: 54, generations: 3 });
  for (let replicate = 0; replicate < 2; replicate++) {
    const own = self.filter((row) => row.replicate === replicate).sort((a, b) => (a.generation as number) - (b.generation as number));
    // Round t's generator is generation t - 1's model (the generator itself at t = 1).
    for (let t = 1; t <= 3; t++) assert.is(own[t].verifierAccuracy, own[t - 1].accuracy, `replicate ${replicate} round ${t}`);
  }
  for (const verifier of [noisy, { kind: "random", keep: 0.5 }, { kind: "none" }]) {
    const rows = await runCell({ ...base, generator: { kind: "flip", eps: 0.2 }, verifier }, 1, { seed: 54 });
    assert.ok(rows.every((row) => row.verifierAccuracy === null), verifier.kind);
  }
});

test.run();
