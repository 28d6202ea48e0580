// The study spec (DESIGN.md, public contract) and its resolution into cells: every grid
// combination's full parameters, checked by the scenario before any work starts.
import { z } from "zod";
import { integer, oneOf, strictObject, toSpecIssues } from "../validation/schema.js";
import { SpecError, type SpecIssue } from "../validation/spec-error.js";
import { scenarios, scenarioNames, resolveParams, type Scenario } from "../scenarios/index.js";
import { flattenParams, getDotted, isObject, setDotted, setOwn, type Scalar } from "./flatten.js";
import { cellKey } from "./seeds.js";

export const MAX_GENERATIONS = 100_000;
export const MAX_SEEDS = 1_000_000;
export const MAX_CELLS = 1_000_000;

const specSchema = strictObject({
  scenario: z.string({ error: "a scenario name" }),
  params: z.record(z.string(), z.unknown(), { error: "an object of parameters" }).default({}),
  grid: z
    .record(z.string(), z.array(z.unknown(), { error: "a non-empty array of values" }).min(1, { error: "a non-empty array of values" }), {
      error: "an object mapping dotted parameter paths to arrays of values",
    })
    .default({}),
  generations: integer(0, MAX_GENERATIONS).default(1),
  seeds: integer(1, MAX_SEEDS).default(10),
  seed: integer(0, Number.MAX_SAFE_INTEGER).default(0),
  engine: oneOf(["wasm", "js"]).default("wasm"),
});

export type StudySpec = z.output<typeof specSchema>;

export interface Cell<P = unknown> {
  /** Position in the grid's expansion (first grid key slowest). */
  index: number;
  /** The scenario's full parameters for this cell. */
  params: P;
  /** The same, under dotted names, as rows carry them. */
  flat: Record<string, Scalar>;
  /** Identity of the experiment, the root of its replicates' seeds. */
  key: bigint;
}

export interface Study<P = unknown> {
  spec: StudySpec;
  scenario: Scenario<P>;
  cells: Cell<P>[];
}

/** Every combination of grid values, the first key varying slowest. */
export function expandGrid(grid: Record<string, unknown[]>): Array<Array<[path: string, valueIndex: number, value: unknown]>> {
  let combos: Array<Array<[string, number, unknown]>> = [[]];
  for (const [path, values] of Object.entries(grid)) {
    combos = combos.flatMap((combo) => values.map((value, i) => [...combo, [path, i, value] as [string, number, unknown]]));
  }
  return combos;
}

/** Reports a cell's parameter problem at the grid entry that produced it, when one did. */
function gridPath(issue: SpecIssue, combo: Array<[string, number, unknown]>): SpecIssue {
  const inParams = issue.path.replace(/^params\.?/, "");
  for (const [path, index] of combo) {
    if (inParams === path || inParams.startsWith(`${path}.`) || inParams.startsWith(`${path}[`)) {
      return { ...issue, path: `grid.${path}[${index}]${inParams.slice(path.length)}` };
    }
  }
  return issue;
}

/**
 * A grid path into an object the spec leaves to its default starts from that default: with no
 * params.generator, a grid over "generator.eps" varies the default generator's eps rather than
 * building a generator that has nothing but an eps.
 */
function withDefaultParents(scenario: Scenario, params: unknown, paths: string[]): unknown {
  const defaults = scenario.params.safeParse({});
  if (!defaults.success) return params;
  for (const path of paths) {
    const parts = path.split(".");
    for (let depth = 1; depth < parts.length; depth++) {
      const prefix = parts.slice(0, depth).join(".");
      const fallback = getDotted(defaults.data, prefix);
      if (getDotted(params, prefix) === undefined && fallback !== null && typeof fallback === "object") {
        params = setDotted(params, prefix, structuredClone(fallback));
      }
    }
  }
  return params;
}

/** The cells of a scenario's grid over params, and every parameter problem of every cell. */
function resolveCells(scenario: Scenario, params: unknown, grid: Record<string, unknown[]>): { cells: Cell[]; issues: SpecIssue[] } {
  const combos = expandGrid(grid);
  if (combos.length > MAX_CELLS) {
    return { cells: [], issues: [{ path: "grid", value: `${combos.length} cells`, problem: "too large", allowed: `at most ${MAX_CELLS} cells` }] };
  }
  const base = withDefaultParents(scenario, params, Object.keys(grid));
  const issues = new Map<string, SpecIssue>();
  const cells: Cell[] = [];
  combos.forEach((combo, index) => {
    let raw: unknown = base;
    for (const [path, , value] of combo) raw = setDotted(raw, path, value);
    try {
      const resolved = resolveParams(scenario, raw, "params");
      cells.push({ index, params: resolved, flat: flattenParams(resolved), key: cellKey(scenario.name, resolved) });
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      for (const issue of error.issues) {
        const located = gridPath(issue, combo);
        issues.set(`${located.path}\u0000${located.problem}`, located);
      }
    }
  });
  return { cells, issues: [...issues.values()] };
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
  const scenario = typeof name === "string" ? scenarios[name] : undefined;
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
    const resolved = resolveCells(scenario, params, grid);
    cells = resolved.cells;
    issues.push(...resolved.issues);
  }
  if (issues.length > 0 || !parsed.success || !scenario) throw new SpecError(issues);
  return { spec: parsed.data, scenario, cells };
}
