// Scenario `weak-data`: boosting-style curation with a weak labeler (shared/theory/weak-data.md).
import type { Scenario } from "../scenario.js";
import { weakDataParams, checkWeakDataParams, type WeakDataParams } from "./params.js";
import { WEAK_DATA_METRICS } from "./metrics.js";
import { runWeakData } from "./simulate.js";

export type { WeakDataParams } from "./params.js";
export { ARMS, ARM_NAMES, type ArmName } from "./arms.js";
export { WeakDataRun } from "./simulate.js";
export * as weakDataTheory from "./theory.js";

export const weakData: Scenario<WeakDataParams> = {
  name: "weak-data",
  title: "Self-training kept by a noisy filter and topped up by a weak labeler: does it converge, and where should labels go?",
  source: "Amin, Babakniya, Bie, Kong, Syed, Vassilvitskii, \"Escaping Collapse: The Strength of Weak Data for Large Language Model Training\", NeurIPS 2025, arXiv:2502.08924",
  params: weakDataParams,
  check: checkWeakDataParams,
  metrics: WEAK_DATA_METRICS,
  runReplicate: runWeakData,
};
