// The learners a round's kept points train: ridge regression, which needs only the sufficient
// statistics X^T X and X^T y' (either method draws them), and logistic regression, which needs
// every kept point (the direct method's rows) and is fitted by Newton's method in the engine.
// Each draws its round from its sampler, fits, and hands the model back as the next generator.
import type { Engine, F64Block, FilteredMixtureCounts } from "../../engine/index.js";
import type { Params } from "./params.js";
import type { RoundSampler } from "./round-sampler.js";
import type { DirectRounds } from "./direct-rounds.js";

/** A round's sufficient statistics before the ridge solve, in the sampler's basis. */
export interface RoundStatistics extends FilteredMixtureCounts {
  generation: number;
  /** X^T X, d x d row-major. */
  gram: Float64Array;
  /** X^T y'. */
  rhs: Float64Array;
}

export interface RoundLearner {
  /** Draws a round with the current generator and fits it: the round's counts and the model w (a view, valid until the next round). */
  fitRound(generation: number): { counts: FilteredMixtureCounts; model: Float64Array };
  /** The model becomes the generator. */
  adopt(model: Float64Array): void;
  free(): void;
}

/** What the learners share: the sampler that draws their rounds, and the blocks they own. */
abstract class SamplerLearner<S extends RoundSampler> implements RoundLearner {
  constructor(
    protected readonly sampler: S,
    private readonly blocks: F64Block[],
  ) {}

  abstract fitRound(generation: number): { counts: FilteredMixtureCounts; model: Float64Array };

  adopt(model: Float64Array): void {
    this.sampler.adopt(model);
  }

  free(): void {
    this.sampler.free();
    for (const block of this.blocks) block.free();
  }
}

/** Ridge on the kept points: (X^T X / N + ridge I) w = X^T y' / N, N the points drawn. */
export class RidgeLearner extends SamplerLearner<RoundSampler> {
  private readonly system: F64Block;
  private readonly rhs: F64Block;

  constructor(
    private readonly engine: Engine,
    private readonly params: Params,
    sampler: RoundSampler,
    /** Sees each round's statistics before its solve. */
    private readonly observe?: (statistics: RoundStatistics) => void,
  ) {
    const system = engine.f64(params.d * params.d), rhs = engine.f64(params.d);
    super(sampler, [system, rhs]);
    this.system = system;
    this.rhs = rhs;
  }

  fitRound(generation: number): { counts: FilteredMixtureCounts; model: Float64Array } {
    const { engine, params, system, rhs } = this;
    const { d } = params;
    const counts = this.sampler.draw(system, rhs);
    this.observe?.({ generation, gram: system.toArray(), rhs: rhs.toArray(), ...counts });
    // (X^T X / N + ridge I) w = X^T y' / N with N the points drawn is (X^T X + ridge N I) w = X^T y'.
    const failed = engine.cholesky(system, d, params.ridge * (params.nSynthetic + params.nReal));
    if (failed !== 0) throw new Error(`verified-mixture: the ridge system is not positive definite at pivot ${failed - 1}`);
    engine.choleskySolve(system, d, rhs);
    return { counts, model: rhs.view };
  }
}

/**
 * Logistic regression on the kept points: w minimises (1/N) sum log(1 + exp(-y' w . x)) +
 * (ridge / 2) |w|^2, N the points drawn, to the engine's gradient tolerance.
 */
export class LogisticLearner extends SamplerLearner<DirectRounds> {
  private readonly rows: F64Block;
  private readonly labels: F64Block;
  private readonly model: F64Block;

  constructor(
    private readonly engine: Engine,
    private readonly params: Params,
    sampler: DirectRounds,
  ) {
    const points = params.nSynthetic + params.nReal;
    const rows = engine.f64(points * params.d), labels = engine.f64(points), model = engine.f64(params.d);
    super(sampler, [rows, labels, model]);
    this.rows = rows;
    this.labels = labels;
    this.model = model;
  }

  fitRound(): { counts: FilteredMixtureCounts; model: Float64Array } {
    const { params } = this;
    const { rows, ...counts } = this.sampler.drawRows(this.rows, this.labels);
    this.engine.logisticFit(this.rows, this.labels, rows, params.d, params.nSynthetic + params.nReal, params.ridge, this.model);
    return { counts, model: this.model.view };
  }
}
