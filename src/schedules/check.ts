// The limits of a schedule that its schema cannot express: the growth rate's range per kind,
// a fixed-real round that adds no synthetic point, a fresh-real round without a real or a
// synthetic point, and the sizes a scenario can hold (rounds, training sets, a pool of points
// in engine memory). Each problem names the key that sets it, relative to params.
import type { SpecIssue } from "../validation/spec-error.js";
import { GROWTH_RATE, type Schedule } from "./schedule.js";
import { SchedulePlan } from "./plan.js";

/** What a scenario can hold; every limit optional. */
export interface ScheduleLimits {
  /** The largest round size n_t (and real set) the scenario takes; by default 2^48, so that pools stay exact integers. */
  maxRoundSize?: number;
  /** The smallest training set the scenario can fit (e.g. d + 1 points for a full covariance). */
  minTraining?: number;
  /** Where the scenario keeps the pool's points in engine memory (accumulate-subsample): bytes per point, and the memory they may take. */
  pool?: { pointBytes: number; memoryBytes: number; what: string };
}

export const DEFAULT_MAX_ROUND_SIZE = 2 ** 48;

/** The key that sets round t's size: the growth rate where the round size grows, else samples. */
function sizeKey(schedule: Schedule): string {
  return "growth" in schedule && schedule.growth.kind !== "constant" ? "schedule.growth.rate" : "samples";
}

/**
 * Every problem of `schedule` for a scenario with `samples` points a round, over `generations`
 * rounds (round 1 alone when the number of rounds is not known yet).
 */
export function checkSchedule(schedule: Schedule, samples: number, limits: ScheduleLimits = {}, generations = 1): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if ("growth" in schedule && schedule.growth.kind !== "constant") {
    const { lo, hi } = GROWTH_RATE[schedule.growth.kind];
    const { rate } = schedule.growth;
    if (rate < lo || rate > hi) {
      return [{ path: "schedule.growth.rate", value: rate, problem: "out of range", allowed: `a number in [${lo}, ${hi}] for ${schedule.growth.kind} growth` }];
    }
  }
  const plan = new SchedulePlan(schedule, samples);
  const maxRound = limits.maxRoundSize ?? DEFAULT_MAX_ROUND_SIZE;
  if (schedule.kind === "fixed-real") {
    const real = plan.realSet;
    const keyOfReal = schedule.nReal === null ? "samples" : "schedule.nReal";
    if (plan.syntheticPerRound < 1) {
      issues.push({
        path: "schedule.lambda", value: schedule.lambda, problem: "too small",
        allowed: `a lambda with M = round(lambda nReal) >= 1 synthetic point a round (nReal = ${real}): at least ${(0.5 / real).toPrecision(3)}`,
      });
    }
    if (real > maxRound) issues.push({ path: keyOfReal, value: real, problem: "too large", allowed: `a real set of at most ${maxRound} points` });
    if (plan.syntheticPerRound > maxRound) {
      issues.push({ path: "schedule.lambda", value: schedule.lambda, problem: "too large", allowed: `M = round(lambda nReal) at most ${maxRound}` });
    }
    if (limits.minTraining !== undefined && real + plan.syntheticPerRound < limits.minTraining) {
      issues.push({
        path: keyOfReal, value: real, problem: "too small",
        allowed: `a training set nReal + round(lambda nReal) of at least ${limits.minTraining} points (now ${real} + ${plan.syntheticPerRound})`,
      });
    }
    return issues;
  }
  for (let t = 1; t <= Math.max(1, generations); t++) {
    const round = plan.round(t);
    const n = round.size;
    if (!(n <= maxRound)) {
      issues.push({
        path: sizeKey(schedule), value: sizeKey(schedule) === "samples" ? samples : (schedule as { growth: { rate: number } }).growth.rate,
        problem: "too large", allowed: `round sizes n_t of at most ${maxRound} points (round ${t} would have ${n})`,
      });
      return issues;
    }
    if (schedule.kind === "fresh-real" && (round.freshReal < 1 || round.synthetic < 1)) {
      issues.push({
        path: "schedule.realFraction", value: schedule.realFraction, problem: round.freshReal < 1 ? "too small" : "too large",
        allowed: `a fraction with 1 <= round(realFraction n_t) <= n_t - 1 in every round (round ${t}: n_t = ${n}, n_r = ${round.freshReal})`,
      });
      return issues;
    }
    if (limits.minTraining !== undefined && round.training < limits.minTraining) {
      issues.push({ path: "samples", value: samples, problem: "too small", allowed: `a training set of at least ${limits.minTraining} points` });
      return issues;
    }
  }
  if (schedule.kind === "accumulate-subsample" && limits.pool) {
    const { pointBytes, memoryBytes, what } = limits.pool;
    const points = plan.poolAfter(Math.max(1, generations));
    if (points * pointBytes > memoryBytes) {
      const most = Math.floor(memoryBytes / pointBytes / samples);
      issues.push({
        path: "schedule.kind", value: schedule.kind, problem: "too large",
        allowed: `at most ${most} generations at samples = ${samples}: accumulate-subsample keeps every point of the pool ` +
          `(${what}, ${pointBytes} bytes each) in ${memoryBytes / 2 ** 30} GiB of engine memory; ${generations} rounds would keep ${points}`,
      });
    }
  }
  return issues;
}
