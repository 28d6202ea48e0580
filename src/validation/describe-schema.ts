// The parameter reference of a schema built with schema.ts: every key under its dotted name
// (as rows and grid keys write it), what it allows, its default and its meaning, read from the
// schema and the docs its builders recorded. A kind-union gives a row for itself, one for
// its `kind` (each kind with its meaning and keys) and one per key of each kind. Pure: the CLI
// and docs/parameters.md print it.
import type * as z from "zod/mini";
import { docOf, kindOf, zodOf } from "./schema.js";
import type { Schema } from "./schema-type.js";

/** A value with a meaning of its own: one kind of a kind-union (with its keys), or one value of a oneOf. */
export interface ValueMeaning {
  value: string;
  meaning: string;
  /** For a kind: the keys it takes besides `kind`. */
  keys?: string[];
}

export interface ParameterDoc {
  /** Dotted name, as rows and grid keys write it: "verifier.phi", "accuracyBeta.0". */
  name: string;
  /** What values are allowed, e.g. "a number in [0, 1]". */
  allowed: string;
  /** Whether a spec must give it; otherwise it takes `default`. */
  required: boolean;
  default?: unknown;
  /** One line: what the parameter means ("" where the schema gives none). */
  description: string;
  /** For a key that belongs to one kind of a kind-union: that kind. */
  kind?: string;
  /** The kinds of a kind-union's `kind`, or the values of a oneOf that says what each means. */
  values?: ValueMeaning[];
  /** The parameter applies only where these parameters (dotted names) take these values. */
  appliesWhen?: Record<string, string>;
  /** Parameters (dotted names) this one sets when it is not null: a spec leaves them out then. */
  sets?: string[];
}

/** A schema with its wrappers (default, nullable, transform, ...) peeled off, and what they said. */
interface Peeled {
  core: z.ZodMiniType;
  description: string;
  nullable: boolean;
  appliesWhen?: Record<string, string>;
  sets?: string[];
}

// zod 4's definition types of the wrappers that leave the accepted input's shape as it is.
const WRAPPERS = new Set(["default", "prefault", "optional", "nullable", "readonly", "nonoptional", "catch"]);

function peel(schema: z.ZodMiniType): Peeled {
  let core = schema, description = "", nullable = false;
  let appliesWhen: Record<string, string> | undefined;
  let sets: string[] | undefined;
  for (;;) {
    description ||= docOf(core)?.description ?? "";
    appliesWhen ??= docOf(core)?.appliesWhen;
    sets ??= docOf(core)?.sets;
    const def = core.def as { type: string; innerType?: z.ZodMiniType; in?: z.ZodMiniType };
    if (def.type === "nullable") nullable = true;
    if (WRAPPERS.has(def.type) && def.innerType) core = def.innerType;
    else if (def.type === "pipe" && def.in) core = def.in; // a transform: the input is what a spec gives
    else return { core, description, nullable, appliesWhen, sets };
  }
}

/** The default a key takes when left out: what parsing nothing gives (prefaults parsed, transforms applied). */
function defaultOf(schema: z.ZodMiniType): { required: boolean; default?: unknown } {
  const doc = docOf(schema);
  if (doc !== undefined && "implicitDefault" in doc) return { required: false, default: doc.implicitDefault };
  const parsed = schema.safeParse(undefined);
  return parsed.success ? { required: false, default: parsed.data } : { required: true };
}

function fallbackAllowed(core: z.ZodMiniType): string {
  const def = core.def as { type: string; values?: unknown[]; entries?: Record<string, unknown>; shape?: object; items?: unknown[] };
  switch (def.type) {
    case "number": return "a number";
    case "boolean": return "true or false";
    case "string": return "a string";
    case "literal": return (def.values ?? []).map((v) => JSON.stringify(v)).join(" or ");
    case "enum": return `one of ${Object.values(def.entries ?? {}).map((v) => JSON.stringify(v)).join(", ")}`;
    case "object": return `an object with keys ${Object.keys(def.shape ?? {}).join(", ")}`;
    case "tuple": return `an array of ${def.items?.length ?? 0} values`;
    default: return def.type;
  }
}

function allowedText({ core, nullable }: Peeled): string {
  const allowed = docOf(core)?.allowed ?? fallbackAllowed(core);
  // A builder's text may already say what null means ("..., or null for no limit").
  return nullable && !/\bnull\b/.test(allowed) ? `${allowed}, or null` : allowed;
}

/** One kind of a byKind union: a strictObject with a literal `kind`. */
type KindOption = z.ZodMiniObject<Record<string, z.ZodMiniType>>;

/** A byKind union's options, or undefined for any other schema. */
function kindOptions(core: z.ZodMiniType): KindOption[] | undefined {
  const def = core.def as { type: string; discriminator?: string; options?: KindOption[] };
  return def.type === "union" && def.discriminator === "kind" ? def.options : undefined;
}

function describeKey(schema: z.ZodMiniType, name: string, kind: string | undefined, out: ParameterDoc[]): void {
  const peeled = peel(schema);
  const { core, appliesWhen, sets } = peeled;
  const meanings = docOf(core)?.meanings;
  // The condition's keys are the key's siblings: under its parent's dotted name.
  const parent = name.includes(".") ? name.slice(0, name.lastIndexOf(".") + 1) : "";
  out.push({
    name,
    allowed: allowedText(peeled),
    ...defaultOf(schema),
    description: peeled.description,
    ...(kind !== undefined && { kind }),
    ...(meanings && { values: Object.entries(meanings).map(([value, meaning]) => ({ value, meaning })) }),
    ...(appliesWhen && { appliesWhen: Object.fromEntries(Object.entries(appliesWhen).map(([key, value]) => [`${parent}${key}`, value])) }),
    ...(sets && { sets: sets.map((key) => `${parent}${key}`) }),
  });
  describeChildren(schema, core, name, kind, out);
}

/** The rows below a key: an object's keys, a tuple's items, a kind-union's kind and keys. */
function describeChildren(schema: z.ZodMiniType, core: z.ZodMiniType, name: string, kind: string | undefined, out: ParameterDoc[]): void {
  const def = core.def as { type: string; shape?: Record<string, z.ZodMiniType>; items?: z.ZodMiniType[] };
  const kinds = kindOptions(core);
  const prefix = name ? `${name}.` : "";
  if (def.type === "object") {
    for (const [key, child] of Object.entries(def.shape ?? {})) describeKey(child, `${prefix}${key}`, kind, out);
  } else if (def.type === "tuple") {
    const whole = defaultOf(schema);
    (def.items ?? []).forEach((item, i) => {
      const peeled = peel(item);
      const own = defaultOf(item);
      const given = !whole.required && Array.isArray(whole.default) ? { required: false, default: whole.default[i] } : own;
      out.push({ name: `${prefix}${i}`, allowed: allowedText(peeled), ...given, description: peeled.description, ...(kind !== undefined && { kind }) });
    });
  } else if (kinds) {
    describeKinds(schema, kinds, name, out);
  }
}

function describeKinds(schema: z.ZodMiniType, kinds: KindOption[], name: string, out: ParameterDoc[]): void {
  const options = kinds.map((option) => ({ option, kind: kindOf(option) ?? "?" }));
  const whole = defaultOf(schema);
  const defaultKind = (whole.default as { kind?: unknown } | undefined)?.kind;
  out.push({
    name: `${name}.kind`,
    allowed: `one of ${options.map(({ kind }) => JSON.stringify(kind)).join(", ")}`,
    ...(defaultKind === undefined ? { required: true } : { required: false, default: defaultKind }),
    description: `which kind of ${name}`,
    values: options.map(({ option, kind }) => ({
      value: kind,
      meaning: peel(option).description,
      keys: Object.keys(option.shape).filter((key) => key !== "kind"),
    })),
  });
  for (const { option, kind } of options) {
    for (const [key, child] of Object.entries(option.shape)) {
      if (key !== "kind") describeKey(child, `${name}.${key}`, kind, out);
    }
  }
}

/** Every parameter of an object schema (transforms and defaults around it allowed), in declaration order. */
export function describeParameters(params: Schema<unknown, unknown>): ParameterDoc[] {
  const out: ParameterDoc[] = [];
  const schema = zodOf(params);
  describeChildren(schema, peel(schema).core, "", undefined, out);
  return out;
}

/** JSON with a space after each comma and colon, as people write it: {"kind": "flip", "eps": 0.3}. */
export function spacedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spacedJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([key, v]) => `${JSON.stringify(key)}: ${spacedJson(v)}`).join(", ")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** Where a parameter applies, as the reference says it ("only with model \"softmax\""), or "" where it always does. */
export function appliesText(doc: ParameterDoc): string {
  if (doc.appliesWhen === undefined) return "";
  return `only with ${Object.entries(doc.appliesWhen).map(([name, value]) => `${name} ${JSON.stringify(value)}`).join(" and ")}`;
}

/** A parameter's default as a spec would write it, or "required". */
export function defaultText(doc: ParameterDoc): string {
  return doc.required ? "required" : spacedJson(doc.default);
}
