// The curated-choice scenario: a categorical model refitted, round after round, to samples its
// curator chose by K-choice Bradley-Terry preference (Ferbach et al., NeurIPS 2024), under any of
// the schedule layer's data schedules. Exports the scenario contract every scenario folder shares.
import type { Scenario } from "../scenario.js";
import { params, checkParams, checkGenerations, type Params } from "./params.js";
import { metrics } from "./metrics.js";
import { runReplicate } from "./simulate.js";

export { params, checkParams, checkGenerations, rewardsOf, type Params } from "./params.js";
export { metrics, theoryColumns } from "./metrics.js";
export { runReplicate, CurationRun } from "./simulate.js";
export { curationMap } from "./curation.js";
export * as theory from "./theory.js";

export const scenario: Scenario<Params> = {
  name: "curated-choice",
  title: "A model refitted to the samples a curator prefers: does the loop maximise the reward, and does real data keep it stable?",
  source:
    "Ferbach, Bertrand, Bose, Gidel, \"Self-Consuming Generative Models with Curated Data Provably Optimize Human Preferences\", NeurIPS 2024, arXiv:2407.09499",
  params,
  check: checkParams,
  checkGenerations,
  metrics,
  runReplicate,
};
