// The gaussian-refit scenario's parameters (docs/theory/gaussian-refit.md), each with its
// meaning, and the limits across parameters: a full covariance needs more points than
// dimensions, and a pool of points must fit in memory.
import type * as z from "zod/mini";
import { integer, oneOf, param, real, strictObject } from "../../validation/schema.js";
import type { SpecIssue } from "../../validation/spec-error.js";
import { SCHEDULE_KINDS, checkSchedule, scheduleParam, type ScheduleLimits } from "../../schedules/index.js";

export const MAX_DIM = 64;
export const MAX_SAMPLES = 2 ** 40;
/** What the pool of accumulate-subsample may take in engine memory. */
export const POOL_MEMORY_BYTES = 2 ** 30;

export const params = strictObject({
  dim: param(integer(1, MAX_DIM), { default: 1, description: "d, the dimension of the Gaussian" }),
  samples: param(integer(2, MAX_SAMPLES), {
    default: 100,
    description: "n, the points of a round (with covariance full, at least dim + 1); the schedule may grow it",
  }),
  estimator: param(oneOf(["mle", "unbiased"], {
    mle: "the scatter divided by the point count N (numpy's ddof = 0)",
    unbiased: "the scatter divided by N - 1 (ddof = 1)",
  }), { default: "mle", description: "how the covariance is fitted" }),
  covariance: param(oneOf(["full", "scalar"], {
    full: "a full covariance matrix",
    scalar: "s^2 I with s^2 = tr(scatter) / (d c): one variance shared by every axis",
  }), { default: "full", description: "the covariance model (the two coincide at dim 1)" }),
  temperature: param(real(0, 4, { loOpen: true }), {
    default: 1,
    description: "tau: a model samples N(mu, tau Sigma), real points excepted (tau < 1 is a sampling bias towards the mode)",
  }),
  sigma0: param(real(0, 1e6, { loOpen: true }), { default: 1, description: "the truth's standard deviation: generation 0 is N(0, sigma0^2 I)" }),
  method: param(oneOf(["exact", "direct"], {
    exact: "each batch's mean and scatter drawn from their exact law (normals and Bartlett factors), with no work per point; the points themselves only where the schedule keeps them (accumulate-subsample) or a batch has at most dim points",
    direct: "every point drawn, then its batch's mean and scatter: the reference the exact method is tested against",
  }), { default: "exact", description: "how a round's points are drawn" }),
  schedule: scheduleParam({ kinds: SCHEDULE_KINDS }),
});

export type Params = z.output<typeof params>;

/** What the schedule needs of these parameters: enough points to fit the covariance, and memory for a pool of points. */
function scheduleLimits(p: Params): ScheduleLimits {
  return {
    maxRoundSize: MAX_SAMPLES,
    minTraining: p.covariance === "full" ? p.dim + 1 : 2,
    pool: { pointBytes: 8 * p.dim, memoryBytes: POOL_MEMORY_BYTES, what: `points of dim = ${p.dim} numbers` },
  };
}

/** Limits across parameters; paths relative to params. */
export function checkParams(p: Params): SpecIssue[] {
  if (p.covariance === "full" && p.samples < p.dim + 1) {
    return [{ path: "samples", value: p.samples, problem: "too small", allowed: `at least dim + 1 = ${p.dim + 1} points a round with covariance "full"` }];
  }
  return checkSchedule(p.schedule, p.samples, scheduleLimits(p));
}

/** The limits over a run of `generations` rounds (a growing round size, the pool). */
export function checkGenerations(p: Params, generations: number): SpecIssue[] {
  return checkSchedule(p.schedule, p.samples, scheduleLimits(p), generations);
}
