// regression-chain's bad input, refused before any work with the dotted path, the value and what
// is allowed: a fixed design with a growing round, a key of another schedule kind, a shift at
// dim 1, values out of range, and a pool or round too large for engine memory.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate } from "../../src/index.js";
import { resolveStudy } from "../../src/study/spec.js";
import { SpecError, formatIssue } from "../../src/validation/spec-error.js";

/** The issues of a regression-chain study, formatted; [] when it resolves. */
function issues(params: Record<string, unknown>, generations = 5): string[] {
  try {
    resolveStudy({ scenario: "regression-chain", params, generations });
    return [];
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.issues.map(formatIssue);
  }
}

test("a fixed design needs a constant round size; a fresh one may grow", () => {
  assert.equal(issues({ schedule: { kind: "replace", growth: { kind: "linear", rate: 1 } } }), [
    `params.schedule.growth.kind: not allowed (got "linear"); allowed: "constant" with design "fixed": a fixed design reuses the same rows every round, so the round size cannot grow`,
  ]);
  assert.equal(issues({ design: "fresh", schedule: { kind: "replace", growth: { kind: "linear", rate: 1 } } }), []);
  assert.equal(issues({ design: "fixed", schedule: { kind: "accumulate", growth: { kind: "constant" } } }), []);
});

test("a key of another schedule kind is an unknown key, naming the kind's keys", () => {
  assert.equal(issues({ schedule: { kind: "replace", lambda: 2 } }), ["params.schedule.lambda: unknown key (got 2); allowed: keys kind, growth"]);
  assert.equal(issues({ schedule: { kind: "fixed-real", realFraction: 0.5 } }), ["params.schedule.realFraction: unknown key (got 0.5); allowed: keys kind, lambda, nReal"]);
});

test("a shift needs a second axis; dim, ridge and design have their ranges", () => {
  assert.equal(issues({ dim: 1, shift: 1 }), ["params.shift: not allowed (got 1); allowed: 0 at dim 1: the shift is along e2, which needs dim >= 2"]);
  assert.equal(issues({ dim: 1 }), []);
  assert.equal(issues({ dim: 513 }), ["params.dim: out of range (got 513); allowed: an integer in [1, 512]"]);
  assert.equal(issues({ ridge: -1 }), ["params.ridge: out of range (got -1); allowed: a number in [0, 1000000]"]);
  assert.equal(issues({ design: "random" }), ['params.design: unknown value (got "random"); allowed: one of "fixed", "fresh"']);
});

test("rows that would not fit in engine memory: a direct round, and the pool of accumulate-subsample", () => {
  assert.equal(issues({ dim: 512, samples: 1_000_000, method: "direct" }), [
    "params.samples: too large (got 1000000); allowed: round sizes n_t of at most 261632 points (round 1 would have 1000000)",
  ]);
  assert.equal(issues({ dim: 512, samples: 1_000_000 }), [], "the exact method draws no rows");
  const pool = issues({ dim: 100, samples: 10_000, design: "fresh", schedule: { kind: "accumulate-subsample" } }, 200);
  assert.is(pool.length, 1);
  assert.match(pool[0], /^params\.schedule\.kind: too large \(got "accumulate-subsample"\); allowed: at most 132 generations at samples = 10000/);
});

test("the exact method runs a valid spec with 2^30 samples a round: nothing is sized by the samples", async () => {
  for (const design of ["fixed", "fresh"] as const) {
    const rows = await simulate({ scenario: "regression-chain", params: { dim: 8, samples: 2 ** 30, design }, generations: 2, seeds: 1 });
    assert.is(rows.length, 3, design);
    assert.ok(rows.every((r) => Number.isFinite(r.testError as number)), design);
  }
});

test.run();
