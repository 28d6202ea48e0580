// The schedule layer: how each round's training set is assembled (replace, accumulate,
// accumulate-subsample, fixed-real, fresh-real, with a growing round size), for any scenario.
// A scenario declares the kinds it supports (scheduleParam), checks a schedule against what it
// can hold (checkSchedule), and reads each round's counts from a SchedulePlan; the layer knows
// nothing of what a point means. docs/theory/schedules.md describes the schedules.
export {
  SCHEDULE_KINDS, GROWTH_KINDS, GROWTH_RATE, MAX_LAMBDA, MAX_REAL_SET, scheduleParam,
  type Schedule, type ScheduleInput, type ScheduleKind, type ScheduleSupport, type Growth, type GrowthKind,
} from "./schedule.js";
export { SchedulePlan, type Round, type MixtureWeights } from "./plan.js";
export { roundSize, roundHalfEven } from "./sizes.js";
export { checkSchedule, DEFAULT_MAX_ROUND_SIZE, type ScheduleLimits } from "./check.js";
export { RowPool } from "./row-pool.js";
export { CountRefit } from "./count-refit.js";
