// One replicate of categorical-tails: generation 0 is the Zipf base p0; each round the model is
// refitted to count vectors under the schedule (CountRefit: the empirical frequency, no
// smoothing), its synthetic counts one multinomial draw from T(p_(t-1)). One stream per
// replicate, in CountRefit's order.
import type { Engine, F64Block, RandomStream } from "../../engine/index.js";
import { CountRefit, type Round } from "../../schedules/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import { replicateRows } from "../replicate-rows.js";
import type { Params } from "./params.js";
import { applyTransform, isIdentity, zipfBase, type Transform } from "./transform.js";
import { theoryColumns, transformOf } from "./metrics.js";

const METRIC_NAMES = ["supportSize", "lostMass", "tailMass", "gini", "entropy"] as const;
const CONDITIONAL_NAMES = ["conditionalSupportSize", "conditionalLostMass", "conditionalTailMass", "conditionalGini"] as const;

/** Named values from a stats block. */
function named(names: readonly string[], stats: Float64Array): MetricValues {
  const out: MetricValues = {};
  names.forEach((name, i) => (out[name] = stats[i]));
  return out;
}

/** lostMass's place in both stats blocks. */
const LOST_MASS = 1;

const NO_CONDITIONAL: MetricValues = { conditionalSupportSize: null, conditionalLostMass: null, conditionalTailMass: null, conditionalGini: null };

/** A replicate in progress: the refit (the model and the schedule's counts), and the block the sampling transform fills. */
export class TailsRun {
  readonly refit: CountRefit;
  private readonly weights: F64Block;
  private readonly stats: F64Block;
  private readonly transform: Transform;

  constructor(
    private readonly engine: Engine,
    private readonly p: Params,
    private readonly rng: RandomStream,
  ) {
    this.weights = engine.f64(p.support);
    this.stats = engine.f64(8);
    try {
      this.refit = new CountRefit(engine, rng, p.schedule, p.samples, zipfBase(p.support, p.zipfExponent, p.zipfOffset), p.expected, { compact: true });
      this.transform = transformOf(p);
    } catch (error) {
      this.weights.free();
      this.stats.free();
      throw error;
    }
  }

  /** Round t; returns the conditional expectations of its metrics (null where none is exact). */
  step(t: number): MetricValues {
    const sampling = this.sampling(), n = this.refit.live;
    if (this.p.expected) {
      this.refit.expectedRefit(t, sampling.view.subarray(0, n));
      return NO_CONDITIONAL;
    }
    const round = this.refit.plan.round(t);
    const conditional = this.conditional(round, sampling);
    this.refit.refit(round, (count, into) => this.engine.multinomialCounts(this.rng, sampling, count, into, n));
    return conditional;
  }

  /**
   * The block holding the sampling distribution T(p_(t-1)) over the refit's live entries: the
   * model itself where T is the identity, else the weights block (the temperature in the engine,
   * the cuts by rank). The dropped symbols are at 0 in p_(t-1), so T leaves them at 0.
   */
  private sampling(): F64Block {
    const { engine, transform, refit } = this;
    const n = refit.live, weights = this.weights.view.subarray(0, n);
    if (isIdentity(transform, n)) return refit.model;
    if (transform.temperature === 1) applyTransform(refit.model.view.subarray(0, n), transform, weights);
    else {
      engine.temperatureTransform(refit.model, transform.temperature, this.weights, n);
      applyTransform(weights, { ...transform, temperature: 1 }, weights);
    }
    return this.weights;
  }

  /** The model's metrics; the dropped symbols count in lostMass alone. */
  metrics(): MetricValues {
    const { refit } = this;
    this.engine.categoricalTailsMetrics(refit.model, refit.base, refit.entriesBelow(this.p.tailRank), this.stats, refit.live);
    this.stats.view[LOST_MASS] += refit.deadMass;
    return named(METRIC_NAMES, this.stats.view);
  }

  private conditional(round: Round, sampling: F64Block): MetricValues {
    const { p, engine } = this;
    if (p.schedule.kind === "accumulate-subsample") return NO_CONDITIONAL;
    const { refit } = this;
    engine.categoricalTailsConditional(refit.base, sampling, refit.fixedCounts(), round.freshReal, round.synthetic, refit.entriesBelow(p.tailRank), this.stats, refit.live);
    // A dropped symbol stays absent (no fresh real token can reach it where symbols are dropped).
    this.stats.view[LOST_MASS] += refit.deadMass;
    return named(CONDITIONAL_NAMES, this.stats.view);
  }

  free(): void {
    this.refit.free();
    this.weights.free();
    this.stats.free();
  }
}

export function runReplicate(engine: Engine, p: Params, options: ReplicateOptions): MetricValues[] {
  return replicateRows(engine, options, theoryColumns(p, options.generations), NO_CONDITIONAL, (rng) => new TailsRun(engine, p, rng));
}
