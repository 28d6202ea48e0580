// src/scenarios/spec-types.ts, generated from the built-in scenarios' schemas and metrics: each
// scenario's parameters as a spec writes them (zod's input type, written out in plain
// TypeScript so that the published types name none of zod's), its rows' parameter columns and
// its metrics. `npm run docs` writes it; test/docs/generated.test.ts fails when it is stale, and
// test/types/spec-types.test.ts checks each written type against the schema's own input type.
import type * as z from "zod/mini";
import type { Scenario } from "../src/scenarios/index.js";
import { describeParameters, spacedJson } from "../src/validation/describe-schema.js";
import { docOf } from "../src/validation/schema.js";

type Def = {
  type: string;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  options?: z.ZodMiniType[];
  items?: z.ZodMiniType[];
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  values?: unknown[];
  entries?: Record<string, unknown>;
};

const WRAPPERS = new Set(["default", "prefault", "optional", "readonly", "nonoptional", "catch"]);

const defOf = (schema: z.ZodMiniType) => schema.def as unknown as Def;

/** The description the builders recorded on a schema or one of its wrappers. */
function descriptionOf(schema: z.ZodMiniType): string | undefined {
  for (let s: z.ZodMiniType | undefined = schema; s; ) {
    const description = docOf(s)?.description;
    if (description) return description;
    const def = defOf(s);
    s = WRAPPERS.has(def.type) || def.type === "nullable" ? def.innerType : def.type === "pipe" ? def.in : undefined;
  }
  return undefined;
}

/** A key's comment: its meaning and its default, for an editor's hover. */
function keyComment(schema: z.ZodMiniType, indent: string): string {
  const implicit = docOf(schema);
  const parsed = schema.safeParse(undefined);
  const fallback = implicit !== undefined && "implicitDefault" in implicit ? implicit.implicitDefault : parsed.success ? parsed.data : undefined;
  const parts = [descriptionOf(schema), fallback === undefined ? undefined : `Default: ${spacedJson(fallback)}.`].filter(Boolean);
  return parts.length === 0 ? "" : `${indent}/** ${parts.join(". ").replace(/\.\./g, ".").replace(/\*\//g, "* /")} */\n`;
}

/** The TypeScript type of what a spec may write for `schema`. */
function inputType(schema: z.ZodMiniType, indent: string): string {
  const def = defOf(schema);
  switch (def.type) {
    case "number": return "number";
    case "boolean": return "boolean";
    case "string": return "string";
    case "unknown": return "unknown";
    case "literal": return (def.values ?? []).map((v) => JSON.stringify(v)).join(" | ");
    case "enum": return Object.values(def.entries ?? {}).map((v) => JSON.stringify(v)).join(" | ");
    case "nullable": return `${inputType(def.innerType!, indent)} | null`;
    case "pipe": return inputType(def.in!, indent);
    case "union": return (def.options ?? []).map((option) => inputType(option, indent)).join(" | ");
    case "tuple": return `[${(def.items ?? []).map((item) => inputType(item, indent)).join(", ")}]`;
    case "array": return `Array<${inputType(def.element!, indent)}>`;
    case "record": return `Record<string, ${inputType(def.valueType!, indent)}>`;
    case "object": return objectType(def.shape ?? {}, indent);
    default:
      if (WRAPPERS.has(def.type)) return inputType(def.innerType!, indent);
      throw new Error(`spec-types: no TypeScript type for a zod "${def.type}" schema`);
  }
}

const propertyName = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

function objectType(shape: Record<string, z.ZodMiniType>, indent: string): string {
  const inner = `${indent}  `;
  const keys = Object.entries(shape).map(([key, child]) => {
    // zod marks a key that may be left out ("optional", or "defaulted" where a default fills it in).
    const optional = (child as unknown as { _zod: { optin?: string } })._zod.optin !== undefined;
    return `${keyComment(child, inner)}${inner}${propertyName(key)}${optional ? "?" : ""}: ${inputType(child, inner)};\n`;
  });
  return `{\n${keys.join("")}${indent}}`;
}

/** "weak-data" -> "WeakData". */
const typeName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

const union = (names: string[]) => (names.length === 0 ? "never" : names.map((n) => JSON.stringify(n)).join(" | "));

/** The rows' parameter columns: the dotted names that hold a value (not an object's or a tuple's own name). */
function parameterColumns(scenario: Scenario<any>): string[] {
  const names = describeParameters(scenario.params).map((doc) => doc.name);
  return [...new Set(names)].filter((name) => !names.some((other) => other.startsWith(`${name}.`)));
}

/** Each scenario's typed row columns beyond cell, replicate and generation, for the test that rows hold no others. */
export function specTypesColumns(scenarios: readonly Scenario<any>[]): Record<string, { metrics: string[]; parameters: string[] }> {
  return Object.fromEntries(scenarios.map((s) => [s.name, { metrics: s.metrics.map((m) => m.name), parameters: parameterColumns(s) }]));
}

/** The text of src/scenarios/spec-types.ts for these scenarios. */
export function specTypesFile(scenarios: readonly Scenario<any>[]): string {
  const sections = scenarios.map((scenario) => {
    const name = typeName(scenario.name);
    const params = inputType(scenario.params as unknown as z.ZodMiniType, "");
    return [
      `/** ${scenario.name}'s parameters as a spec writes them: keys with defaults may be left out. */`,
      `export type ${name}Params = ${params};`,
      "",
      `/** ${scenario.name}'s rows' parameter columns (a cell has those of its settings). */`,
      `export type ${name}Column = ${union(specTypesColumns([scenario])[scenario.name].parameters)};`,
      "",
      `/** ${scenario.name}'s metrics, closed-form columns included. */`,
      `export type ${name}Metric = ${union(scenario.metrics.map((m) => m.name))};`,
      "",
    ].join("\n");
  });
  const table = scenarios.map((s) => `  ${JSON.stringify(s.name)}: { params: ${typeName(s.name)}Params; column: ${typeName(s.name)}Column; metric: ${typeName(s.name)}Metric };\n`);
  return [
    "// Generated by `npm run docs` (scripts/spec-types.ts) from the built-in scenarios' schemas and",
    "// metrics; do not edit. Each scenario's parameters as a spec writes them, in plain TypeScript",
    "// (the published types name none of the validation library's), its rows' parameter columns and",
    "// its metrics: what simulate's types (src/study/typed-spec.ts) check a spec and type rows with.",
    "",
    ...sections,
    "/** The built-in scenarios by name: their parameters, parameter columns and metrics. */",
    `export type BuiltInScenarioTypes = {\n${table.join("")}};`,
    "",
  ].join("\n");
}
