// One replicate of curated-choice: generation 0 is the base p0; each round the schedule assembles
// the training samples as count vectors: the curated ones drawn by K-choice curation of the
// previous generation (K atoms drawn, one kept in proportion to exp(rewardScale r); K = 1 is one
// multinomial draw, K = infinity one multinomial draw from the tilt p exp(rewardScale r)), real ones
// uncurated from p0, and accumulate-subsample's training set a multivariate hypergeometric
// subsample of the pool. The next model is the empirical frequency. In expected mode the counts
// are replaced by their expectations.
//
// Stream order (one stream per replicate): fixed-real draws its real counts before round 1; each
// round then draws its fresh real counts (fresh-real), its curated samples and, from round 2 of
// accumulate-subsample, the subsample.
import type { Engine, F64Block, RandomStream } from "../../engine/index.js";
import { detLog } from "../../math/fdlibm.js";
import { SchedulePlan, type Round } from "../../schedules/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import { rewardsOf, type Params } from "./params.js";
import { curationMap } from "./curation.js";
import { baseOf, conditionalModel, conditionalSupport, rewardSummary, weightsOf, type RoundParts } from "./theory.js";
import { theoryColumns } from "./metrics.js";

const NO_CONDITIONAL: MetricValues = { conditionalMeanReward: null, conditionalTopMass: null, conditionalSupportSize: null };

/** A replicate in progress: the model, the schedule's counts and the engine blocks the samplers fill. */
export class CurationRun {
  readonly p0: Float64Array;
  readonly rewards: number[];
  /** The current model p_t. */
  readonly model: F64Block;
  private readonly base: F64Block;
  private readonly weights: F64Block;
  private readonly tilt: F64Block;
  private readonly counts: F64Block;
  /** The pool (accumulate, accumulate-subsample), the real set (fixed-real) or a round's real counts (fresh-real). */
  private readonly kept: F64Block;
  private readonly plan: SchedulePlan;
  private readonly owned: F64Block[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly p: Params,
    private readonly rng: RandomStream,
  ) {
    const m = p.support;
    const own = () => (this.owned.push(engine.f64(m)), this.owned[this.owned.length - 1]);
    try {
      this.p0 = baseOf(m, p.base);
      this.rewards = rewardsOf(p);
      this.base = own();
      this.base.view.set(this.p0);
      this.model = own();
      this.model.view.set(this.p0);
      this.weights = own();
      this.weights.view.set(weightsOf(this.rewards, p.rewardScale));
      this.tilt = own();
      this.counts = own();
      this.kept = own();
      this.plan = new SchedulePlan(p.schedule, p.samples);
      if (p.schedule.kind === "fixed-real" && !p.expected) engine.multinomialCounts(rng, this.base, this.plan.realSet, this.kept);
    } catch (error) {
      this.free();
      throw error;
    }
  }

  /** Round t; returns the conditional expectations of its metrics (null where none is exact). */
  step(t: number): MetricValues {
    const { engine, rng, p } = this;
    const round = this.plan.round(t);
    const model = this.model.view, kept = this.kept.view, counts = this.counts.view;
    if (p.expected) {
      const q = curationMap(model, this.weights.view, p.choices), mix = this.plan.weights(t);
      for (let i = 0; i < model.length; i++) model[i] = mix.pooled * model[i] + mix.synthetic * q[i] + mix.real * this.p0[i];
      return NO_CONDITIONAL;
    }
    const conditional = this.conditional(round);
    if (p.schedule.kind === "fresh-real") engine.multinomialCounts(rng, this.base, round.freshReal, this.kept);
    this.curate(round.synthetic);
    switch (p.schedule.kind) {
      case "replace":
        for (let i = 0; i < model.length; i++) model[i] = counts[i] / round.size;
        break;
      case "accumulate":
        for (let i = 0; i < model.length; i++) kept[i] += counts[i];
        for (let i = 0; i < model.length; i++) model[i] = kept[i] / round.training;
        break;
      case "accumulate-subsample":
        for (let i = 0; i < model.length; i++) kept[i] += counts[i];
        if (round.subsample) engine.hypergeometricCounts(rng, this.kept, p.samples, this.counts);
        for (let i = 0; i < model.length; i++) model[i] = (round.subsample ? counts[i] : kept[i]) / round.training;
        break;
      case "fixed-real":
      case "fresh-real":
        for (let i = 0; i < model.length; i++) model[i] = (kept[i] + counts[i]) / round.training;
        break;
    }
    return conditional;
  }

  /** `samples` curated samples of the model into the counts block. */
  private curate(samples: number): void {
    const { engine, rng, p } = this;
    if (p.choices === 1) {
      engine.multinomialCounts(rng, this.model, samples, this.counts);
    } else if (p.choices === "infinite") {
      const tilt = this.tilt.view, model = this.model.view, w = this.weights.view;
      for (let i = 0; i < tilt.length; i++) tilt[i] = model[i] * w[i];
      engine.multinomialCounts(rng, this.tilt, samples, this.counts);
    } else {
      engine.curatedCounts(rng, this.model, this.weights, p.choices, samples, this.counts);
    }
  }

  private conditional(round: Round): MetricValues {
    const { p } = this;
    if (p.schedule.kind === "accumulate-subsample") return NO_CONDITIONAL;
    const q = curationMap(this.model.view, this.weights.view, p.choices);
    const parts: RoundParts = {
      fixed: p.schedule.kind === "accumulate" || p.schedule.kind === "fixed-real" ? this.kept.view : null,
      real: round.freshReal,
      synthetic: round.synthetic,
    };
    const mean = rewardSummary(conditionalModel(this.p0, q, parts), this.rewards);
    return { conditionalMeanReward: mean.meanReward, conditionalTopMass: mean.topMass, conditionalSupportSize: conditionalSupport(this.p0, q, parts) };
  }

  /** The model's metrics. */
  metrics(): MetricValues {
    const p = this.model.view;
    let supportSize = 0, squares = 0, entropy = 0, kl = 0;
    for (let i = 0; i < p.length; i++) {
      if (!(p[i] > 0)) continue;
      supportSize++;
      squares += p[i] * p[i];
      entropy -= p[i] * detLog(p[i]);
      kl += p[i] * (detLog(p[i]) - detLog(this.p0[i]));
    }
    return { ...rewardSummary(p, this.rewards), supportSize, gini: 1 - squares, entropy, klFromBase: kl };
  }

  free(): void {
    this.owned.forEach((x) => x.free());
    this.owned.length = 0;
  }
}

export function runReplicate(engine: Engine, p: Params, { generations, seed, onGeneration }: ReplicateOptions): MetricValues[] {
  const theory = theoryColumns(p, generations);
  const rng = engine.stream(seed);
  let run: CurationRun | undefined;
  try {
    run = new CurationRun(engine, p, rng);
    const rows: MetricValues[] = [Object.assign(run.metrics(), NO_CONDITIONAL, theory[0])];
    for (let t = 1; t <= generations; t++) {
      const conditional = run.step(t);
      rows.push(Object.assign(run.metrics(), conditional, theory[t]));
      onGeneration?.(t);
    }
    return rows;
  } finally {
    run?.free();
    rng.free();
  }
}
