// The regression-chain scenario: linear regression refitted, round after round, on labels drawn
// from its previous fit (Gerstgrasser et al. 2024; Dohmatob, Feng and Kempe, NeurIPS 2024), under
// any of the schedule layer's data schedules. Exports the contract every scenario folder shares.
import type { Scenario } from "../scenario.js";
import { params, checkParams, checkGenerations, type Params } from "./params.js";
import { metrics } from "./metrics.js";
import { runReplicate } from "./simulate.js";

export { params, checkParams, checkGenerations, type Params } from "./params.js";
export { metrics, theoryColumns } from "./metrics.js";
export { runReplicate, ChainRun } from "./simulate.js";
export * as theory from "./theory.js";

export const scenario: Scenario<Params> = {
  name: "regression-chain",
  title: "Linear regression on the previous model's labels: does the error grow linearly, stay bounded, or collapse to the null predictor?",
  source:
    "Gerstgrasser et al., \"Is Model Collapse Inevitable? Breaking the Curse of Recursion by Accumulating Real and Synthetic Data\", arXiv:2404.01413; " +
    "Dohmatob, Feng, Kempe, \"Model Collapse Demystified: The Case of Regression\", NeurIPS 2024, arXiv:2402.07712; " +
    "with Kazdan et al., arXiv:2410.16713 (accumulate-subsample) and Dohmatob et al., ICLR 2025, arXiv:2410.04840 (a mis-specified generator)",
  params,
  check: checkParams,
  checkGenerations,
  metrics,
  runReplicate,
};
