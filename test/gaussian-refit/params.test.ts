// gaussian-refit's bad input, refused before any work with the dotted path, the value and what is
// allowed: a full covariance with too few points, a key of another schedule kind, an unknown
// kind, schedule counts that leave a round without points, a growth rate out of its kind's
// range, and a pool or a round size too large for the generations asked.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { resolveStudy } from "../../src/study/spec.js";
import { SpecError, formatIssue } from "../../src/validation/spec-error.js";

/** The issues of a gaussian-refit study, formatted; [] when it resolves. */
function issues(params: Record<string, unknown>, generations = 5, grid?: Record<string, unknown[]>): string[] {
  try {
    resolveStudy({ scenario: "gaussian-refit", params, generations, ...(grid && { grid }) });
    return [];
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.issues.map(formatIssue);
  }
}

test("a full covariance needs dim + 1 points a round, and a training set of as many", () => {
  assert.equal(issues({ dim: 5, samples: 5 }), [`params.samples: too small (got 5); allowed: at least dim + 1 = 6 points a round with covariance "full"`]);
  assert.equal(issues({ dim: 5, samples: 5, covariance: "scalar" }), []);
  assert.equal(issues({ dim: 5, samples: 6, schedule: { kind: "fixed-real", nReal: 2, lambda: 1 } }), [
    "params.schedule.nReal: too small (got 2); allowed: a training set nReal + round(lambda nReal) of at least 6 points (now 2 + 2)",
  ]);
});

test("a key of another schedule kind is an unknown key; an unknown kind names the known ones", () => {
  assert.equal(issues({ schedule: { kind: "replace", lambda: 2 } }), ['params.schedule.lambda: unknown key (got 2); allowed: keys kind, growth']);
  assert.equal(issues({ schedule: { kind: "accumulate-subsample", growth: { kind: "linear", rate: 1 } } }), [
    'params.schedule.growth: unknown key (got {"kind":"linear","rate":1}); allowed: keys kind',
  ]);
  assert.equal(issues({ schedule: { kind: "fresh-real", nReal: 3 } }), ["params.schedule.nReal: unknown key (got 3); allowed: keys kind, realFraction, growth"]);
  assert.equal(issues({ schedule: { kind: "mixed" } }), [
    'params.schedule.kind: unknown value (got "mixed"); allowed: one of "replace", "accumulate", "accumulate-subsample", "fixed-real", "fresh-real"',
  ]);
});

test("fixed-real needs a synthetic point a round, fresh-real a real and a synthetic one in every round", () => {
  assert.equal(issues({ samples: 10, schedule: { kind: "fixed-real", lambda: 0.01 } }), [
    "params.schedule.lambda: too small (got 0.01); allowed: a lambda with M = round(lambda nReal) >= 1 synthetic point a round (nReal = 10): at least 0.0500",
  ]);
  assert.equal(issues({ samples: 10, schedule: { kind: "fresh-real", realFraction: 0.02 } }), [
    "params.schedule.realFraction: too small (got 0.02); allowed: a fraction with 1 <= round(realFraction n_t) <= n_t - 1 in every round (round 1: n_t = 10, n_r = 0)",
  ]);
  assert.equal(issues({ samples: 10, schedule: { kind: "fresh-real", realFraction: 0.97 } }), [
    "params.schedule.realFraction: too large (got 0.97); allowed: a fraction with 1 <= round(realFraction n_t) <= n_t - 1 in every round (round 1: n_t = 10, n_r = 10)",
  ]);
});

test("a growth rate out of its kind's range, and round sizes beyond the largest", () => {
  assert.equal(issues({ schedule: { kind: "replace", growth: { kind: "geometric", rate: 0.5 } } }), [
    "params.schedule.growth.rate: out of range (got 0.5); allowed: a number in [1, 4] for geometric growth",
  ]);
  assert.equal(issues({ schedule: { kind: "replace", growth: { kind: "linear", rate: 101 } } }), [
    "params.schedule.growth.rate: out of range (got 101); allowed: a number in [0, 100]",
  ]);
  assert.equal(issues({ samples: 1000, schedule: { kind: "accumulate", growth: { kind: "geometric", rate: 4 } } }, 40), [
    "params.schedule.growth.rate: too large (got 4); allowed: round sizes n_t of at most 1099511627776 points (round 17 would have 4294967296000)",
  ]);
  assert.equal(issues({ samples: 1000, schedule: { kind: "accumulate", growth: { kind: "geometric", rate: 4 } } }, 16), []);
});

test("accumulate-subsample keeps its pool's points: too many generations is refused naming the schedule, with the most allowed", () => {
  const [issue] = issues({ dim: 64, samples: 100_000, schedule: { kind: "accumulate-subsample" } }, 100);
  assert.match(issue, /^params\.schedule\.kind: too large \(got "accumulate-subsample"\); allowed: at most 20 generations at samples = 100000/);
  assert.equal(issues({ dim: 64, samples: 100_000, schedule: { kind: "accumulate-subsample" } }, 20), []);
  // In a grid, for the cell that causes it.
  assert.match(issues({ dim: 64, schedule: { kind: "accumulate-subsample" } }, 100, { samples: [100, 100_000] })[0], /^params\.schedule\.kind: too large .* at samples = 100000/);
});

test.run();
