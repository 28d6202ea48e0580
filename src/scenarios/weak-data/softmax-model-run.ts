// The softmax model being trained: one weight matrix for all prompts, its world and start drawn
// once, then per round the training prompts' probabilities curated as the table's rows are
// (sampled, filtered, labelled or resampled), the weights trained on the curated pairs, and the
// training and held-out probabilities refreshed, each giving the generation's metrics.
import {
  CATEGORICAL_STATS, SOFTMAX_STATS, SOFTMAX_STATS_LENGTH, allocateRefitBuffers, allocateSoftmaxModelBuffers,
  type CategoricalRefitBuffers, type Engine, type F64Block, type RandomStream, type SoftmaxModelBuffers, type SoftmaxModelShape,
  type SoftmaxTraining,
} from "../../engine/index.js";
import type { MetricValues } from "../scenario.js";
import type { SoftmaxParams } from "./params.js";
import { curationSettings, type CurationSettings } from "./settings.js";
import type { ModelRun } from "./model-run.js";
import { Spending } from "./spending.js";

/**
 * A softmax model being trained. `refit.table` holds the training prompts' probabilities
 * (prompts x responses, correct response first) and `model.testTable` the held-out prompts',
 * both readable between rounds, as are the weights and the last round's curated pairs.
 */
export class SoftmaxModelRun implements ModelRun {
  readonly shape: SoftmaxModelShape;
  readonly curation: CurationSettings;
  readonly model: SoftmaxModelBuffers & { free(): void };
  readonly refit: CategoricalRefitBuffers & { free(): void };
  /** The stream the run draws from: its world and start, then its rounds. */
  readonly rng: RandomStream;
  private readonly stats: F64Block;
  private readonly testStats: F64Block;
  private readonly training: SoftmaxTraining;
  private readonly spending = new Spending();
  generation = 0;

  constructor(
    readonly engine: Engine,
    params: SoftmaxParams,
    seed: bigint,
  ) {
    const { steps, learningRate, ridge } = params;
    this.training = { steps, learningRate, ridge };
    this.shape = { rows: params.prompts, testRows: params.testPrompts, cols: params.responses, features: params.features };
    this.curation = curationSettings(params);
    this.model = allocateSoftmaxModelBuffers(engine, this.shape);
    try {
      this.refit = allocateRefitBuffers(engine, { rows: params.prompts, cols: params.responses, samples: params.samples, expected: false });
      this.stats = engine.f64(SOFTMAX_STATS_LENGTH);
      this.testStats = engine.f64(SOFTMAX_STATS_LENGTH);
      this.rng = engine.stream(seed);
      engine.fillSoftmaxModel(this.rng, this.model, this.shape, params);
      this.evaluate();
    } catch (error) {
      this.free();
      throw error;
    }
  }

  /** The training prompts' probabilities (the next round's draws) and the held-out prompts', with their statistics. */
  private evaluate(): void {
    const { rows, testRows, cols, features } = this.shape;
    this.engine.softmaxModelRows(this.model.weights, this.model.train, rows, cols, features, this.refit.table, this.stats);
    this.engine.softmaxModelRows(this.model.weights, this.model.test, testRows, cols, features, this.model.testTable, this.testStats);
  }

  metrics(): MetricValues {
    const s = this.stats.view, held = this.testStats.view;
    return {
      accuracy: s[CATEGORICAL_STATS.accuracy],
      solvedFraction: null,
      unsolved: null,
      ...this.spending.columns(s, this.generation),
      entropy: held[CATEGORICAL_STATS.entropy],
      gini: null,
      testAccuracy: held[CATEGORICAL_STATS.accuracy],
      testTop1: held[SOFTMAX_STATS.top1],
    };
  }

  /** One round: sample, filter, label (or resample) the training prompts, train, evaluate. */
  step(): void {
    this.engine.curateSoftmaxModel(this.rng, this.refit, this.model, this.shape, this.curation, this.stats);
    this.spending.add(this.stats.view);
    this.engine.trainSoftmaxModel(this.model, this.shape, this.training);
    this.evaluate();
    this.generation += 1;
  }

  free(): void {
    this.model.free();
    this.refit?.free();
    this.stats?.free();
    this.testStats?.free();
    this.rng?.free();
  }
}
