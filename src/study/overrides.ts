// `--set path=value` overrides on a study spec. The path is dotted from the top of the spec
// (seeds, params.d, params.generator.eps); under `grid.` the rest is one grid key
// (grid.generator.eps=[0.1,0.3]), and a null grid value removes the key. Setting a parameter
// also removes the grid keys it covers (params.generator removes grid.generator.eps), so the
// override holds in every cell; setting part of what a grid key sets (params.verifier.kind
// under grid.verifier) is refused, since the grid would overwrite it. Values are parsed as
// JSON when they parse, else taken as strings (verifier.kind=oracle).
import { SpecError, type SpecIssue } from "../validation/spec-error.js";
import { isObject, setDotted, setOwn } from "./flatten.js";

export interface Override {
  path: string;
  value: unknown;
}

export function parseOverride(text: string): Override {
  const at = text.indexOf("=");
  const path = at < 0 ? "" : text.slice(0, at).trim();
  if (path === "" || path.startsWith(".") || path.endsWith(".")) {
    throw new SpecError([{ path: "--set", value: text, problem: "malformed", allowed: "path=value, e.g. seeds=3, params.d=50 or grid.generator.eps=[0.1,0.3]" }]);
  }
  const raw = text.slice(at + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: the plain string, as a shell user means it.
  }
  return { path, value };
}

export function applyOverrides(spec: unknown, overrides: readonly Override[]): unknown {
  let out: Record<string, unknown> = isObject(spec) ? { ...spec } : {};
  for (const { path, value } of overrides) {
    if (path.startsWith("grid.")) {
      const key = path.slice("grid.".length);
      const grid: Record<string, unknown> = isObject(out.grid) ? { ...out.grid } : {};
      if (value === null) delete grid[key];
      else setOwn(grid, key, value);
      out.grid = grid;
      continue;
    }
    if (path.startsWith("params.") && isObject(out.grid)) {
      // The override replaces these grid keys' values whole, so it holds in every cell.
      const param = path.slice("params.".length);
      const grid = { ...out.grid };
      for (const key of Object.keys(grid)) {
        if (key === param || key.startsWith(`${param}.`)) delete grid[key];
      }
      out.grid = grid;
    }
    out = setDotted(out, path, value) as Record<string, unknown>;
  }
  const issues = shadowedParameters(out.grid, overrides);
  if (issues.length > 0) throw new SpecError(issues);
  return out;
}

/**
 * Parameters set under a grid key that remains (--set params.verifier.kind=none with a grid
 * over verifier): every cell would overwrite them with the grid's values, so the override
 * would do nothing. Checked on the final grid, so the order of the --set flags does not matter.
 */
function shadowedParameters(grid: unknown, overrides: readonly Override[]): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (!isObject(grid)) return issues;
  for (const { path, value } of overrides) {
    if (!path.startsWith("params.")) continue;
    const param = path.slice("params.".length);
    for (const key of Object.keys(grid)) {
      if (param !== key && !param.startsWith(`${key}.`)) continue;
      issues.push({
        path: `--set ${path}`,
        value,
        problem: `overridden in every cell by grid.${key}`,
        allowed: `a parameter no grid key sets; drop the grid key (--set grid.${key}=null) or change its values (--set grid.${key}=[...])`,
      });
    }
  }
  return issues;
}
