// `--set path=value` overrides on a study spec. The path is dotted from the top of the spec
// (seeds, params.d, params.generator.eps); under `grid.` the rest is one grid key
// (grid.generator.eps=[0.1,0.3]), and a null grid value removes the key. Setting a parameter
// also removes the grid keys it covers, so the override holds in every cell. Values are
// parsed as JSON when they parse, else taken as strings (verifier.kind=oracle).
import { SpecError } from "../validation/spec-error.js";
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
      const param = path.slice("params.".length);
      const grid = { ...out.grid };
      for (const key of Object.keys(grid)) {
        if (key === param || key.startsWith(`${param}.`)) delete grid[key];
      }
      out.grid = grid;
    }
    out = setDotted(out, path, value) as Record<string, unknown>;
  }
  return out;
}
