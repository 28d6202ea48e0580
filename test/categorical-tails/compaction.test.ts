// Dropping the symbols that cannot come back (CountRefit's compact option) changes nothing but
// where the blocks keep the live ones: under every schedule, in both modes, a compacted refit
// and a full one draw the same counts (a symbol of weight 0 consumes no randomness) and reach
// the same model, symbol by symbol, with the dropped symbols' p0 mass set apart.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createEngine, resolveParams } from "../../src/index.js";
import { CountRefit } from "../../src/schedules/index.js";
import { scenario } from "../../src/scenarios/categorical-tails/index.js";
import { zipfBase } from "../../src/scenarios/categorical-tails/transform.js";

const SCHEDULES = [
  { kind: "replace" },
  { kind: "replace", growth: { kind: "linear", rate: 0.5 } },
  { kind: "accumulate" },
  { kind: "accumulate-subsample" },
  { kind: "fixed-real", lambda: 2, nReal: 40 },
  { kind: "fresh-real", realFraction: 0.2 },
];

/** The model over all K symbols, from the blocks' live entries. */
function fullModel(refit: CountRefit, k: number): Float64Array {
  const out = new Float64Array(k), model = refit.model.view;
  for (let j = 0; j < refit.live; j++) out[refit.symbols ? refit.symbols[j] : j] = model[j];
  return out;
}

test("a compacted refit reaches the same models as a full one, under every schedule and in both modes", async () => {
  const engine = await createEngine("wasm");
  const k = 300;
  const p0 = zipfBase(k, 1.3, 0);
  for (const schedule of SCHEDULES) for (const expected of [false, true]) {
    const p = resolveParams(scenario, { support: k, samples: 120, schedule, expected });
    const runs = [false, true].map((compact) => {
      const rng = engine.stream(9);
      const refit = new CountRefit(engine, rng, p.schedule, p.samples, p0, expected, { compact });
      const weights = engine.f64(k);
      return { rng, refit, weights };
    });
    let dropped = false;
    for (let t = 1; t <= 25; t++) {
      const models = runs.map(({ rng, refit, weights }) => {
        // A top-k cut as the sampling transform, so that expected mode loses symbols too.
        const n = refit.live, q = weights.view.subarray(0, n), model = refit.model.view;
        let kept = 0;
        for (let j = 0; j < n; j++) kept += (q[j] = (refit.symbols ? refit.symbols[j] : j) < 150 ? model[j] : 0);
        for (let j = 0; j < n; j++) q[j] /= kept;
        if (expected) refit.expectedRefit(t, q);
        else refit.refit(refit.plan.round(t), (count, into) => engine.multinomialCounts(rng, weights, count, into, n));
        return fullModel(refit, k);
      });
      const [full, compacted] = models;
      const what = `${JSON.stringify(schedule)} ${expected ? "expected" : "sampling"} round ${t}`;
      for (let i = 0; i < k; i++) assert.ok(Object.is(full[i], compacted[i]), `${what}: symbol ${i}: ${full[i]} vs ${compacted[i]}`);
      const { symbols, live } = runs[1].refit;
      const kept = new Set(symbols ? symbols.subarray(0, live) : Array.from({ length: live }, (_, j) => j));
      let lost = 0;
      for (let i = 0; i < k; i++) if (!kept.has(i)) lost += p0[i];
      // Kept at 0 only where a symbol can come back: accumulate-subsample's pool, fresh real tokens.
      const comesBack = schedule.kind === "accumulate-subsample" || (schedule.kind === "fresh-real" && !expected);
      for (const i of kept) assert.ok(full[i] > 0 || comesBack, `${what}: symbol ${i} kept at 0`);
      assert.ok(Math.abs(runs[1].refit.deadMass - lost) < 1e-15, `${what}: dead mass`);
      dropped ||= runs[1].refit.live < k;
    }
    assert.is(runs[0].refit.live, k, "the full refit keeps every symbol");
    // Fresh real tokens can bring any symbol back; in expected mode, real data keeps p0's whole support.
    const revives = schedule.kind === "fresh-real" && !expected;
    const keepsBase = expected && (schedule.kind === "fresh-real" || schedule.kind === "fixed-real");
    assert.is(dropped, !revives && !keepsBase, `${JSON.stringify(schedule)} ${expected ? "expected" : "sampling"}: symbols dropped`);
    runs.forEach(({ rng, refit, weights }) => (refit.free(), weights.free(), rng.free()));
  }
});

test.run();
