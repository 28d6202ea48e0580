// The weak-data scenario: boosting-style curation with a weak labeler (Amin et al., NeurIPS
// 2025). Exports the scenario contract that every scenario folder shares: `scenario`, `params`,
// `Params`, `metrics`, `runReplicate`, `theory`; and the arms, the two models, and runs to
// inspect round by round.
import type { Scenario } from "../scenario.js";
import { params, checkParams, type Params } from "./params.js";
import { metrics } from "./metrics.js";
import { runReplicate } from "./simulate.js";

export { params, checkParams, tableParams, type Params, type TableParams, type SoftmaxParams } from "./params.js";
export { metrics } from "./metrics.js";
export { runReplicate, startModelRun } from "./simulate.js";
export type { ModelRun } from "./model-run.js";
export { TableModelRun } from "./table-model-run.js";
export { SoftmaxModelRun } from "./softmax-model-run.js";
export { MODELS, TABLE_ONLY, SOFTMAX_ONLY, type ModelName } from "./models.js";
export * as theory from "./theory.js";
export { ARMS, ARM_NAMES, type ArmName } from "./arms.js";

export const scenario: Scenario<Params> = {
  name: "weak-data",
  title: "Self-training kept by a noisy filter and topped up by a weak labeler: does it converge, and where should labels go?",
  source: "Amin, Babakniya, Bie, Kong, Syed, Vassilvitskii, \"Escaping Collapse: The Strength of Weak Data for Large Language Model Training\", NeurIPS 2025, arXiv:2502.08924",
  params,
  check: checkParams,
  metrics,
  runReplicate,
};
