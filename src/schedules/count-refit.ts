// A categorical model refitted under a schedule to count vectors, never token by token (the
// categorical scenarios): the model is the empirical frequency of its training counts. A round's
// synthetic counts come from the scenario (drawn from its sampling or curation of the model); real
// counts are one multinomial draw from the base p0, and accumulate-subsample's training set a
// multivariate hypergeometric subsample of the pool's counts. In expected mode the counts are
// replaced by their expectations.
//
// Stream order: fixed-real draws its real counts when the refit is made; each round then draws its
// fresh real counts (fresh-real), the synthetic counts and, from round 2 of accumulate-subsample,
// the subsample.
import type { Engine, F64Block, RandomStream } from "../engine/index.js";
import type { Schedule } from "./schedule.js";
import { SchedulePlan, type Round } from "./plan.js";

export class CountRefit {
  readonly plan: SchedulePlan;
  /** The current model p_t. */
  readonly model: F64Block;
  /** p0 in engine memory, the source of real counts. */
  readonly base: F64Block;
  /** The round's synthetic counts (and accumulate-subsample's subsample). */
  private readonly counts: F64Block;
  /** accumulate's and accumulate-subsample's pool, fixed-real's real counts, fresh-real's real counts of the round. */
  readonly kept: F64Block;
  private readonly owned: F64Block[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly rng: RandomStream,
    private readonly schedule: Schedule,
    private readonly samples: number,
    readonly p0: Float64Array,
    expected: boolean,
  ) {
    const own = () => (this.owned.push(engine.f64(p0.length)), this.owned[this.owned.length - 1]);
    try {
      this.base = own();
      this.base.view.set(p0);
      this.model = own();
      this.model.view.set(p0);
      this.counts = own();
      this.kept = own();
      this.plan = new SchedulePlan(schedule, samples);
      if (schedule.kind === "fixed-real" && !expected) engine.multinomialCounts(rng, this.base, this.plan.realSet, this.kept);
    } catch (error) {
      this.free();
      throw error;
    }
  }

  /**
   * Round t's refit: its fresh real counts, then `synthetic` draws round.synthetic counts into
   * the block it is given; the model becomes the training counts' frequencies.
   */
  refit(round: Round, synthetic: (count: number, into: F64Block) => void): void {
    const { engine, rng } = this;
    const kept = this.kept.view, counts = this.counts.view, model = this.model.view;
    if (this.schedule.kind === "fresh-real") engine.multinomialCounts(rng, this.base, round.freshReal, this.kept);
    synthetic(round.synthetic, this.counts);
    switch (this.schedule.kind) {
      case "replace":
        for (let i = 0; i < model.length; i++) model[i] = counts[i] / round.size;
        break;
      case "accumulate":
        for (let i = 0; i < model.length; i++) kept[i] += counts[i];
        for (let i = 0; i < model.length; i++) model[i] = kept[i] / round.training;
        break;
      case "accumulate-subsample":
        for (let i = 0; i < model.length; i++) kept[i] += counts[i];
        if (round.subsample) engine.hypergeometricCounts(rng, this.kept, this.samples, this.counts);
        for (let i = 0; i < model.length; i++) model[i] = (round.subsample ? counts[i] : kept[i]) / round.training;
        break;
      case "fixed-real":
      case "fresh-real":
        for (let i = 0; i < model.length; i++) model[i] = (kept[i] + counts[i]) / round.training;
        break;
    }
  }

  /** Round t in expected mode: the model becomes the schedule's mixture of itself, q (the synthetic counts' law) and p0. */
  expectedRefit(t: number, q: ArrayLike<number>): void {
    const mix = this.plan.weights(t), model = this.model.view;
    for (let i = 0; i < model.length; i++) model[i] = mix.pooled * model[i] + mix.synthetic * q[i] + mix.real * this.p0[i];
  }

  /** The fixed counts a round trains on beside its fresh ones (accumulate's pool, fixed-real's real set), or null. */
  fixedCounts(): F64Block | null {
    return this.schedule.kind === "accumulate" || this.schedule.kind === "fixed-real" ? this.kept : null;
  }

  free(): void {
    this.owned.forEach((x) => x.free());
    this.owned.length = 0;
  }
}
