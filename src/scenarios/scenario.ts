// What a scenario provides: a parameter schema with defaults, its metrics, and the simulation
// of one replicate over many generations. A scenario never touches files or wasm memory
// directly; it works through an Engine.
import type { Schema } from "../validation/schema-type.js";
import type { Engine } from "../engine/index.js";
import type { SpecIssue } from "../validation/spec-error.js";

export interface MetricDefinition {
  name: string;
  description: string;
  /** Set on a closed-form column: the simulated metric it predicts, which plots overlay it on. */
  theoryOf?: string;
  /**
   * What kind of closed form the column is, said in plot titles and legends: the exact
   * expectation, the exact expectation given the previous state or the inputs, or a limit.
   */
  closedForm?: ClosedFormKind;
}

export type ClosedFormKind = "exact" | "conditional" | "asymptotic";

/** One generation's metrics; null where a metric does not apply (an empty CSV cell). */
export type MetricValues = Record<string, number | null>;

export interface ReplicateOptions {
  /** Rounds to run; the result has generations + 1 entries (0 = the starting model). */
  generations: number;
  /** The replicate's 64-bit seed, derived by the study layer from the cell and replicate. */
  seed: bigint;
  /**
   * Called after each round with its number (1..generations), so that a long replicate shows
   * progress; it must not change what the replicate computes.
   */
  onGeneration?(generation: number): void;
}

export interface Scenario<P = unknown> {
  readonly name: string;
  /** One line: what the scenario answers. */
  readonly title: string;
  /** The paper it reproduces. */
  readonly source: string;
  /** Parameters with defaults; errors name the parameter and what it allows. */
  readonly params: Schema<P, unknown>;
  /**
   * Checks across parameters the schema cannot express (memory limits, a parameter given where it
   * does not apply, ...): on the resolved params and on the params as given, before defaults;
   * paths relative to params.
   */
  check?(params: P, given: Record<string, unknown>): SpecIssue[];
  /**
   * Limits that depend on the number of generations too (a pool that grows every round, a round
   * size that grows); paths relative to params.
   */
  checkGenerations?(params: P, generations: number): SpecIssue[];
  readonly metrics: readonly MetricDefinition[];
  /** Simulates one replicate; a pure function of (params, seed) for a given engine kind. */
  runReplicate(engine: Engine, params: P, options: ReplicateOptions): MetricValues[];
}
