// A study's cells: every combination of its grid's values applied to its params, each checked
// by the scenario, problems reported at the grid entry that caused them.
import { SpecError, type SpecIssue } from "../validation/spec-error.js";
import { zodOf } from "../validation/schema.js";
import { resolveParams, type Scenario } from "../scenarios/index.js";
import { canonicalJson } from "./canonical.js";
import { flattenParams, getDotted, setDotted, type Scalar } from "./flatten.js";
import { cellKey } from "./seeds.js";

export const MAX_CELLS = 1_000_000;

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

type Combo = Array<[path: string, valueIndex: number, value: unknown]>;

/** The number of cells a grid expands to, without expanding it. */
export function gridSize(grid: Record<string, unknown[]>): number {
  let size = 1;
  for (const values of Object.values(grid)) size *= values.length;
  return size;
}

/** Every combination of grid values, the first key varying slowest. */
export function expandGrid(grid: Record<string, unknown[]>): Combo[] {
  let combos: Combo[] = [[]];
  for (const [path, values] of Object.entries(grid)) {
    combos = combos.flatMap((combo) => values.map((value, i) => [...combo, [path, i, value] as Combo[number]]));
  }
  return combos;
}

/** Reports a cell's parameter problem at the grid entry that produced it, when one did. */
function gridPath(issue: SpecIssue, combo: Combo): SpecIssue {
  const inParams = issue.path.replace(/^params\.?/, "");
  for (const [path, index] of combo) {
    if (inParams === path || inParams.startsWith(`${path}.`) || inParams.startsWith(`${path}[`)) {
      return { ...issue, path: `grid.${path}[${index}]${inParams.slice(path.length)}` };
    }
    // A problem above the grid path (a misspelt "bogus.key" makes an unknown params.bogus) is
    // reported at the grid path as written, saying where the scenario found it.
    if (inParams !== "" && path.startsWith(`${inParams}.`)) {
      return { ...issue, path: `grid.${path}`, problem: `${issue.problem} at params.${inParams}` };
    }
  }
  return issue;
}

/**
 * A grid path into an object the spec leaves to its default starts from that default: with no
 * params.generator, a grid over "generator.eps" varies the default generator's eps rather than
 * building a generator that has nothing but an eps. Not so for an object whose kind the grid
 * sets (or which it sets whole): its shape is chosen per cell, and another kind's default
 * would bring keys that kind does not have (a grid over verifier.kind: ["none"] must not
 * inherit the default noisy verifier's phi and psi). Such an object starts empty, and its
 * kind's own defaults apply.
 */
function withDefaultParents(scenario: Scenario, params: unknown, paths: string[]): unknown {
  const defaults = zodOf(scenario.params).safeParse({});
  if (!defaults.success) return params;
  const chosenPerCell = new Set(paths.map((path) => path.replace(/\.kind$/, "")));
  const given = params;
  for (const path of paths) {
    const parts = path.split(".");
    for (let depth = 1; depth < parts.length; depth++) {
      const prefix = parts.slice(0, depth).join(".");
      if (getDotted(given, prefix) !== undefined) continue;
      if (chosenPerCell.has(prefix)) {
        // Seeded along with a defaulted ancestor: take the default's shape back out.
        if (getDotted(params, prefix) !== undefined) params = setDotted(params, prefix, {});
        continue;
      }
      const fallback = getDotted(defaults.data, prefix);
      if (getDotted(params, prefix) === undefined && fallback !== null && typeof fallback === "object") {
        params = setDotted(params, prefix, structuredClone(fallback));
      }
    }
  }
  return params;
}

/**
 * Two cells with equal parameters get equal seeds: the second would repeat the first's
 * replicates exactly, counted as independent ones. Named at the grid values that differ
 * (path "grid" when several do).
 */
function duplicateCell(first: Combo, second: Combo): SpecIssue {
  const allowed = "values that give different cells (equal parameters get equal seeds: the same replicates twice)";
  const differing = second.flatMap(([path, index, value], k) => (first[k][1] === index ? [] : [{ path, index, value, earlier: first[k][1] }]));
  if (differing.length === 1) {
    const { path, index, value, earlier } = differing[0];
    return { path: `grid.${path}[${index}]`, value, problem: `same cell as grid.${path}[${earlier}]`, allowed };
  }
  return {
    path: "grid",
    value: Object.fromEntries(differing.map((d) => [d.path, d.value])),
    problem: `same cell as ${differing.map((d) => `grid.${d.path}[${d.earlier}]`).join(" with ")}`,
    allowed,
  };
}

/**
 * The cells of a scenario's grid over params, and every parameter problem of every cell, with
 * the scenario's limits over that many generations when they are known.
 */
export function resolveCells(
  scenario: Scenario, params: unknown, grid: Record<string, unknown[]>, generations?: number,
): { cells: Cell[]; issues: SpecIssue[] } {
  const size = gridSize(grid);
  if (size > MAX_CELLS) {
    return { cells: [], issues: [{ path: "grid", value: `${size} cells`, problem: "too large", allowed: `at most ${MAX_CELLS} cells` }] };
  }
  const combos = expandGrid(grid);
  const base = withDefaultParents(scenario, params, Object.keys(grid));
  const issues = new Map<string, SpecIssue>();
  const report = (issue: SpecIssue) => issues.set(`${issue.path}\u0000${issue.problem}`, issue);
  const cells: Cell[] = [];
  const byKey = new Map<bigint, Cell>();
  let jointDuplicate: SpecIssue | undefined;
  combos.forEach((combo, index) => {
    let raw: unknown = base;
    let given: unknown = params;
    for (const [path, , value] of combo) {
      raw = setDotted(raw, path, value);
      given = setDotted(given, path, value);
    }
    try {
      const resolved = resolveParams(scenario, raw, "params", given);
      const overGenerations = generations === undefined ? [] : (scenario.checkGenerations?.(resolved, generations) ?? []);
      if (overGenerations.length > 0) throw new SpecError(overGenerations.map((issue) => ({ ...issue, path: `params.${issue.path}` })));
      const cell: Cell = { index, params: resolved, flat: flattenParams(resolved), key: cellKey(scenario.name, resolved) };
      const same = byKey.get(cell.key);
      // Equal keys are equal parameters but for a 64-bit hash collision, which must not refuse a grid.
      if (same !== undefined && canonicalJson(same.params) === canonicalJson(cell.params)) {
        const duplicate = duplicateCell(combos[same.index], combo);
        if (duplicate.path !== "grid") report(duplicate);
        else jointDuplicate ??= duplicate;
      } else byKey.set(cell.key, cell);
      cells.push(cell);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      for (const issue of error.issues) report(gridPath(issue, combo));
    }
  });
  // A duplicate in two keys at once follows from duplicates in each when there are any.
  if (jointDuplicate && ![...issues.values()].some((issue) => issue.problem.startsWith("same cell as"))) report(jointDuplicate);
  return { cells, issues: [...issues.values()] };
}
