// The presets collapse-sim knows, by name (one file each).
import type { Preset } from "./preset.js";
import { fengPhaseTransition } from "./feng-phase-transition.js";
import { fengVerifierQuality } from "./feng-verifier-quality.js";
import { aminArms } from "./amin-arms.js";
import { aminRate } from "./amin-rate.js";
import { shumailovGaussian } from "./shumailov-gaussian.js";
import { kazdanSchedules } from "./kazdan-schedules.js";
import { bertrandMadLoops } from "./bertrand-mad-loops.js";

export type { Preset } from "./preset.js";

export const presets: readonly Preset[] = [fengPhaseTransition, fengVerifierQuality, aminArms, aminRate, shumailovGaussian, kazdanSchedules, bertrandMadLoops];

export function findPreset(name: string): Preset | undefined {
  return presets.find((p) => p.name === name);
}

export function presetNames(): string[] {
  return presets.map((p) => p.name);
}
