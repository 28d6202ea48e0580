// One replicate of categorical-tails: generation 0 is the Zipf base p0; each round the schedule
// assembles the training tokens as count vectors (never token by token): synthetic counts are one
// multinomial draw from T(p_(t-1)), real counts one from p0, and accumulate-subsample's training
// set a multivariate hypergeometric subsample of the pool's counts. The next model is the
// empirical frequency (the MLE, no smoothing). In expected mode the counts are replaced by their
// expectations.
//
// Stream order (one stream per replicate): fixed-real draws its real counts before round 1; each
// round then draws its fresh real counts (fresh-real), its synthetic counts and, from round 2 of
// accumulate-subsample, the subsample.
import type { Engine, F64Block, RandomStream } from "../../engine/index.js";
import { SchedulePlan, type Round } from "../../schedules/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import type { Params } from "./params.js";
import { applyTransform, zipfBase, type Transform } from "./transform.js";
import { theoryColumns, transformOf } from "./metrics.js";

const METRIC_NAMES = ["supportSize", "lostMass", "tailMass", "gini", "entropy"] as const;
const CONDITIONAL_NAMES = ["conditionalSupportSize", "conditionalLostMass", "conditionalTailMass", "conditionalGini"] as const;

/** Named values from a stats block. */
function named(names: readonly string[], stats: Float64Array): MetricValues {
  const out: MetricValues = {};
  names.forEach((name, i) => (out[name] = stats[i]));
  return out;
}

const NO_CONDITIONAL: MetricValues = { conditionalSupportSize: null, conditionalLostMass: null, conditionalTailMass: null, conditionalGini: null };

/** A replicate in progress: the model, the schedule's counts, and the engine blocks the samplers fill. */
export class TailsRun {
  readonly p0: Float64Array;
  /** The current model p_t. */
  readonly model: F64Block;
  private readonly base: F64Block;
  private readonly weights: F64Block;
  private readonly counts: F64Block;
  /** accumulate's and accumulate-subsample's pool, fixed-real's real counts, fresh-real's real counts of the round. */
  private readonly kept: F64Block;
  private readonly stats: F64Block;
  private readonly plan: SchedulePlan;
  private readonly transform: Transform;
  private readonly owned: F64Block[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly p: Params,
    private readonly rng: RandomStream,
  ) {
    const k = p.support;
    const own = () => (this.owned.push(engine.f64(k)), this.owned[this.owned.length - 1]);
    try {
      this.p0 = zipfBase(k, p.zipfExponent, p.zipfOffset);
      this.base = own();
      this.base.view.set(this.p0);
      this.model = own();
      this.model.view.set(this.p0);
      this.weights = own();
      this.counts = own();
      this.kept = own();
      this.owned.push(engine.f64(8));
      this.stats = this.owned[this.owned.length - 1];
      this.plan = new SchedulePlan(p.schedule, p.samples);
      this.transform = transformOf(p);
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
    const q = this.sampling();
    if (p.expected) {
      const w = this.plan.weights(t);
      const model = this.model.view;
      for (let i = 0; i < model.length; i++) model[i] = w.pooled * model[i] + w.synthetic * q[i] + w.real * this.p0[i];
      return NO_CONDITIONAL;
    }
    const conditional = this.conditional(round);
    const kept = this.kept.view, counts = this.counts.view, model = this.model.view;
    switch (p.schedule.kind) {
      case "replace":
        engine.multinomialCounts(rng, this.weights, round.synthetic, this.counts);
        divide(counts, round.size, model);
        break;
      case "accumulate":
        engine.multinomialCounts(rng, this.weights, round.synthetic, this.counts);
        for (let i = 0; i < kept.length; i++) kept[i] += counts[i];
        divide(kept, round.training, model);
        break;
      case "accumulate-subsample":
        engine.multinomialCounts(rng, this.weights, round.synthetic, this.counts);
        for (let i = 0; i < kept.length; i++) kept[i] += counts[i];
        if (round.subsample) engine.hypergeometricCounts(rng, this.kept, p.samples, this.counts);
        divide(round.subsample ? counts : kept, round.training, model);
        break;
      case "fixed-real":
        engine.multinomialCounts(rng, this.weights, round.synthetic, this.counts);
        for (let i = 0; i < kept.length; i++) model[i] = (kept[i] + counts[i]) / round.training;
        break;
      case "fresh-real":
        engine.multinomialCounts(rng, this.base, round.freshReal, this.kept);
        engine.multinomialCounts(rng, this.weights, round.synthetic, this.counts);
        for (let i = 0; i < kept.length; i++) model[i] = (kept[i] + counts[i]) / round.training;
        break;
    }
    return conditional;
  }

  /** The sampling distribution T(p_(t-1)) into the weights block: the temperature in the engine, the cuts by rank. */
  private sampling(): Float64Array {
    const { engine, transform } = this;
    if (transform.temperature === 1) return applyTransform(this.model.view, transform, this.weights.view);
    engine.temperatureTransform(this.model, transform.temperature, this.weights);
    return applyTransform(this.weights.view, { ...transform, temperature: 1 }, this.weights.view);
  }

  /** The model's metrics. */
  metrics(): MetricValues {
    this.engine.categoricalTailsMetrics(this.model, this.base, this.p.tailRank, this.stats);
    return named(METRIC_NAMES, this.stats.view);
  }

  private conditional(round: Round): MetricValues {
    const { p, engine } = this;
    const fixed = p.schedule.kind === "accumulate" || p.schedule.kind === "fixed-real" ? this.kept : null;
    if (p.schedule.kind === "accumulate-subsample") return NO_CONDITIONAL;
    engine.categoricalTailsConditional(this.base, this.weights, fixed, round.freshReal, round.synthetic, p.tailRank, this.stats);
    return named(CONDITIONAL_NAMES, this.stats.view);
  }

  free(): void {
    this.owned.forEach((x) => x.free());
    this.owned.length = 0;
  }
}

/** out = counts / total. */
function divide(counts: Float64Array, total: number, out: Float64Array): void {
  for (let i = 0; i < counts.length; i++) out[i] = counts[i] / total;
}

export function runReplicate(engine: Engine, p: Params, { generations, seed, onGeneration }: ReplicateOptions): MetricValues[] {
  const theory = theoryColumns(p, generations);
  const rng = engine.stream(seed);
  let run: TailsRun | undefined;
  try {
    run = new TailsRun(engine, p, rng);
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


