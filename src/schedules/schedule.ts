// The `schedule` parameter: how each round's training set is assembled from synthetic points
// (drawn from the previous generation), real points (drawn from the truth) and the points of
// earlier rounds. A scenario declares which kinds it supports and puts scheduleParam(...) in
// its schema; the kinds it does not support are refused by name, and a key of another kind is
// an unknown key. docs/theory/schedules.md describes the schedules and their sources.
import * as z from "zod/mini";
import { byKind, integer, oneOf, param, real, strictObject } from "../validation/schema.js";

export const SCHEDULE_KINDS = ["replace", "accumulate", "accumulate-subsample", "fixed-real", "fresh-real"] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export const GROWTH_KINDS = ["constant", "linear", "geometric"] as const;
export type GrowthKind = (typeof GROWTH_KINDS)[number];

/** The rate's range for each kind of growth; constant ignores it. */
export const GROWTH_RATE: Record<Exclude<GrowthKind, "constant">, { lo: number; hi: number }> = {
  linear: { lo: 0, hi: 100 },
  geometric: { lo: 1, hi: 4 },
};

export interface Growth {
  kind: GrowthKind;
  rate: number;
}

export type Schedule =
  | { kind: "replace"; growth: Growth }
  | { kind: "accumulate"; growth: Growth }
  | { kind: "accumulate-subsample" }
  | { kind: "fixed-real"; lambda: number; nReal: number | null }
  | { kind: "fresh-real"; realFraction: number; growth: Growth };

/** A schedule as a spec writes it: keys with defaults may be left out. */
export type ScheduleInput =
  | { kind: "replace"; growth?: Partial<Growth> }
  | { kind: "accumulate"; growth?: Partial<Growth> }
  | { kind: "accumulate-subsample" }
  | { kind: "fixed-real"; lambda?: number; nReal?: number | null }
  | { kind: "fresh-real"; realFraction?: number; growth?: Partial<Growth> };

/** The largest synthetic-to-real ratio lambda. */
export const MAX_LAMBDA = 100;
/** The largest real set nReal (counts are exact as doubles far beyond it). */
export const MAX_REAL_SET = 2 ** 40;

const growth = () =>
  param(strictObject({
    kind: param(oneOf(GROWTH_KINDS, {
      constant: "n_t = samples every round",
      linear: "n_t = round(samples (1 + rate (t - 1))), rate in [0, 100]",
      geometric: "n_t = round(samples rate^(t - 1)), rate in [1, 4]",
    }), { default: "constant", description: "how the round size n_t grows with the round t" }),
    rate: param(real(0, GROWTH_RATE.linear.hi), {
      default: 0,
      description: "the growth rate: in [0, 100] for linear growth, in [1, 4] for geometric growth; constant growth ignores it",
    }),
  }), { prefault: {}, description: "the round size n_t (rounded to the nearest integer, ties to even)" });

/** Each kind's schema: `kind` and its own keys, with their meanings. */
const KIND_SCHEMAS = {
  replace: param(strictObject({ kind: z.literal("replace"), growth: growth() }), {
    description: "the fully synthetic loop: round t trains on n_t points drawn from generation t - 1 alone",
  }),
  accumulate: param(strictObject({ kind: z.literal("accumulate"), growth: growth() }), {
    description: "round t adds n_t points drawn from generation t - 1 to the pool of every earlier round's points, and trains on the whole pool",
  }),
  "accumulate-subsample": param(strictObject({ kind: z.literal("accumulate-subsample") }), {
    description: "the pool grows as with accumulate (samples points a round), and round t trains on samples points drawn from it uniformly without replacement (round 1: the whole pool)",
  }),
  "fixed-real": param(strictObject({
    kind: z.literal("fixed-real"),
    lambda: param(real(0, MAX_LAMBDA, { loOpen: true }), {
      default: 1,
      description: "lambda, the synthetic-to-real ratio: each round adds M = round(lambda nReal) fresh synthetic points (a synthetic fraction lambda/(1 + lambda))",
    }),
    nReal: param(z.nullable(integer(2, MAX_REAL_SET)), {
      default: null,
      description: "N, the size of the real set, drawn once before round 1 (null: samples)",
    }),
  }), {
    description: "one real set of nReal points, drawn once, plus M = round(lambda nReal) fresh synthetic points every round",
  }),
  "fresh-real": param(strictObject({
    kind: z.literal("fresh-real"),
    realFraction: param(real(0, 1, { loOpen: true, hiOpen: true }), {
      default: 0.5,
      description: "alpha: round t draws n_r = round(alpha n_t) fresh real points and n_t - n_r synthetic ones",
    }),
    growth: growth(),
  }), {
    description: "every round draws n_r = round(realFraction n_t) fresh real points and n_t - n_r synthetic ones",
  }),
} as const;

/** What a scenario supports: the schedule kinds (the first one the default, normally replace). */
export interface ScheduleSupport {
  kinds: readonly [ScheduleKind, ...ScheduleKind[]];
}

/**
 * The `schedule` parameter of a scenario that supports `support.kinds`: a kind-union of those
 * kinds, defaulting to the first with its own defaults. Another kind is refused naming the
 * supported ones; a key of another kind is an unknown key.
 */
export function scheduleParam(support: ScheduleSupport): z.ZodMiniPrefault<z.ZodMiniType<Schedule, ScheduleInput>> {
  const [first, ...rest] = support.kinds.map((kind) => KIND_SCHEMAS[kind]);
  const union = byKind([first, ...rest]);
  return param(union, {
    prefault: { kind: support.kinds[0] },
    description: "how each round's training set is assembled (docs/theory/schedules.md)",
  }) as unknown as z.ZodMiniPrefault<z.ZodMiniType<Schedule, ScheduleInput>>;
}
