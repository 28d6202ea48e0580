// The presets collapse-sim knows, by name (one file each).
import type { Preset } from "./preset.js";
import { fengPhaseTransition } from "./feng-phase-transition.js";
import { fengVerifierQuality } from "./feng-verifier-quality.js";

export type { Preset } from "./preset.js";

export const presets: readonly Preset[] = [fengPhaseTransition, fengVerifierQuality];

export function findPreset(name: string): Preset | undefined {
  return presets.find((p) => p.name === name);
}

export function presetNames(): string[] {
  return presets.map((p) => p.name);
}
