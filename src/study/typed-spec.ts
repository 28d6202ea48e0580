// simulate's types: a spec of a built-in scenario is checked against that scenario's parameters
// (src/scenarios/spec-types.ts, generated from its schema), so a misspelt or mistyped parameter
// is a compile-time error, and its rows carry the scenario's metrics and parameter columns as
// typed fields. Any other spec (a plug-in scenario's, or one typed `unknown`) is accepted as it
// is, with untyped rows, and checked at run time as before.
import type { BuiltInScenarioTypes } from "../scenarios/spec-types.js";
import type { Scalar } from "./flatten.js";
import type { Row } from "./rows.js";

export type { BuiltInScenarioTypes } from "../scenarios/spec-types.js";

/** The names of the scenarios that ship with collapse-sim. */
export type BuiltInScenarioName = keyof BuiltInScenarioTypes;

/** A built-in scenario's parameters as a spec writes them (keys with defaults may be left out). */
export type ParamsOf<N extends BuiltInScenarioName> = BuiltInScenarioTypes[N]["params"];

/**
 * A study spec of a built-in scenario, as written: its params typed by the scenario (keys with
 * defaults may be left out). Grid keys are any dotted parameter path and their values are
 * checked at run time only: a grid key is a path into params, which plain types do not follow.
 */
export type SpecOf<N extends BuiltInScenarioName> = {
  scenario: N;
  params?: ParamsOf<N>;
  grid?: Record<string, readonly unknown[]>;
  generations?: number;
  seeds?: number;
  seed?: number;
  engine?: "wasm" | "js";
};

/** A spec of any built-in scenario. */
export type BuiltInSpec = { [N in BuiltInScenarioName]: SpecOf<N> }[BuiltInScenarioName];

/** What simulate accepts for a spec S: a built-in scenario's spec type, or S itself (a plug-in's spec, unknown). */
export type TypedSpec<S> = S extends { scenario: infer N extends BuiltInScenarioName } ? SpecOf<N> : S;

/**
 * A row of a built-in scenario: cell, replicate, generation, its metrics (null where one does
 * not apply) and its parameter columns (a cell has those of its own settings).
 */
export type RowOf<N extends BuiltInScenarioName> = { cell: number; replicate: number; generation: number } & {
  [M in BuiltInScenarioTypes[N]["metric"]]: number | null;
} & { [C in BuiltInScenarioTypes[N]["column"]]?: Scalar };

/** The rows simulate returns for a spec S: typed for a built-in scenario, plain Rows otherwise. */
export type RowsOf<S> = S extends { scenario: infer N extends BuiltInScenarioName } ? RowOf<N>[] : Row[];
