// What a schedule does in each round, as counts: how many synthetic points are drawn from the
// previous generation, how many real points from the truth, how many points of earlier rounds
// are kept, and how many the model is fitted on. The same for every scenario: what a point is
// (a vector, a labelled row, a token) is the scenario's business.
import type { Schedule, ScheduleKind } from "./schedule.js";
import { roundSize, roundHalfEven } from "./sizes.js";

/** Round t's training set, in counts. */
export interface Round {
  /** The round, from 1. */
  t: number;
  /** n_t: the points the round adds (synthetic, plus fresh real under fresh-real); M under fixed-real. */
  size: number;
  /** Points drawn this round from generation t - 1, through the scenario's sampling transform. */
  synthetic: number;
  /** Real points drawn this round from the truth (fresh-real). */
  freshReal: number;
  /** The real set drawn once before round 1 and used in every round (fixed-real). */
  fixedReal: number;
  /** Points of earlier rounds in the pool before this round (accumulate, accumulate-subsample). */
  pooledBefore: number;
  /** The points the model is fitted on. */
  training: number;
  /** True when the training set is a uniform subsample, without replacement, of the pool (accumulate-subsample from round 2). */
  subsample: boolean;
}

/** The weights of an infinite-sample round: the next model = pooled p_(t-1) + synthetic T(p_(t-1)) + real p0 (they sum to 1). */
export interface MixtureWeights {
  pooled: number;
  synthetic: number;
  real: number;
}

/** A schedule's rounds for a scenario with `samples` points a round. */
export class SchedulePlan {
  /** fixed-real: N, the real set's size. */
  readonly realSet: number;
  /** fixed-real: M = round(lambda N), the synthetic points a round. */
  readonly syntheticPerRound: number;
  /** N_0, N_1, ...: the pool after each round, extended as rounds are asked for. */
  private readonly pools: number[] = [0];

  constructor(
    readonly schedule: Schedule,
    readonly samples: number,
  ) {
    if (schedule.kind === "fixed-real") {
      this.realSet = schedule.nReal ?? samples;
      this.syntheticPerRound = roundHalfEven(schedule.lambda * this.realSet);
    } else {
      this.realSet = 0;
      this.syntheticPerRound = 0;
    }
  }

  get kind(): ScheduleKind {
    return this.schedule.kind;
  }

  /** n_t: the points round t adds (M under fixed-real). */
  size(t: number): number {
    const s = this.schedule;
    if (s.kind === "fixed-real") return this.syntheticPerRound;
    return "growth" in s ? roundSize(this.samples, s.growth, t) : this.samples;
  }

  /** N_t = n_1 + ... + n_t: the pool after round t (accumulate, accumulate-subsample). */
  poolAfter(t: number): number {
    for (let s = this.pools.length; s <= t; s++) this.pools.push(this.pools[s - 1] + this.size(s));
    return this.pools[t];
  }

  /** Fresh real points of round t under fresh-real: round(realFraction n_t). */
  freshRealOf(t: number): number {
    return this.schedule.kind === "fresh-real" ? roundHalfEven(this.schedule.realFraction * this.size(t)) : 0;
  }

  round(t: number): Round {
    const size = this.size(t);
    const none = { t, size, synthetic: size, freshReal: 0, fixedReal: 0, pooledBefore: 0, training: size, subsample: false };
    switch (this.schedule.kind) {
      case "replace":
        return none;
      case "accumulate": {
        const before = this.poolAfter(t - 1);
        return { ...none, pooledBefore: before, training: before + size };
      }
      case "accumulate-subsample":
        return { ...none, pooledBefore: (t - 1) * size, subsample: t > 1 };
      case "fixed-real":
        return { ...none, fixedReal: this.realSet, training: this.realSet + size };
      case "fresh-real": {
        const real = this.freshRealOf(t);
        return { ...none, synthetic: size - real, freshReal: real };
      }
    }
  }

  /**
   * The next model's weights in the infinite-sample limit (every count replaced by its
   * expectation): pooled points keep the previous model, synthetic ones carry its transform,
   * real ones the truth. accumulate-subsample has accumulate's weights: a uniform subsample
   * has the pool's expected frequencies.
   */
  weights(t: number): MixtureWeights {
    const r = this.round(t);
    if (this.kind === "accumulate-subsample") return { pooled: (t - 1) / t, synthetic: 1 / t, real: 0 };
    const total = r.pooledBefore + r.synthetic + r.freshReal + r.fixedReal;
    return { pooled: r.pooledBefore / total, synthetic: r.synthetic / total, real: (r.freshReal + r.fixedReal) / total };
  }
}
