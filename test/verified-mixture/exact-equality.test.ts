// The exact method draws the same distribution of results as the direct one (the reference,
// every point drawn in d dimensions): over R independent replicates per method, a two-sample
// Kolmogorov-Smirnov test at level ALPHA does not reject, and the means agree within Z
// combined standard errors, for each statistic below.
//
// Statistics compared: accuracy, keptFraction, keptLabelAccuracy, the share of right candidate
// labels (candidatesAgree / m: k per point under best-of-k), and entries of the round's
// X^T X and X^T y' that mean the same in both methods' bases: (e1, e1) and b_1 always (both
// bases start with e1); (e1, e2) and (e2, e2) in round 1, where the exact frame's second
// vector is e2 or a direction outside every labelling and check direction, and in every
// round with a linear verifier, which fixes e2; and the rotation-invariant trace of X^T X and
// |X^T y'|. Round 2 on, the generator is the model, so these test the self-consuming loop.
//
// Levels: 9 settings, 18 to 30 statistics each, 212 in all, each tested twice. A KS test at
// ALPHA = 1e-4 per statistic gives at most 212 x 1e-4 = 2.1% family-wise false rejections; a
// mean off by more than Z = 4.5 SE happens with probability 7e-6 each (0.15% in all). With
// R = 2000 per method the KS critical D is 0.070, so a shift of about 0.15 standard deviations
// in any statistic fails. The seeds are fixed, so the outcome is reproducible; the levels say
// what a pass is worth. Two settings reach the exact method's corner cases: fewer kept rows
// than the rest block's dimension (W is H^T H of drawn rows) and fewer than k + 1 (a
// rank-deficient moment matrix; rounds that keep nothing and fit w = 0). The last two draw
// labels from x (the logistic generator) and select among several candidates.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ksTwoSample, ksCritical, mean, standardError, assertWithinSE, Z } from "../helpers/stats.js";
import { resolveParams, scenarios } from "../../src/scenarios/index.js";
import { roundStatistics } from "../../src/scenarios/verified-mixture/rounds.js";
import type { Params as VerifiedMixtureParams } from "../../src/scenarios/verified-mixture/params.js";
import { replicateSeed } from "../../src/study/seeds.js";
import type { Engine } from "../../src/engine/index.js";
import { engine } from "./replicates.js";

const R = 2000;
const ALPHA = 1e-4;

const settings: [name: string, params: Record<string, unknown>, generations: number][] = [
  ["flip labels, noisy verifier, real points", { d: 8, nSynthetic: 300, nReal: 20, generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 } }, 3],
  ["linear generator, linear verifier with margin", { d: 7, mu: 1.5, nSynthetic: 400, ridge: 0.1, generator: { kind: "linear", angle: 50 }, verifier: { kind: "linear", angle: -20, margin: 0.3 } }, 3],
  ["linear generator, self-selection", { d: 9, nSynthetic: 300, generator: { kind: "linear", angle: 35 }, verifier: { kind: "self", margin: 0.3 } }, 3],
  ["linear generator, oracle, real points", { d: 6, nSynthetic: 200, nReal: 15, generator: { kind: "linear", angle: -60 }, verifier: { kind: "oracle" } }, 3],
  ["flip labels, linear verifier, real points", { d: 5, nSynthetic: 200, nReal: 10, generator: { kind: "flip", eps: 0.4 }, verifier: { kind: "linear", angle: 30 } }, 3],
  ["more dimensions than points: the singular Wishart block", { d: 40, nSynthetic: 25, ridge: 0.5, generator: { kind: "linear", angle: 20 }, verifier: { kind: "random", keep: 0.6 } }, 2],
  ["a handful of points: rank-deficient moments, empty rounds", { d: 10, nSynthetic: 4, generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "oracle" } }, 2],
  ["logistic generator, best of 3, linear verifier with margin", { d: 6, nSynthetic: 300, generator: { kind: "logistic", angle: 40, sharpness: 2 }, verifier: { kind: "linear", angle: 10, margin: 0.2 }, selection: { kind: "bestOfK", k: 3 } }, 2],
  ["flip labels, best of 4, noisy verifier (point by point)", { d: 7, nSynthetic: 300, nReal: 10, generator: { kind: "flip", eps: 0.35 }, verifier: { kind: "noisy", phi: 0.6, psi: 0.3 }, selection: { kind: "bestOfK", k: 4 } }, 2],
];

/** The statistics of one replicate, by name (name@generation). */
function statistics(wasm: Engine, params: VerifiedMixtureParams, generations: number, seed: bigint): Map<string, number> {
  const out = new Map<string, number>();
  const d = params.d;
  const rounds = roundStatistics(wasm, params, { generations, seed });
  const fixedE2 = params.verifier.kind === "linear";
  for (const round of rounds) {
    const put = (name: string, value: number) => out.set(`${name}@${round.generation}`, value);
    const { gram, rhs } = round;
    let trace = 0, rhsNorm = 0;
    for (let i = 0; i < d; i++) {
      trace += gram[i * d + i];
      rhsNorm += rhs[i] ** 2;
    }
    put("accuracy", round.accuracy);
    put("XtX(e1,e1)", gram[0]);
    put("Xty(e1)", rhs[0]);
    put("trace XtX", trace);
    put("|Xty|", Math.sqrt(rhsNorm));
    put("keptFraction", round.kept / params.nSynthetic);
    if (round.kept > 0) put("keptLabelAccuracy", round.keptAgree / round.kept);
    put("candidatesAgree", round.candidatesAgree / params.nSynthetic);
    if (round.generation === 1 || fixedE2) {
      put("XtX(e1,e2)", gram[1]);
      put("XtX(e2,e2)", gram[d + 1]);
    }
  }
  return out;
}


/** name -> values over replicates, for one method. */
function sample(wasm: Engine, params: Record<string, unknown>, method: "direct" | "exact", generations: number): Map<string, number[]> {
  const resolved = resolveParams(scenarios["verified-mixture"], { ...params, method });
  const values = new Map<string, number[]>();
  for (let replicate = 0; replicate < R; replicate++) {
    // Independent seeds for the two methods: their samples must be independent for the tests.
    const seed = replicateSeed(method === "direct" ? 1n : 2n, replicate, 2025);
    for (const [name, value] of statistics(wasm, resolved, generations, seed)) {
      if (!values.has(name)) values.set(name, []);
      values.get(name)!.push(value);
    }
  }
  return values;
}

for (const [name, params, generations] of settings) {
  test(`exact and direct methods draw the same distribution: ${name}`, async () => {
    const wasm = await engine("wasm");
    const direct = sample(wasm, params, "direct", generations);
    const exact = sample(wasm, params, "exact", generations);
    assert.equal([...exact.keys()].sort(), [...direct.keys()].sort(), "the same statistics");
    for (const [statistic, a] of direct) {
      const b = exact.get(statistic)!;
      const D = ksTwoSample(a, b);
      const critical = ksCritical((a.length * b.length) / (a.length + b.length), ALPHA);
      assert.ok(D <= critical, `${statistic}: KS D = ${D.toFixed(4)} > ${critical.toFixed(4)} (level ${ALPHA})`);
      const se = Math.hypot(standardError(a), standardError(b));
      if (se === 0) assert.is(mean(a), mean(b), `${statistic}: constant in both`);
      else assertWithinSE(mean(b) - mean(a), 0, se, `${statistic}: mean exact - mean direct`, Z);
    }
  });
}

test.run();
