// The regression-chain scenario's parameters (docs/theory/regression-chain.md), each with its
// meaning, and the limits across parameters: a fixed design needs a constant round size, and the
// rows a round draws (or a pool keeps) must fit in engine memory.
import type * as z from "zod/mini";
import { boolean, integer, oneOf, param, real, strictObject } from "../../validation/schema.js";
import type { SpecIssue } from "../../validation/spec-error.js";
import { SCHEDULE_KINDS, checkSchedule, scheduleParam, type ScheduleLimits } from "../../schedules/index.js";

export const MAX_DIM = 512;
export const MAX_SAMPLES = 2 ** 40;
/** Numbers of rows (inputs and labels) a replicate may hold in engine memory at once: 1 GiB. */
export const ROW_MEMORY_BYTES = 2 ** 30;

export const params = strictObject({
  dim: param(integer(1, MAX_DIM), { default: 10, description: "d, the dimension of the inputs x ~ N(0, I_d)" }),
  samples: param(integer(1, MAX_SAMPLES), { default: 100, description: "n, the labelled rows of a round; the schedule may grow it" }),
  noise: param(real(0, 1e6), { default: 1, description: "sigma, the label noise: y = x . w + sigma eps" }),
  signal: param(real(0, 1e6), { default: 1, description: "|w*|: the truth is w* = signal e1" }),
  shift: param(real(0, 1e6), {
    default: 0,
    description: "generation 0 is w* + shift e2: 0 starts from the truth, > 0 from a mis-specified first generator (real labels always come from w*)",
  }),
  ridge: param(real(0, 1e6), {
    default: 0,
    description: "lambda: the fit minimises (1/N)|X w - y|^2 + lambda |w|^2 over its N rows; 0 is least squares of minimum norm (the pseudo-inverse)",
  }),
  design: param(oneOf(["fixed", "fresh"], {
    fixed: "every round reuses the same inputs, only the label noise is new (Gerstgrasser et al., Kazdan et al.); needs a constant round size",
    fresh: "new inputs every round (Dohmatob et al.)",
  }), { default: "fixed", description: "whether a round's inputs are drawn once or every round" }),
  method: param(oneOf(["exact", "direct"], {
    exact: "a batch of m >= dim rows is drawn as its exact statistics X^T X (a Bartlett factor) and X^T y, with no work per row; the rows themselves where the schedule keeps them or the fit needs them",
    direct: "every row and label drawn: the reference the exact method is tested against",
  }), { default: "exact", description: "how a round's rows are drawn" }),
  conditional: param(boolean(), {
    default: true,
    description: "compute conditionalTestError, the expected error given every input drawn (a few d x d products a round: O(d^3))",
  }),
  schedule: scheduleParam({ kinds: SCHEDULE_KINDS }),
});

export type Params = z.output<typeof params>;

/** Whether a replicate draws rows (not only statistics) for its synthetic batches: direct, or a pool of points. */
export function drawsRows(p: Params): boolean {
  return p.method === "direct" || p.schedule.kind === "accumulate-subsample";
}

function scheduleLimits(p: Params): ScheduleLimits {
  const rowBytes = 8 * (p.dim + 1);
  return {
    maxRoundSize: drawsRows(p) ? Math.floor(ROW_MEMORY_BYTES / rowBytes) : MAX_SAMPLES,
    minTraining: 1,
    pool: {
      pointBytes: p.design === "fixed" ? 16 : rowBytes,
      memoryBytes: ROW_MEMORY_BYTES,
      what: p.design === "fixed" ? "an input's index and a label" : `rows of dim + 1 = ${p.dim + 1} numbers`,
    },
  };
}

/** Limits across parameters; paths relative to params. */
export function checkParams(p: Params): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (p.shift > 0 && p.dim < 2) {
    issues.push({ path: "shift", value: p.shift, problem: "not allowed", allowed: "0 at dim 1: the shift is along e2, which needs dim >= 2" });
  }
  if (p.design === "fixed" && "growth" in p.schedule && p.schedule.growth.kind !== "constant") {
    issues.push({
      path: "schedule.growth.kind", value: p.schedule.growth.kind, problem: "not allowed",
      allowed: `"constant" with design "fixed": a fixed design reuses the same rows every round, so the round size cannot grow`,
    });
  }
  return [...issues, ...checkSchedule(p.schedule, p.samples, scheduleLimits(p))];
}

/** The limits over a run of `generations` rounds (a growing round size, the pool). */
export function checkGenerations(p: Params, generations: number): SpecIssue[] {
  return checkSchedule(p.schedule, p.samples, scheduleLimits(p), generations);
}
