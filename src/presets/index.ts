// The presets collapse-sim knows, by name (one file each).
import type { Preset } from "./preset.js";

export type { Preset } from "./preset.js";

export const presets: readonly Preset[] = [];

export function findPreset(name: string): Preset | undefined {
  return presets.find((p) => p.name === name);
}

export function presetNames(): string[] {
  return presets.map((p) => p.name);
}
