// Bad parameters are rejected before any work starts, with a message naming the parameter,
// the value found and the allowed range.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate, SpecError, type Engine } from "../../src/index.js";
import { resolveParams, scenarios } from "../../src/scenarios/index.js";
import { MAX_D, MAX_POINTS_DIRECT, MAX_POINTS_EXACT } from "../../src/scenarios/verified-mixture/params.js";

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
