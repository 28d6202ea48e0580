// The verified-mixture scenario: synthetic labels selected by a verifier, a ridge learner, and
// the self-consuming loop (Feng et al., ICLR 2025). Exports the scenario contract that every
// scenario folder shares: `scenario`, `params`, `Params`, `metrics`, `runReplicate`, `theory`.
import type { Scenario } from "../scenario.js";
import { params, checkParams, type Params } from "./params.js";
import { metrics } from "./metrics.js";
import { runReplicate } from "./simulate.js";

export { params, checkParams, type Params } from "./params.js";
export { metrics } from "./metrics.js";
export { runReplicate } from "./simulate.js";
export * as theory from "./theory.js";

export const scenario: Scenario<Params> = {
  name: "verified-mixture",
  title: "When does training on verifier-selected synthetic labels reach Bayes accuracy, stay at the generator's, or collapse below it?",
  source:
    "Feng, Dohmatob, Yang, Charton, Kempe, \"Beyond Model Collapse: Scaling Up with Synthesized Data Requires Verification\", ICLR 2025, arXiv:2406.07515; " +
    "El Firdoussi, Seddik, Hayou, Alami, Alzubaidi, Hacid, \"Maximizing the Potential of Synthetic Data: Insights from Random Matrix Theory\", ICLR 2025, arXiv:2410.08942",
  params,
  check: checkParams,
  metrics,
  runReplicate,
};
