// The study spec (DESIGN.md, public contract) and its resolution into cells: every grid
// combination's full parameters, checked by the scenario before any work starts.
import { z } from "zod";
import { integer, oneOf, strictObject, parseOrThrow } from "../validation/schema.js";
import { SpecError, type SpecIssue } from "../validation/spec-error.js";
import { scenarios, scenarioNames, resolveParams, type Scenario } from "../scenarios/index.js";
import { flattenParams, setDotted, type Scalar } from "./flatten.js";
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

/** Validates a study spec completely (every cell's parameters included) and expands it. */
export function resolveStudy(input: unknown): Study {
  const spec = parseOrThrow(specSchema, input, "");
  const scenario = scenarios[spec.scenario];
  if (!scenario) {
    throw new SpecError([{ path: "scenario", value: spec.scenario, problem: "unknown value", allowed: `one of ${scenarioNames().map((n) => JSON.stringify(n)).join(", ")}` }]);
  }
  const combos = expandGrid(spec.grid);
  if (combos.length > MAX_CELLS) {
    throw new SpecError([{ path: "grid", value: `${combos.length} cells`, problem: "too large", allowed: `at most ${MAX_CELLS} cells` }]);
  }
  const issues = new Map<string, SpecIssue>();
  const cells: Cell[] = [];
  combos.forEach((combo, index) => {
    let raw: unknown = spec.params;
    for (const [path, , value] of combo) raw = setDotted(raw, path, value);
    try {
      const params = resolveParams(scenario, raw, "params");
      cells.push({ index, params, flat: flattenParams(params), key: cellKey(scenario.name, params) });
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      for (const issue of error.issues) {
        const located = gridPath(issue, combo);
        issues.set(`${located.path}\u0000${located.problem}`, located);
      }
    }
  });
  if (issues.size > 0) throw new SpecError([...issues.values()]);
  return { spec, scenario, cells };
}
