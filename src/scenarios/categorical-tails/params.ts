// The categorical-tails scenario's parameters (docs/theory/categorical-tails.md), each with its
// meaning, and the limits across parameters: top-k and the tail rank within the support, and
// counts that stay exact integers.
import * as z from "zod/mini";
import { boolean, integer, param, real, strictObject } from "../../validation/schema.js";
import type { SpecIssue } from "../../validation/spec-error.js";
import { SCHEDULE_KINDS, SchedulePlan, checkSchedule, scheduleParam, type ScheduleLimits } from "../../schedules/index.js";

export const MAX_SUPPORT = 2 ** 20;
/** Round sizes and pools stay below this, so that every count is an exact integer in a double. */
export const MAX_TOKENS = 2 ** 48;

export const params = strictObject({
  support: param(integer(2, MAX_SUPPORT), { default: 1000, description: "K, the number of symbols" }),
  zipfExponent: param(real(0, 20), { default: 1.5, description: "beta: generation 0 is p0(i) proportional to (i + zipfOffset)^-beta, i = 1..K (0: uniform)" }),
  zipfOffset: param(real(0, 1e6), { default: 0, description: "the Zipf offset (Zipf-Mandelbrot): a flatter head" }),
  samples: param(integer(1, MAX_TOKENS), { default: 1000, description: "n, the tokens of a round (the schedule may grow it)" }),
  temperature: param(real(0, 10, { loOpen: true }), {
    default: 1,
    description: "tau: a model samples q proportional to p^(1/tau) on its support (first step of the transform; real tokens are never transformed)",
  }),
  topK: param(z.nullable(integer(1, MAX_SUPPORT)), {
    default: null,
    description: "keep the topK most likely symbols (second step; ties to the lower index), or null for no cut",
  }),
  topP: param(real(0, 1, { loOpen: true }), {
    default: 1,
    description: "keep the shortest prefix, by decreasing probability, of mass at least topP (third step; 1: no cut)",
  }),
  tailRank: param(integer(0, MAX_SUPPORT), { default: 10, description: "k0: tailMass is the mass of the symbols ranked after k0 in p0" }),
  expected: param(boolean(), {
    default: false,
    description: "replace each round's counts by their expectations: the infinite-sample map, deterministic",
  }),
  schedule: scheduleParam({ kinds: SCHEDULE_KINDS }),
});

export type Params = z.output<typeof params>;

const LIMITS: ScheduleLimits = { maxRoundSize: MAX_TOKENS };

/** Limits across parameters; paths relative to params. */
export function checkParams(p: Params): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (p.topK !== null && p.topK > p.support) {
    issues.push({ path: "topK", value: p.topK, problem: "too large", allowed: `at most support = ${p.support} symbols, or null` });
  }
  if (p.tailRank > p.support) {
    issues.push({ path: "tailRank", value: p.tailRank, problem: "too large", allowed: `at most support = ${p.support}` });
  }
  return [...issues, ...checkSchedule(p.schedule, p.samples, LIMITS)];
}

/** The limits over a run of `generations` rounds (a growing round size, the pool's token count). */
export function checkGenerations(p: Params, generations: number): SpecIssue[] {
  const issues = checkSchedule(p.schedule, p.samples, LIMITS, generations);
  if (issues.length === 0 && (p.schedule.kind === "accumulate" || p.schedule.kind === "accumulate-subsample")) {
    const pool = new SchedulePlan(p.schedule, p.samples).poolAfter(generations);
    if (pool > MAX_TOKENS) {
      issues.push({ path: "samples", value: p.samples, problem: "too large", allowed: `a pool of at most 2^48 tokens over ${generations} rounds (it would hold ${pool})` });
    }
  }
  return issues;
}
