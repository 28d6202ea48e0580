// Small builders over zod/mini whose errors say what is allowed, and the translation of zod's
// issues into SpecIssues with dotted paths. Each builder also records its "allowed" text in the
// schema's docs, so that the parameter reference (describe-schema.ts) prints the range the
// errors name, without deriving it again; `param` gives a key its default and records its meaning there.
import * as z from "zod/mini";
import { SpecError, type SpecIssue } from "./spec-error.js";
import type { About, RealOptions, Schema } from "./schema-type.js";

export type { About, RealOptions } from "./schema-type.js";

/** What the parameter reference says of a schema beyond its type. */
export interface SchemaDoc {
  /** What the errors say is allowed, e.g. "a number in [0, 1]". */
  allowed?: string;
  /** For a oneOf: what each value means. */
  meanings?: Record<string, string>;
  /** One line: what the parameter (or kind, or item) means. */
  description?: string;
  /** For a parameter built by `implicitDefault`: the default it shows, which stays out of the resolved parameters. */
  implicitDefault?: unknown;
  /** The parameter applies only where other keys of its object take these values (e.g. { model: "softmax" }). */
  appliesWhen?: Record<string, string>;
  /** Keys of its object that it sets when not null (About.sets). */
  sets?: string[];
}

// Not zod's global registry: only the builders write here, so every entry is a SchemaDoc.
const docs = z.registry<SchemaDoc>();

/** What the builders recorded on a schema; a clone (as `param` makes) sees its original's docs too. */
export function docOf(schema: z.core.$ZodType): SchemaDoc | undefined {
  return docs.get(schema);
}

function interval(lo: number, hi: number, loOpen: boolean, hiOpen: boolean): string {
  const left = loOpen || lo === -Infinity ? "(" : "[";
  const right = hiOpen || hi === Infinity ? ")" : "]";
  const show = (x: number) => (x === Infinity ? "inf" : x === -Infinity ? "-inf" : String(x));
  return `${left}${show(lo)}, ${show(hi)}${right}`;
}

/** A finite number in [lo, hi] (bounds optionally open). */
export function real(lo: number, hi: number, options: RealOptions = {}) {
  const { loOpen = false, hiOpen = false, unit } = options;
  const allowed = `a number in ${interval(lo, hi, loOpen, hiOpen)}${unit ? ` ${unit}` : ""}`;
  let schema = z.number({ error: allowed }).check(z.refine(Number.isFinite, { error: allowed }));
  if (lo !== -Infinity) schema = schema.check(z.refine((x) => (loOpen ? x > lo : x >= lo), { error: allowed }));
  if (hi !== Infinity) schema = schema.check(z.refine((x) => (hiOpen ? x < hi : x <= hi), { error: allowed }));
  return schema.register(docs, { allowed });
}

/** An integer in [lo, hi]. */
export function integer(lo: number, hi: number) {
  const allowed = `an integer in ${interval(lo, hi, false, false)}`;
  return z
    .number({ error: allowed })
    .check(z.refine((x) => Number.isInteger(x) && x >= lo && x <= hi, { error: allowed }))
    .register(docs, { allowed });
}

/** An integer in [lo, hi], or the one word `word` (e.g. "infinite"). */
export function integerOr<const W extends string>(lo: number, hi: number, word: W) {
  const allowed = `an integer in ${interval(lo, hi, false, false)} or ${JSON.stringify(word)}`;
  const schema = z
    .union([z.number(), z.literal(word)], { error: allowed })
    .check(z.refine((x) => x === word || (Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi), { error: allowed }));
  // Added, not registered: register's type cannot resolve the union of a generic word.
  docs.add(schema, { allowed });
  return schema;
}

/** A non-empty list of numbers in [lo, hi]. */
export function reals(lo: number, hi: number) {
  const allowed = `a non-empty list of numbers in ${interval(lo, hi, false, false)}`;
  return z
    .array(z.number({ error: allowed }), { error: allowed })
    .check(z.refine((xs) => xs.length > 0 && xs.every((x) => Number.isFinite(x) && x >= lo && x <= hi), { error: allowed }))
    .register(docs, { allowed });
}

/** One of a fixed list of strings, optionally with what each one means (for the parameter reference). */
export function oneOf<const T extends readonly [string, ...string[]]>(options: T, meanings?: Record<T[number], string>) {
  const allowed = `one of ${options.map((o) => JSON.stringify(o)).join(", ")}`;
  return z.enum(options, { error: allowed }).register(docs, { allowed, meanings });
}

export function boolean() {
  const allowed = "true or false";
  return z.boolean({ error: allowed }).register(docs, { allowed });
}

/** A fixed-length array, e.g. a pair of shape parameters; `allowed` says what it holds. */
export function tuple<const Items extends readonly [z.core.SomeType, ...z.core.SomeType[]]>(items: Items, allowed: string) {
  return z.tuple(items, { error: allowed }).register(docs, { allowed });
}

/** An object that rejects keys not in its shape, naming the ones it accepts. */
export function strictObject<S extends z.core.$ZodLooseShape>(shape: S) {
  const keys = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `keys ${keys}` : `an object with keys ${keys}`),
  }).register(docs, { allowed: `an object with keys ${keys}` });
}

/** Objects told apart by their `kind`; an unknown kind names the known ones. */
export function byKind<const Options extends readonly [z.ZodMiniObject, ...z.ZodMiniObject[]]>(
  options: Options,
) {
  const union = z.discriminatedUnion("kind", options, {
    error: (issue) => {
      // A kind that may be left out (its option's default) is among the options as undefined.
      const kinds = (issue as { options?: unknown[] }).options?.filter((k) => k !== undefined);
      return kinds ? `one of ${kinds.map((k) => JSON.stringify(k)).join(", ")}` : "an object with a known kind";
    },
  });
  const kinds = options.map((option) => kindOf(option)).filter((kind) => kind !== undefined);
  // Added, not registered: register's type cannot resolve the union of a generic Options.
  docs.add(union, { allowed: `an object whose kind is one of ${kinds.map((k) => JSON.stringify(k)).join(", ")}` });
  return union;
}

/** The literal `kind` of one option of a byKind union. */
export function kindOf(option: { _zod: { propValues?: z.core.util.PropValues } }): string | undefined {
  const kind = [...(option._zod.propValues?.kind ?? [])].find((value) => typeof value === "string");
  return typeof kind === "string" ? kind : undefined;
}

/**
 * A parameter (or a part of one: a kind, a tuple item) with its meaning and, when a spec may
 * leave it out, its default: `default` is the value itself, `prefault` an input that is parsed
 * (`{ kind: "noisy" }`, whose other keys have defaults of their own).
 */
export function param<S extends z.ZodMiniType>(schema: S, about: About & { default: z.core.util.NoUndefined<z.output<S>> }): z.ZodMiniDefault<S>;
export function param<S extends z.ZodMiniType>(schema: S, about: About & { prefault: z.input<S> }): z.ZodMiniPrefault<S>;
export function param<S extends z.ZodMiniType>(schema: S, about: About): S;
export function param(schema: z.ZodMiniType, about: About & { default?: unknown; prefault?: unknown }): z.ZodMiniType {
  const wrapped = "default" in about ? z._default(schema, about.default) : "prefault" in about ? z.prefault(schema, about.prefault) : schema;
  const { description, appliesWhen, sets } = about;
  if (description === undefined && appliesWhen === undefined && sets === undefined) return wrapped;
  // A clone: a schema used in several places keeps each place's own meaning.
  return wrapped.clone().register(docs, { description, ...(appliesWhen && { appliesWhen }), ...(sets && { sets }) });
}

/**
 * A parameter added after results were published, whose default keeps them as they were: left
 * out, or given as `implicit`, it is absent from the resolved parameters (so from rows and from
 * the cell's key, the root of its replicates' seeds), and the code reads its absence as
 * `implicit`. The parameter reference shows `implicit` as its default.
 */
export function implicitDefault<S extends z.ZodMiniType>(schema: S, implicit: z.output<S>, about: About & { description: string }) {
  const isImplicit = (value: unknown) => JSON.stringify(value) === JSON.stringify(implicit);
  const wrapped = z.pipe(z.optional(schema), z.transform((value: z.output<S> | undefined) => (value === undefined || isImplicit(value) ? undefined : value)));
  // Added, not registered: register's type cannot resolve a generic schema's pipe.
  docs.add(wrapped, { description: about.description, implicitDefault: implicit });
  return wrapped;
}

function dotted(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) {
    const text = typeof key === "number" ? `[${key}]` : String(key);
    out = typeof key === "number" ? `${out}${text}` : out ? `${out}.${text}` : text;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Zod's issues as SpecIssues under `base` (a dotted path prefix such as "params"). */
export function toSpecIssues(error: z.core.$ZodError, input: unknown, base: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        issues.push({ path: dotted(base, path), value: valueAt(input, path), problem: "unknown key", allowed: issue.message });
      }
      continue;
    }
    const value = valueAt(input, issue.path);
    const problem =
      value === undefined ? "missing"
      : issue.code === "invalid_type" ? "wrong type"
      : issue.code === "invalid_union" || issue.code === "invalid_value" ? "unknown value"
      : "out of range";
    issues.push({ path: dotted(base, issue.path), value, problem, allowed: issue.message });
  }
  return issues;
}

/**
 * The zod schema behind a public Schema (schema-type.ts): every parameter schema is built with
 * the builders here or with zod 4's functions, whose schemas carry `_zod`.
 */
export function zodOf<O, I>(schema: Schema<O, I>): z.ZodMiniType<O, I> {
  if (typeof schema !== "object" || schema === null || !("_zod" in schema)) {
    throw new TypeError("a parameter schema must be built with collapse-sim's schema builders or zod 4's functions");
  }
  return schema as unknown as z.ZodMiniType<O, I>;
}

/** Parses `input` or throws a SpecError listing every problem under `base`. */
export function parseOrThrow<T>(schema: Schema<T, unknown>, input: unknown, base: string): T {
  const result = zodOf(schema).safeParse(input);
  if (!result.success) throw new SpecError(toSpecIssues(result.error, input, base));
  return result.data;
}
