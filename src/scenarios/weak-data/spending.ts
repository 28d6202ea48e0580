// What the rounds of a run spend, read from the stats block each round leaves (CATEGORICAL_STATS),
// the same for both models: the share of samples the filter kept, and labels and extra samples
// per prompt, this round and so far.
import { CATEGORICAL_STATS } from "../../engine/index.js";
import type { MetricValues } from "../scenario.js";

export class Spending {
  private labels = 0;
  private extraSamples = 0;

  /** Adds a round's spending, from its stats block. */
  add(stats: Float64Array): void {
    this.labels += stats[CATEGORICAL_STATS.labels];
    this.extraSamples += stats[CATEGORICAL_STATS.extraSamples];
  }

  /** The spending columns of a generation: this round's from its stats block (null at generation 0), and the totals. */
  columns(stats: Float64Array, generation: number): MetricValues {
    const fresh = generation > 0;
    return {
      acceptedFraction: fresh ? stats[CATEGORICAL_STATS.acceptedFraction] : null,
      labels: fresh ? stats[CATEGORICAL_STATS.labels] : null,
      labelsTotal: this.labels,
      extraSamples: fresh ? stats[CATEGORICAL_STATS.extraSamples] : null,
      extraSamplesTotal: this.extraSamples,
    };
  }
}
