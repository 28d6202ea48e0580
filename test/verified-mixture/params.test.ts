// Bad parameters are rejected before any work starts, with a message naming the parameter,
// the value found and the allowed range.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate, SpecError, type Engine } from "../../src/index.js";
import { resolveParams, scenarios } from "../../src/scenarios/index.js";
import { cellKey } from "../../src/study/seeds.js";
import { flattenParams } from "../../src/study/flatten.js";
import { MAX_D, MAX_POINTS_DIRECT, MAX_POINTS_EXACT, maxLogisticPoints } from "../../src/scenarios/verified-mixture/params.js";

/** An engine that fails the test if any work reaches it. */
const untouchable = new Proxy({ kind: "wasm" } as Engine, {
  get(target, key) {
    if (key === "kind") return "wasm";
    if (key === "then") return undefined;
    throw new Error(`work started: engine.${String(key)} was used`);
  },
});

async function rejection(spec: Record<string, unknown>): Promise<string> {
  try {
    await simulate({ scenario: "verified-mixture", seeds: 2, ...spec }, { engine: untouchable });
  } catch (error) {
    assert.instance(error, SpecError, String(error));
    return (error as Error).message;
  }
  throw new Error("the spec was accepted");
}

const cases: [string, Record<string, unknown>, string][] = [
  ["negative d", { params: { d: -3 } }, `params.d: out of range (got -3); allowed: an integer in [1, ${MAX_D}]`],
  ["d too large for the d x d system to fit wasm memory", { params: { d: 20000 } }, "params.d: out of range (got 20000); allowed: an integer in [1, 11585]"],
  ["eps above 1", { params: { generator: { kind: "flip", eps: 1.5 } } }, "params.generator.eps: out of range (got 1.5); allowed: a number in [0, 1]"],
  ["eps below 0", { params: { generator: { kind: "flip", eps: -0.1 } } }, "params.generator.eps: out of range (got -0.1); allowed: a number in [0, 1]"],
  ["unknown verifier kind", { params: { verifier: { kind: "magic" } } },
    'params.verifier.kind: unknown value (got "magic"); allowed: one of "none", "oracle", "random", "noisy", "linear", "self"'],
  ["missing generator angle", { params: { generator: { kind: "linear" } } }, "params.generator.angle: missing; allowed: a number in [-180, 180] (degrees)"],
  ["missing verifier angle", { params: { verifier: { kind: "linear", margin: 1 } } }, "params.verifier.angle: missing; allowed: a number in [-180, 180] (degrees)"],
  ["a linear generator needs d >= 2", { params: { d: 1, generator: { kind: "linear", angle: 30 } } },
    `params.d: out of range (got 1); allowed: an integer in [2, ${MAX_D}] with a linear generator or verifier (their directions lie in span{e1, e2})`],
  ["self-selection needs a generator with a margin", { params: { generator: { kind: "flip", eps: 0.1 }, verifier: { kind: "self", margin: 1 } } },
    'params.verifier.kind: not allowed with generator.kind "flip" (got "self"); allowed: one of "none", "oracle", "random", "noisy", "linear" with a flip generator (self-selection needs a generator with a margin)'],
  ["unknown key", { params: { verifier: { kind: "noisy", phi: 0.8, psi: 0.3, chi: 1 } } }, "params.verifier.chi: unknown key (got 1); allowed: keys kind, phi, psi"],
  ["unknown method", { params: { method: "fast" } }, 'params.method: unknown value (got "fast"); allowed: one of "auto", "direct", "exact"'],
  ["more points than the direct method counts", { params: { method: "direct", nSynthetic: 2e9 } },
    `params.nSynthetic: out of range (got 2000000000); allowed: an integer in [1, ${MAX_POINTS_DIRECT}] with method "direct" (up to ${MAX_POINTS_EXACT} with "exact" or "auto")`],
  ["more real points than the direct method counts", { params: { method: "direct", nReal: 1_500_000_000 } },
    `params.nReal: out of range (got 1500000000); allowed: an integer in [0, ${MAX_POINTS_DIRECT}] with method "direct" (up to ${MAX_POINTS_EXACT} with "exact" or "auto")`],
  ["more points than the exact method allows", { params: { method: "exact", nSynthetic: 2e12 } },
    `params.nSynthetic: out of range (got 2000000000000); allowed: an integer in [1, ${MAX_POINTS_EXACT}]`],
  ["the exact method with the logistic learner", { params: { learner: "logistic", method: "exact" } },
    'params.method: not allowed with learner "logistic" (got "exact"); allowed: one of "auto", "direct" with the logistic learner (its loss needs every point, not the sufficient statistics the exact method draws)'],
  ["an unknown learner", { params: { learner: "svm" } }, 'params.learner: unknown value (got "svm"); allowed: one of "ridge", "logistic"'],
  ["more points than the logistic learner keeps", { params: { learner: "logistic", d: 100, nSynthetic: 2_000_000 } },
    `params.nSynthetic: out of range (got 2000000); allowed: at most ${maxLogisticPoints(100)} points a round (nSynthetic + nReal) with the logistic learner at d = 100 (it keeps every kept point, d f64 each, in one wasm allocation)`],
  ["best of 0", { params: { selection: { kind: "bestOfK", k: 0 } } }, "params.selection.k: out of range (got 0); allowed: an integer in [1, 256]"],
  ["best of 2.5", { params: { selection: { kind: "bestOfK", k: 2.5 } } }, "params.selection.k: out of range (got 2.5); allowed: an integer in [1, 256]"],
  ["best of more candidates than a block holds", { params: { selection: { kind: "bestOfK", k: 300 } } }, "params.selection.k: out of range (got 300); allowed: an integer in [1, 256]"],
  ["best of k without k", { params: { selection: { kind: "bestOfK" } } }, "params.selection.k: missing; allowed: an integer in [1, 256]"],
  ["an unknown selection", { params: { selection: { kind: "top", k: 3 } } }, 'params.selection.kind: unknown value (got "top"); allowed: one of "filter", "bestOfK"'],
  ["a logistic generator without its sharpness", { params: { generator: { kind: "logistic", angle: 30 } } }, "params.generator.sharpness: missing; allowed: a number in (0, 1000000]"],
  ["a logistic generator of sharpness 0", { params: { generator: { kind: "logistic", angle: 30, sharpness: 0 } } }, "params.generator.sharpness: out of range (got 0); allowed: a number in (0, 1000000]"],
  ["a bad grid value, even after good cells", { params: { generator: { kind: "flip", eps: 0.1 } }, grid: { "generator.eps": [0.1, 0.3, 1.2] } },
    "grid.generator.eps[2]: out of range (got 1.2); allowed: a number in [0, 1]"],
];

for (const [name, spec, message] of cases) {
  test(`rejected before work: ${name}`, async () => {
    assert.is(await rejection(spec), message);
  });
}

test("the d limit is what fits: 8 d^2 bytes in one 1 GiB wasm allocation", () => {
  assert.ok(8 * MAX_D ** 2 <= 2 ** 30 - 64 && 8 * (MAX_D + 1) ** 2 > 2 ** 30 - 64);
});

test("the point limits: 32-bit counters for direct, f64 (exact to 2^53) for exact", () => {
  assert.ok(2 * MAX_POINTS_DIRECT <= 2 ** 31 - 1, "nSynthetic + nReal fits the direct kernel's counters");
  assert.ok(2 * MAX_POINTS_EXACT <= Number.MAX_SAFE_INTEGER, "nSynthetic + nReal fits the exact kernel's f64 counts");
  assert.ok(MAX_POINTS_EXACT >= 1e10, "the exact method allows m = 10^10");
  for (const method of ["auto", "exact"]) {
    const params = resolveParams(scenarios["verified-mixture"], { method, nSynthetic: 1e10, nReal: 1e10 });
    assert.is(params.nSynthetic, 1e10);
  }
});

test("learner and selection at their defaults stay out of the parameters, given or not: earlier specs keep their rows and seeds", () => {
  const scenario = scenarios["verified-mixture"];
  const given = resolveParams(scenario, { learner: "ridge", selection: { kind: "filter" } });
  const omitted = resolveParams(scenario, {});
  assert.is(given.learner, undefined);
  assert.is(given.selection, undefined);
  assert.equal(flattenParams(given), flattenParams(omitted), "the same row columns");
  assert.is(cellKey(scenario.name, given), cellKey(scenario.name, omitted), "the same cell key, so the same seeds");
  const chosen = resolveParams(scenario, { learner: "logistic", selection: { kind: "bestOfK", k: 3 } });
  assert.is(chosen.learner, "logistic");
  assert.equal(chosen.selection, { kind: "bestOfK", k: 3 });
});

test("defaults: the setting of the theory page's table", () => {
  const params = resolveParams(scenarios["verified-mixture"], {});
  assert.equal(params, {
    d: 200, mu: 1, nSynthetic: 2000, nReal: 0, ridge: 1,
    generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 }, method: "auto",
  });
  const linear = resolveParams(scenarios["verified-mixture"], { verifier: { kind: "linear", angle: 10 } });
  assert.equal(linear.verifier, { kind: "linear", angle: 10, margin: 0 }, "the linear verifier's margin defaults to 0");
});

test.run();
