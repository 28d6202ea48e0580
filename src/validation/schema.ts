// Small builders over zod whose errors say what is allowed, and the translation of zod's
// issues into SpecIssues with dotted paths. Each builder also records its "allowed" text as the
// schema's metadata, so that the parameter reference (describe-schema.ts) prints the range the
// errors name, without deriving it again.
import { z } from "zod";
import { SpecError, type SpecIssue } from "./spec-error.js";

/** The "allowed" text a builder recorded on a schema, if any. */
export function allowedOf(schema: z.ZodType): string | undefined {
  const allowed = schema.meta()?.allowed;
  return typeof allowed === "string" ? allowed : undefined;
}

function interval(lo: number, hi: number, loOpen: boolean, hiOpen: boolean): string {
  const left = loOpen || lo === -Infinity ? "(" : "[";
  const right = hiOpen || hi === Infinity ? ")" : "]";
  const show = (x: number) => (x === Infinity ? "inf" : x === -Infinity ? "-inf" : String(x));
  return `${left}${show(lo)}, ${show(hi)}${right}`;
}

export interface RealOptions {
  /** Exclude the lower bound. */
  loOpen?: boolean;
  /** Exclude the upper bound. */
  hiOpen?: boolean;
  /** Appended to the allowed range, e.g. "(degrees)". */
  unit?: string;
}

/** A finite number in [lo, hi] (bounds optionally open). */
export function real(lo: number, hi: number, options: RealOptions = {}) {
  const { loOpen = false, hiOpen = false, unit } = options;
  const allowed = `a number in ${interval(lo, hi, loOpen, hiOpen)}${unit ? ` ${unit}` : ""}`;
  let schema = z.number({ error: allowed }).refine(Number.isFinite, { error: allowed });
  if (lo !== -Infinity) schema = schema.refine((x) => (loOpen ? x > lo : x >= lo), { error: allowed });
  if (hi !== Infinity) schema = schema.refine((x) => (hiOpen ? x < hi : x <= hi), { error: allowed });
  return schema.meta({ allowed });
}

/** An integer in [lo, hi]. */
export function integer(lo: number, hi: number) {
  const allowed = `an integer in ${interval(lo, hi, false, false)}`;
  return z
    .number({ error: allowed })
    .refine((x) => Number.isInteger(x) && x >= lo && x <= hi, { error: allowed })
    .meta({ allowed });
}

/** One of a fixed list of strings, optionally with what each one means (for the parameter reference). */
export function oneOf<const T extends readonly [string, ...string[]]>(options: T, meanings?: Record<T[number], string>) {
  const allowed = `one of ${options.map((o) => JSON.stringify(o)).join(", ")}`;
  return z.enum(options, { error: allowed }).meta({ allowed, meanings });
}

/** What each value of a oneOf means, if it was given. */
export function meaningsOf(schema: z.ZodType): Record<string, string> | undefined {
  const meanings = schema.meta()?.meanings;
  return meanings !== null && typeof meanings === "object" ? (meanings as Record<string, string>) : undefined;
}

export function boolean() {
  const allowed = "true or false";
  return z.boolean({ error: allowed }).meta({ allowed });
}

/** A fixed-length array, e.g. a pair of shape parameters; `allowed` says what it holds. */
export function tuple<const Items extends [z.ZodType, ...z.ZodType[]]>(items: Items, allowed: string) {
  return z.tuple(items, { error: allowed }).meta({ allowed });
}

/** An object that rejects keys not in its shape, naming the ones it accepts. */
export function strictObject<S extends z.ZodRawShape>(shape: S) {
  const keys = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `keys ${keys}` : `an object with keys ${keys}`),
  }).meta({ allowed: `an object with keys ${keys}` });
}

/** Objects told apart by their `kind`; an unknown kind names the known ones. */
export function byKind<const Options extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(
  options: Options,
) {
  const union = z.discriminatedUnion("kind", options as never, {
    error: (issue) => {
      const kinds = (issue as { options?: unknown[] }).options;
      return kinds ? `one of ${kinds.map((k) => JSON.stringify(k)).join(", ")}` : "an object with a known kind";
    },
  });
  const kinds = options.map((option) => kindOf(option)).filter((kind) => kind !== undefined);
  return union.meta({ allowed: `an object whose kind is one of ${kinds.map((k) => JSON.stringify(k)).join(", ")}` }) as unknown as z.ZodDiscriminatedUnion<[...Options]>;
}

/** The literal `kind` of one option of a byKind union. */
export function kindOf(option: { _zod: { propValues?: z.core.util.PropValues } }): string | undefined {
  const [kind] = option._zod.propValues?.kind ?? [];
  return typeof kind === "string" ? kind : undefined;
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
export function toSpecIssues(error: z.ZodError, input: unknown, base: string): SpecIssue[] {
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

/** Parses `input` or throws a SpecError listing every problem under `base`. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, base: string): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new SpecError(toSpecIssues(result.error, input, base));
  return result.data;
}
