// The curated-choice scenario's parameters (docs/theory/curated-choice.md), each with its
// meaning, and the limits across parameters: a reward for every atom.
import * as z from "zod/mini";
import { boolean, byKind, integer, integerOr, param, real, reals, strictObject } from "../../validation/schema.js";
import type { SpecIssue } from "../../validation/spec-error.js";
import { SCHEDULE_KINDS, SchedulePlan, checkSchedule, scheduleParam, type ScheduleLimits } from "../../schedules/index.js";

export const MAX_SUPPORT = 4096;
export const MAX_CHOICES = 1024;
/** Round sizes and pools stay below this, so that every count is an exact integer in a double. */
export const MAX_SAMPLES = 2 ** 40;

const base = byKind([
  param(strictObject({ kind: z.literal("uniform") }), { description: "p0 uniform over the atoms" }),
  param(strictObject({
    kind: z.literal("zipf"),
    exponent: param(real(0, 20), { default: 1, description: "p0(i) proportional to i^-exponent" }),
  }), { description: "a Zipf base: atom 1 the most likely" }),
]);

const reward = byKind([
  param(strictObject({
    kind: z.literal("linear"),
    from: param(real(-1e6, 1e6), { default: 0, description: "r_1, the reward of the most likely atom" }),
    to: param(real(-1e6, 1e6), { default: 2, description: "r_M, the reward of the last atom" }),
  }), { description: "r_i = from + (to - from)(i - 1)/(M - 1): by default the rarest atom is the best" }),
  param(strictObject({
    kind: z.literal("values"),
    values: param(reals(-1e6, 1e6), { description: "one reward per atom (support numbers)" }),
  }), { description: "the rewards given atom by atom" }),
]);

export const params = strictObject({
  support: param(integer(2, MAX_SUPPORT), { default: 10, description: "M, the number of atoms" }),
  base: param(base, { prefault: { kind: "zipf" }, description: "p0, generation 0 (the real-data distribution)" }),
  reward: param(reward, { prefault: { kind: "linear" }, description: "the reward r of each atom" }),
  rewardScale: param(real(0, 100), { default: 1, description: "beta: the curator keeps a drawn atom in proportion to exp(beta r) (Ferbach's r as given is beta = 1)" }),
  choices: param(integerOr(1, MAX_CHOICES, "infinite"), {
    default: 4,
    description: "K, the atoms drawn per curated sample (1: no curation, the plain refit; \"infinite\": the tilt p exp(beta r) sampled directly)",
  }),
  samples: param(integer(1, MAX_SAMPLES), { default: 1000, description: "N, the samples of a round (the schedule may grow it)" }),
  expected: param(boolean(), { default: false, description: "replace each round's counts by their expectations: the infinite-sample map, deterministic" }),
  schedule: scheduleParam({ kinds: SCHEDULE_KINDS }),
});

export type Params = z.output<typeof params>;

const LIMITS: ScheduleLimits = { maxRoundSize: MAX_SAMPLES };

/** Limits across parameters; paths relative to params. */
export function checkParams(p: Params): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (p.reward.kind === "values" && p.reward.values.length !== p.support) {
    issues.push({
      path: "reward.values", value: `${p.reward.values.length} numbers`, problem: "wrong length",
      allowed: `support = ${p.support} numbers, one per atom`,
    });
  }
  const r = rewardsOf(p);
  const spread = p.rewardScale * (Math.max(...r) - Math.min(...r));
  if (r.length === p.support && spread > MAX_WEIGHT_SPREAD) {
    issues.push({
      path: "rewardScale", value: p.rewardScale, problem: "too large",
      allowed: `rewardScale (max r - min r) at most ${MAX_WEIGHT_SPREAD} (now ${spread}): the curation weights exp(rewardScale r) span at most e^${MAX_WEIGHT_SPREAD}`,
    });
  }
  return [...issues, ...checkSchedule(p.schedule, p.samples, LIMITS)];
}

/** The largest rewardScale (max r - min r): beyond it the weakest atom is never kept in any practical sense, and the map's integral loses accuracy. */
export const MAX_WEIGHT_SPREAD = 50;

/**
 * The rewards r_1..r_M.
 *
 * @example
 * rewardsOf({ support: 3, reward: { kind: "linear", from: 0, to: 2 } }) // => [0, 1, 2]
 */
export function rewardsOf(p: Pick<Params, "support" | "reward">): number[] {
  if (p.reward.kind === "values") return [...p.reward.values];
  const { from, to } = p.reward;
  return Array.from({ length: p.support }, (_, i) => from + ((to - from) * i) / (p.support - 1));
}

/** The limits over a run of `generations` rounds (a growing round size, the pool's size). */
export function checkGenerations(p: Params, generations: number): SpecIssue[] {
  const issues = checkSchedule(p.schedule, p.samples, LIMITS, generations);
  if (issues.length === 0 && (p.schedule.kind === "accumulate" || p.schedule.kind === "accumulate-subsample")) {
    const pool = new SchedulePlan(p.schedule, p.samples).poolAfter(generations);
    if (pool > 2 ** 48) issues.push({ path: "samples", value: p.samples, problem: "too large", allowed: `a pool of at most 2^48 samples over ${generations} rounds` });
  }
  return issues;
}
