// The rounds of one replicate, whatever draws them: each round's sampler fills the kept
// points' X^T X and X^T y', the ridge system is solved, the model is scored and becomes the
// next round's generator (self-consuming loop).
import type { Engine, FilteredMixtureCounts } from "../../engine/index.js";
import type { ReplicateOptions } from "../scenario.js";
import type { Params } from "./params.js";
import { resolveMethod } from "./method.js";
import { modelAccuracy } from "./metrics.js";
import type { RoundSampler } from "./round-sampler.js";
import { DirectRounds } from "./direct-rounds.js";
import { ExactRounds } from "./exact-rounds.js";

export interface RoundResult extends FilteredMixtureCounts {
  accuracy: number;
}

/** A round's sufficient statistics before the ridge solve, in the sampler's basis. */
export interface RoundStatistics extends FilteredMixtureCounts {
  generation: number;
  /** X^T X, d x d row-major. */
  gram: Float64Array;
  /** X^T y'. */
  rhs: Float64Array;
}

/** Runs options.generations rounds; `observe` sees each round's statistics before its solve. */
export function runRounds(
  engine: Engine, params: Params, options: ReplicateOptions,
  observe?: (statistics: RoundStatistics) => void,
): RoundResult[] {
  const { d, mu } = params;
  const results: RoundResult[] = [];
  if (options.generations === 0) return results;
  const rng = engine.stream(options.seed, 0);
  const system = engine.f64(d * d), rhs = engine.f64(d);
  const sampler: RoundSampler = resolveMethod(params) === "direct" ? new DirectRounds(engine, rng, params) : new ExactRounds(engine, rng, params);
  try {
    for (let generation = 1; generation <= options.generations; generation++) {
      const counts = sampler.draw(system, rhs);
      observe?.({ generation, gram: system.toArray(), rhs: rhs.toArray(), ...counts });
      // (X^T X / N + ridge I) w = X^T y' / N with N the points drawn is (X^T X + ridge N I) w = X^T y'.
      const failed = engine.cholesky(system, d, params.ridge * (params.nSynthetic + params.nReal));
      if (failed !== 0) throw new Error(`verified-mixture: the ridge system is not positive definite at pivot ${failed - 1}`);
      engine.choleskySolve(system, d, rhs);
      const model = rhs.view;
      results.push({ accuracy: modelAccuracy(mu, model), ...counts });
      sampler.adopt(model);
    }
  } finally {
    sampler.free();
    system.free();
    rhs.free();
    rng.free();
  }
  return results;
}

/**
 * Every round's sufficient statistics of one replicate with the accuracy of the model fitted
 * on them: what the exact and direct methods are compared on.
 */
export function roundStatistics(
  engine: Engine, params: Params, options: ReplicateOptions,
): (RoundStatistics & { accuracy: number })[] {
  const statistics: RoundStatistics[] = [];
  const results = runRounds(engine, params, options, (round) => statistics.push(round));
  return statistics.map((round, i) => ({ ...round, accuracy: results[i].accuracy }));
}
