// The presets collapse-sim knows, by name (one file each).
import type { Preset } from "./preset.js";
import { fengPhaseTransition } from "./feng-phase-transition.js";
import { fengVerifierQuality } from "./feng-verifier-quality.js";
import { fengCollapseLoop } from "./feng-collapse-loop.js";
import { fengProxyCorrelation } from "./feng-proxy-correlation.js";
import { fengBestOfK } from "./feng-best-of-k.js";
import { aminArms } from "./amin-arms.js";
import { aminRate } from "./amin-rate.js";
import { aminWeakVsResample } from "./amin-weak-vs-resample.js";
import { aminGeneralization } from "./amin-generalization.js";
import { shumailovGaussian } from "./shumailov-gaussian.js";
import { kazdanSchedules } from "./kazdan-schedules.js";
import { bertrandMadLoops } from "./bertrand-mad-loops.js";
import { gerstgrasserAccumulate } from "./gerstgrasser-accumulate.js";
import { demystifiedRegression } from "./demystified-regression.js";
import { kazdanSchedulesRegression } from "./kazdan-schedules-regression.js";
import { taleOfTails } from "./tale-of-tails.js";
import { sureshSurvival } from "./suresh-survival.js";
import { ferbachCuration } from "./ferbach-curation.js";
import { ferbachFixation } from "./ferbach-fixation.js";

export type { Preset } from "./preset.js";

export const presets: readonly Preset[] = [
  fengPhaseTransition, fengVerifierQuality, fengCollapseLoop, fengProxyCorrelation, fengBestOfK,
  aminArms, aminRate, aminWeakVsResample, aminGeneralization,
  shumailovGaussian, kazdanSchedules, bertrandMadLoops,
  gerstgrasserAccumulate, demystifiedRegression, kazdanSchedulesRegression,
  taleOfTails, sureshSurvival, ferbachCuration, ferbachFixation,
];

export function findPreset(name: string): Preset | undefined {
  return presets.find((p) => p.name === name);
}

export function presetNames(): string[] {
  return presets.map((p) => p.name);
}
