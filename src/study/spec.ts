// The study spec, the JSON format users and scripts write, and its resolution into cells
// (cells.ts): every grid combination's full parameters, checked by the scenario before any
// work starts.
import * as z from "zod/mini";
import { integer, oneOf, param, strictObject, toSpecIssues } from "../validation/schema.js";
import { SpecError } from "../validation/spec-error.js";
import { findScenario, scenarioNames, type Scenario } from "../scenarios/index.js";
import { isObject, setOwn } from "./flatten.js";
import { MAX_CELLS, gridSize, resolveCells, type Cell } from "./cells.js";

export const MAX_GENERATIONS = 100_000;
export const MAX_SEEDS = 1_000_000;
/**
 * Cells x seeds: the (cell, replicate) tasks. The main thread lists them, and tracks and indexes
 * each one's rows (running, resuming, merging, plotting): up to about 500 bytes a task while
 * rows.jsonl is rewritten, so 2 million tasks take about 1 GB of heap (measured), within
 * Node's default limit on a machine with 8 GB or more.
 */
export const MAX_TASKS = 2_000_000;

/** A study spec resolved: defaults filled in. */
export interface StudySpec {
  scenario: string;
  params: Record<string, unknown>;
  grid: Record<string, unknown[]>;
  generations: number;
  seeds: number;
  seed: number;
  engine: "wasm" | "js";
}

/** A study spec as written: keys with defaults may be left out. */
export interface StudySpecInput {
  scenario: string;
  params?: Record<string, unknown> | undefined;
  grid?: Record<string, unknown[]> | undefined;
  generations?: number | undefined;
  seeds?: number | undefined;
  seed?: number | undefined;
  engine?: "wasm" | "js" | undefined;
}

// Declared above in plain types, so that the published types name none of zod's; the
// annotation checks that the schema's input and output fit them.
const specSchema: z.ZodMiniType<StudySpec, StudySpecInput> = strictObject({
  scenario: z.string({ error: "a scenario name" }),
  params: param(z.record(z.string(), z.unknown(), { error: "an object of parameters" }), { default: {} }),
  grid: param(
    z.record(z.string(), z.array(z.unknown(), { error: "a non-empty array of values" }).check(z.minLength(1, { error: "a non-empty array of values" })), {
      error: "an object mapping dotted parameter paths to arrays of values",
    }),
    { default: {} },
  ),
  generations: param(integer(0, MAX_GENERATIONS), { default: 1 }),
  seeds: param(integer(1, MAX_SEEDS), { default: 10 }),
  seed: param(integer(0, Number.MAX_SAFE_INTEGER), { default: 0 }),
  engine: param(oneOf(["wasm", "js"]), { default: "wasm" }),
});


export interface Study<P = unknown> {
  spec: StudySpec;
  scenario: Scenario<P>;
  cells: Cell<P>[];
}

/**
 * Validates a study spec completely (every cell's parameters included) and expands it. All
 * problems are reported together: a wrong key elsewhere does not hide the parameters' problems.
 */
export function resolveStudy(input: unknown): Study {
  const parsed = specSchema.safeParse(input);
  const issues = parsed.success ? [] : toSpecIssues(parsed.error, input, "");
  const raw = isObject(input) ? input : {};
  const name = parsed.success ? parsed.data.scenario : raw.scenario;
  const scenario = typeof name === "string" ? findScenario(name) : undefined;
  if (typeof name === "string" && !scenario) {
    issues.push({ path: "scenario", value: name, problem: "unknown value", allowed: `one of ${scenarioNames().map((n) => JSON.stringify(n)).join(", ")}` });
  }
  let cells: Cell[] = [];
  if (scenario) {
    // Even when the spec has other problems, check the parameters it can be read for. The
    // input itself, not the schema's copy: a record schema drops a "__proto__" key, and the
    // scenario's own schema must see it to refuse it.
    const params = isObject(raw.params) ? raw.params : {};
    const grid: Record<string, unknown[]> = {};
    for (const [key, values] of Object.entries(isObject(raw.grid) ? raw.grid : {})) {
      if (Array.isArray(values) && values.length > 0) setOwn(grid, key, values);
    }
    const size = gridSize(grid);
    if (parsed.success && size <= MAX_CELLS && size * parsed.data.seeds > MAX_TASKS) {
      // Refused before the cells are resolved: that alone takes long for such a grid.
      issues.push({
        path: "seeds",
        value: parsed.data.seeds,
        problem: `too large for ${size} cells`,
        allowed: `at most ${Math.floor(MAX_TASKS / size)}: cells x seeds, the number of (cell, replicate) tasks, is at most ${MAX_TASKS} (fewer grid values allow more seeds)`,
      });
    } else {
      const resolved = resolveCells(scenario, params, grid, parsed.success ? parsed.data.generations : undefined);
      cells = resolved.cells;
      issues.push(...resolved.issues);
    }
  }
  if (issues.length > 0 || !parsed.success || !scenario) throw new SpecError(issues);
  return { spec: parsed.data, scenario, cells };
}
