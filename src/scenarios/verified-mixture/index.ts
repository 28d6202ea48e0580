// The verified-mixture scenario: synthetic labels selected by a verifier, a ridge learner, and
// the self-consuming loop (Feng et al., ICLR 2025).
import type { Scenario } from "../scenario.js";
import { paramsSchema, checkParams, type VerifiedMixtureParams } from "./params.js";
import { metricDefinitions } from "./metrics.js";
import { runReplicate } from "./simulate.js";

export type { VerifiedMixtureParams } from "./params.js";

export const verifiedMixture: Scenario<VerifiedMixtureParams> = {
  name: "verified-mixture",
  title: "When does training on verifier-selected synthetic labels reach Bayes accuracy, stay at the generator's, or collapse below it?",
  source: "Feng, Dohmatob, Yang, Charton, Kempe, Beyond Model Collapse: Scaling Up with Synthesized Data Requires Verification, ICLR 2025 (arXiv 2406.07515); El Firdoussi et al., ICLR 2025 (arXiv 2410.08942)",
  params: paramsSchema,
  check: checkParams,
  metrics: metricDefinitions,
  runReplicate,
};
