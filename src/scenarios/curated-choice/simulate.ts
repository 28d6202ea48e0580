// One replicate of curated-choice: generation 0 is the base p0; each round the model is refitted
// to count vectors under the schedule (CountRefit: the empirical frequency), its synthetic counts
// drawn by K-choice curation of the previous generation (K atoms drawn, one kept in proportion to
// exp(rewardScale r); K = 1 is one multinomial draw, K = infinity one multinomial draw from the
// tilt p exp(rewardScale r)). One stream per replicate, in CountRefit's order.
import type { Engine, F64Block, RandomStream } from "../../engine/index.js";
import { detLog } from "../../math/fdlibm.js";
import { CountRefit, type Round } from "../../schedules/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import { replicateRows } from "../replicate-rows.js";
import { rewardsOf, type Params } from "./params.js";
import { curationMap } from "./curation.js";
import { baseOf, conditionalModel, conditionalSupport, conditionalTopFixed, rewardSummary, weightsOf, type RoundParts } from "./theory.js";
import { theoryColumns } from "./metrics.js";

const NO_CONDITIONAL: MetricValues = { conditionalMeanReward: null, conditionalTopMass: null, conditionalTopFixed: null, conditionalSupportSize: null };

/** A replicate in progress: the refit (the model and the schedule's counts), the rewards' weights and the tilt. */
export class CurationRun {
  readonly refit: CountRefit;
  readonly rewards: number[];
  private readonly weights: F64Block;
  private readonly tilt: F64Block;

  constructor(
    private readonly engine: Engine,
    private readonly p: Params,
    private readonly rng: RandomStream,
  ) {
    this.rewards = rewardsOf(p);
    this.weights = engine.f64(p.support);
    this.tilt = engine.f64(p.support);
    try {
      this.weights.view.set(weightsOf(this.rewards, p.rewardScale));
      this.refit = new CountRefit(engine, rng, p.schedule, p.samples, baseOf(p.support, p.base), p.expected);
    } catch (error) {
      this.weights.free();
      this.tilt.free();
      throw error;
    }
  }

  /** Round t; returns the conditional expectations of its metrics (null where none is exact). */
  step(t: number): MetricValues {
    if (this.p.expected) {
      this.refit.expectedRefit(t, curationMap(this.refit.model.view, this.weights.view, this.p.choices));
      return NO_CONDITIONAL;
    }
    const round = this.refit.plan.round(t);
    const conditional = this.conditional(round);
    this.refit.refit(round, (samples, into) => this.curate(samples, into));
    return conditional;
  }

  /** `samples` curated samples of the model into `counts`. */
  private curate(samples: number, counts: F64Block): void {
    const { engine, rng, p } = this;
    const model = this.refit.model;
    if (p.choices === 1) {
      engine.multinomialCounts(rng, model, samples, counts);
    } else if (p.choices === "infinite") {
      const tilt = this.tilt.view, m = model.view, w = this.weights.view;
      for (let i = 0; i < tilt.length; i++) tilt[i] = m[i] * w[i];
      engine.multinomialCounts(rng, this.tilt, samples, counts);
    } else {
      engine.curatedCounts(rng, model, this.weights, p.choices, samples, counts);
    }
  }

  private conditional(round: Round): MetricValues {
    const { p } = this;
    if (p.schedule.kind === "accumulate-subsample") return NO_CONDITIONAL;
    const q = curationMap(this.refit.model.view, this.weights.view, p.choices);
    const parts: RoundParts = {
      fixed: this.refit.fixedCounts()?.view ?? null,
      real: round.freshReal,
      synthetic: round.synthetic,
    };
    const { p0 } = this.refit;
    const mean = rewardSummary(conditionalModel(p0, q, parts), this.rewards);
    return {
      conditionalMeanReward: mean.meanReward,
      conditionalTopMass: mean.topMass,
      conditionalTopFixed: conditionalTopFixed(p0, q, parts, this.rewards),
      conditionalSupportSize: conditionalSupport(p0, q, parts),
    };
  }

  /** The model's metrics. */
  metrics(): MetricValues {
    const p = this.refit.model.view, { p0 } = this.refit;
    let supportSize = 0, squares = 0, entropy = 0, kl = 0;
    for (let i = 0; i < p.length; i++) {
      if (!(p[i] > 0)) continue;
      supportSize++;
      squares += p[i] * p[i];
      entropy -= p[i] * detLog(p[i]);
      kl += p[i] * (detLog(p[i]) - detLog(p0[i]));
    }
    return { ...rewardSummary(p, this.rewards), topFixed: this.topFixed(), supportSize, gini: 1 - squares, entropy, klFromBase: kl };
  }

  /** 1 when every atom below the highest reward is at 0, else 0. */
  private topFixed(): number {
    const p = this.refit.model.view, r = this.rewards, top = Math.max(...r);
    return r.every((x, i) => x === top || p[i] === 0) ? 1 : 0;
  }

  free(): void {
    this.refit.free();
    this.weights.free();
    this.tilt.free();
  }
}

export function runReplicate(engine: Engine, p: Params, options: ReplicateOptions): MetricValues[] {
  return replicateRows(engine, options, theoryColumns(p, options.generations), NO_CONDITIONAL, (rng) => new CurationRun(engine, p, rng));
}
