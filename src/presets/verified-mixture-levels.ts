// The levels a verified-mixture chart is read against: the Bayes accuracy a verifier can lift
// the model towards, and the generator's accuracy it may let the model fall below.
import * as verifiedMixture from "../scenarios/verified-mixture/index.js";
import type { Marker } from "../report/chart-plan.js";
import type { Study } from "../study/spec.js";

const { theory } = verifiedMixture;

/** Bayes on the accuracy chart, and the generator's accuracy on `generatorMetric`'s chart. */
export function accuracyLevels(study: Study<verifiedMixture.Params>, generatorMetric = "accuracy", generatorLabel = "generator"): Marker[] {
  const { mu, generator } = study.cells[0].params;
  return [
    { metric: "accuracy", value: theory.bayesAccuracy(mu), label: "Bayes" },
    { metric: generatorMetric, value: theory.generatorAccuracy(mu, generator), label: generatorLabel },
  ];
}
