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
import { detLog } from "../../math/fdlibm.js";
import { SchedulePlan, type Round } from "../../schedules/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import type { Params } from "./params.js";
import { applyTransform, zipfBase, type Transform } from "./transform.js";
import { missProbability, tail } from "./theory.js";
import { theoryColumns, transformOf } from "./metrics.js";

/** The simulated metrics of a model p against the base p0. */
export function modelMetrics(p: Float64Array, p0: Float64Array, tailRank: number): MetricValues {
  let supportSize = 0, lostMass = 0, squares = 0, entropy = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i];
    if (x > 0) {
      supportSize++;
      squares += x * x;
      entropy -= x * detLog(x);
    } else {
      lostMass += p0[i];
    }
  }
  return { supportSize, lostMass, tailMass: tail(p, tailRank), gini: 1 - squares, entropy };
}

/**
 * The exact expectations of round t's metrics given the state before it: `fixed` counts F kept
 * (the pool, or fixed-real's real counts; null for none), `real` fresh tokens from p0 and
 * `synthetic` tokens from q = T(p_(t-1)). A symbol is absent when F_i = 0 and no fresh token hits
 * it; E sum p^2 expands over the three parts.
 */
export function conditionalMetrics(
  p0: Float64Array, q: Float64Array, fixed: Float64Array | null, real: number, synthetic: number, tailRank: number,
): MetricValues {
  let fixedTotal = 0, ff = 0, fq = 0, f0 = 0, qq = 0, q0 = 0, p2 = 0;
  let supportSize = 0, lostMass = 0;
  for (let i = 0; i < p0.length; i++) {
    const f = fixed ? fixed[i] : 0;
    fixedTotal += f;
    ff += f * f;
    fq += f * q[i];
    f0 += f * p0[i];
    qq += q[i] * q[i];
    q0 += q[i] * p0[i];
    p2 += p0[i] * p0[i];
    const absent = f > 0 ? 0 : missProbability(q[i], synthetic) * missProbability(p0[i], real);
    supportSize += 1 - absent;
    lostMass += p0[i] * absent;
  }
  const total = fixedTotal + real + synthetic;
  const squares =
    (ff + 2 * synthetic * fq + 2 * real * f0 + real + real * (real - 1) * p2 + 2 * real * synthetic * q0 + synthetic + synthetic * (synthetic - 1) * qq) /
    (total * total);
  const tailMass = ((fixed ? tail(fixed, tailRank) : 0) + real * tail(p0, tailRank) + synthetic * tail(q, tailRank)) / total;
  return { conditionalSupportSize: supportSize, conditionalLostMass: lostMass, conditionalTailMass: tailMass, conditionalGini: 1 - squares };
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
    const q = applyTransform(this.model.view, this.transform, this.weights.view);
    if (p.expected) {
      const w = this.plan.weights(t);
      const model = this.model.view;
      for (let i = 0; i < model.length; i++) model[i] = w.pooled * model[i] + w.synthetic * q[i] + w.real * this.p0[i];
      return NO_CONDITIONAL;
    }
    const conditional = this.conditional(round, q);
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

  private conditional(round: Round, q: Float64Array): MetricValues {
    const { p } = this;
    switch (p.schedule.kind) {
      case "accumulate-subsample": return NO_CONDITIONAL;
      case "replace": return conditionalMetrics(this.p0, q, null, 0, round.synthetic, p.tailRank);
      case "accumulate": case "fixed-real": return conditionalMetrics(this.p0, q, this.kept.view, 0, round.synthetic, p.tailRank);
      case "fresh-real": return conditionalMetrics(this.p0, q, null, round.freshReal, round.synthetic, p.tailRank);
    }
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

export function runReplicate(engine: Engine, p: Params, { generations, seed }: ReplicateOptions): MetricValues[] {
  const theory = theoryColumns(p, generations);
  const rng = engine.stream(seed);
  let run: TailsRun | undefined;
  try {
    run = new TailsRun(engine, p, rng);
    const rows: MetricValues[] = [Object.assign(modelMetrics(run.model.view, run.p0, p.tailRank), NO_CONDITIONAL, theory[0])];
    for (let t = 1; t <= generations; t++) {
      const conditional = run.step(t);
      rows.push(Object.assign(modelMetrics(run.model.view, run.p0, p.tailRank), conditional, theory[t]));
    }
    return rows;
  } finally {
    run?.free();
    rng.free();
  }
}


