// The categorical-tails scenario: a Zipf distribution re-estimated, round after round, from
// counts of its own samples, through temperature, top-k and top-p sampling (Dohmatob et al.,
// "A Tale of Tails", ICML 2024; Suresh et al. 2024), under any of the schedule layer's data
// schedules. Exports the scenario contract every scenario folder shares.
import type { Scenario } from "../scenario.js";
import { params, checkParams, checkGenerations, type Params } from "./params.js";
import { metrics } from "./metrics.js";
import { runReplicate } from "./simulate.js";

export { params, checkParams, checkGenerations, type Params } from "./params.js";
export { metrics, theoryColumns } from "./metrics.js";
export { runReplicate, TailsRun } from "./simulate.js";
export * as transform from "./transform.js";
export * as theory from "./theory.js";

export const scenario: Scenario<Params> = {
  name: "categorical-tails",
  title: "A Zipf distribution refitted to its own samples: how fast does it lose its tail, and how much do top-k, top-p and temperature cut?",
  source:
    "Dohmatob, Feng, Yang, Charton, Kempe, \"A Tale of Tails: Model Collapse as a Change of Scaling Laws\", ICML 2024, arXiv:2402.07043; " +
    "Suresh et al., \"Rate of Model Collapse in Recursive Training\", arXiv:2412.17646; with Seddik et al., COLM 2024, arXiv:2404.05090; Kazdan et al., arXiv:2410.16713",
  params,
  check: checkParams,
  checkGenerations,
  metrics,
  runReplicate,
};
