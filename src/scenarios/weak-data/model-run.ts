// A model being trained, round by round, whichever model it is: the scenario's arms, filters
// and allocations act on both through the same kernels; only sampling and refitting differ.
import type { MetricValues } from "../scenario.js";

export interface ModelRun {
  /** Rounds run so far. */
  readonly generation: number;
  /** The current generation's metrics (without theory columns). */
  metrics(): MetricValues;
  /** One round: sample, filter, label, refit. */
  step(): void;
  free(): void;
}
