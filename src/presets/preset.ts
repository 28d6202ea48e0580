// A preset: a named study that reproduces a published result, with its citation and how to
// draw it. definePreset types it against its scenario: the compiler checks the spec's params
// against the scenario's schema, and plot markers and derived metrics get the scenario's
// resolved parameters, for its own closed forms to use.
import type { InputOf, OutputOf, Schema } from "../validation/schema-type.js";
import type { Scenario } from "../scenarios/index.js";
import type { StudySpecInput } from "../study/spec.js";
import type { PlotHints } from "../report/chart-plan.js";
import type { DerivedMetric } from "../report/derived.js";

/** What definePreset needs of a scenario folder's exports: the scenario and its parameter schema. */
export interface ScenarioContract<S extends Schema<any, any>> {
  scenario: Scenario<OutputOf<S>>;
  params: S;
}

/** A study spec for a known scenario, its params as a user writes them (those with defaults may be left out). */
export type PresetSpec<Input> = Omit<StudySpecInput, "scenario" | "params"> & { params: Input };

/** A preset of a scenario whose resolved parameters are P, as the registry and the output layer see it. */
export interface Preset<P = unknown> {
  name: string;
  /** One line: what it shows. */
  title: string;
  /** The publication it reproduces (authors, title, venue, arXiv id) and where in it. */
  source: string;
  /** What to look for in the plots. */
  description: string;
  /** The study spec (the public JSON format); `--set` overrides apply on top. */
  spec: Record<string, unknown>;
  plot?: PlotHints<P>;
  /** Metrics of whole replicates (e.g. rounds to reach a target), summarised in derived.csv. */
  derived?: DerivedMetric<P>[];
  /** How to draw the derived metrics (by default against the swept numeric parameter). */
  derivedPlot?: PlotHints<P>;
}

/** A preset as definePreset returns it: its spec typed by the scenario's schema (Input, as written). */
export interface ScenarioPreset<P, Input> extends Preset<P> {
  spec: PresetSpec<Input> & { scenario: string };
}

/** A preset of `contract`'s scenario, whose name its spec takes. */
export function definePreset<S extends Schema<any, any>>(
  contract: ScenarioContract<S>,
  preset: Omit<ScenarioPreset<OutputOf<S>, InputOf<S>>, "spec"> & { spec: PresetSpec<InputOf<S>> },
): ScenarioPreset<OutputOf<S>, InputOf<S>> {
  return { ...preset, spec: { scenario: contract.scenario.name, ...preset.spec } };
}
