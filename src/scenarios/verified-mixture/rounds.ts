// The rounds of one replicate, whatever draws and fits them: each round's learner draws the
// kept points with the current generator and fits the model, which is scored and becomes the
// next round's generator (self-consuming loop).
import type { Engine, FilteredMixtureCounts, RandomStream } from "../../engine/index.js";
import type { ReplicateOptions } from "../scenario.js";
import { learnerOf, type Params, type Verifier } from "./params.js";
import { resolveMethod } from "./method.js";
import { modelAccuracy, norm } from "./metrics.js";
import type { RoundGenerator } from "./theory.js";
import { planeDirection } from "./plane-direction.js";
import { DirectRounds } from "./direct-rounds.js";
import { ExactRounds } from "./exact-rounds.js";
import { LogisticLearner, RidgeLearner, type RoundLearner, type RoundStatistics } from "./learners.js";

export type { RoundStatistics } from "./learners.js";

export interface RoundResult extends FilteredMixtureCounts {
  accuracy: number;
  /** The round's model as the next round's generator, as the closed forms see it. */
  model: RoundGenerator;
}

/**
 * A model w (in a sampler's basis: e1 first, and e2 second when a linear verifier leaves e1)
 * as a generator: its direction's cosines with e1 and with the verifier's direction, its
 * accuracy, and its labels' sharpness (the logistic learner draws them with sigma(w . x)).
 */
function modelGenerator(mu: number, model: Float64Array, verifier: Verifier, drawsLabels: boolean): RoundGenerator {
  const length = norm(model);
  if (length === 0) return { kind: "zero" };
  const [cosV, sinV] = verifier.kind === "linear" ? planeDirection(verifier.angle) : [0, 0];
  return {
    kind: "direction",
    accuracy: modelAccuracy(mu, model),
    cosMean: model[0] / length,
    cosVerifier: sinV === 0 ? (model[0] * cosV) / length : (model[0] * cosV + model[1] * sinV) / length,
    sharpness: drawsLabels ? length : Infinity,
  };
}

function learnerFor(engine: Engine, rng: RandomStream, params: Params, observe?: (statistics: RoundStatistics) => void): RoundLearner {
  if (learnerOf(params) === "logistic") return new LogisticLearner(engine, params, new DirectRounds(engine, rng, params));
  const sampler = resolveMethod(params) === "direct" ? new DirectRounds(engine, rng, params) : new ExactRounds(engine, rng, params);
  return new RidgeLearner(engine, params, sampler, observe);
}

/** Runs options.generations rounds; `observe` sees each ridge round's statistics before its solve. */
export function runRounds(
  engine: Engine, params: Params, options: ReplicateOptions,
  observe?: (statistics: RoundStatistics) => void,
): RoundResult[] {
  const results: RoundResult[] = [];
  if (options.generations === 0) return results;
  const rng = engine.stream(options.seed, 0);
  const learner = learnerFor(engine, rng, params, observe);
  const drawsLabels = learnerOf(params) === "logistic";
  try {
    for (let generation = 1; generation <= options.generations; generation++) {
      const { counts, model } = learner.fitRound(generation);
      results.push({ accuracy: modelAccuracy(params.mu, model), model: modelGenerator(params.mu, model, params.verifier, drawsLabels), ...counts });
      learner.adopt(model);
      options.onGeneration?.(generation);
    }
  } finally {
    learner.free();
    rng.free();
  }
  return results;
}

/**
 * Every round's sufficient statistics of one ridge replicate with the accuracy of the model
 * fitted on them: what the exact and direct methods are compared on.
 */
export function roundStatistics(
  engine: Engine, params: Params, options: ReplicateOptions,
): (RoundStatistics & { accuracy: number })[] {
  const statistics: RoundStatistics[] = [];
  const results = runRounds(engine, params, options, (round) => statistics.push(round));
  return statistics.map((round, i) => ({ ...round, accuracy: results[i].accuracy }));
}
