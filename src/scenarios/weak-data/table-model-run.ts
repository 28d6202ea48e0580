// The table model being trained: one distribution per prompt, its initial draw, then one kernel
// call per round (sample, filter, label, refit), each giving the generation's metrics.
import {
  CATEGORICAL_STATS, CATEGORICAL_STATS_LENGTH, allocateRefitBuffers,
  type CategoricalRefitBuffers, type Engine, type F64Block, type RandomStream,
} from "../../engine/index.js";
import type { MetricValues } from "../scenario.js";
import type { TableParams } from "./params.js";
import { roundSettings, type RoundSettings } from "./settings.js";
import type { ModelRun } from "./model-run.js";
import { Spending } from "./spending.js";

/**
 * A table model being trained: its table p(.|x) and per-prompt state in engine memory. `table`
 * (prompts x responses, row-major, response 0 correct) stays readable between rounds.
 */
export class TableModelRun implements ModelRun {
  readonly settings: RoundSettings;
  readonly buffers: CategoricalRefitBuffers & { free(): void };
  /** The stream the run draws from: its initial model, then its rounds. */
  readonly rng: RandomStream;
  private readonly stats: F64Block;
  private readonly spending = new Spending();
  generation = 0;

  constructor(
    readonly engine: Engine,
    params: TableParams,
    seed: bigint,
  ) {
    this.settings = roundSettings(params);
    const { rows, cols, zeroRows } = this.settings;
    this.buffers = allocateRefitBuffers(engine, this.settings);
    try {
      this.stats = engine.f64(CATEGORICAL_STATS_LENGTH);
      this.rng = engine.stream(seed);
      const [betaA, betaB] = params.accuracyBeta;
      engine.fillBetaCategoricalRows(this.rng, this.buffers.table, {
        rows, cols, zeroRows, betaA, betaB, dirichletTail: params.wrongSpread === "dirichlet",
      });
    } catch (error) {
      this.free();
      throw error;
    }
  }

  /** The current generation's metrics (without theory columns). */
  metrics(): MetricValues {
    const s = this.stats.view;
    if (this.generation === 0) {
      this.engine.categoricalRowStats(this.buffers.table, this.settings.rows, this.settings.cols, this.settings.epsilon, this.stats);
    }
    return {
      accuracy: s[CATEGORICAL_STATS.accuracy],
      solvedFraction: s[CATEGORICAL_STATS.solvedFraction],
      unsolved: s[CATEGORICAL_STATS.unsolved],
      ...this.spending.columns(s, this.generation),
      entropy: s[CATEGORICAL_STATS.entropy],
      gini: s[CATEGORICAL_STATS.gini],
      testAccuracy: null,
      testTop1: null,
    };
  }

  /** One round: sample, filter, label, refit. */
  step(): void {
    this.engine.refitCategoricalRows(this.rng, this.buffers, this.settings, this.stats);
    this.spending.add(this.stats.view);
    this.generation += 1;
  }

  free(): void {
    this.buffers.free();
    this.stats?.free();
    this.rng?.free();
  }
}
