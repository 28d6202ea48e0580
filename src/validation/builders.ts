// The schema builders of schema.ts as the public API declares them: over the plain Schema type
// (schema-type.ts), so that the published types name no type of the validation library. The
// functions are schema.ts's own; only their declared types differ. A zod 4 schema is a Schema
// too, so a plug-in scenario may pass one to these builders; literal, nullable and transformed
// are zod's functions a scenario needs beside them, typed the same way.
import * as z from "zod/mini";
import * as built from "./schema.js";
import type { About, InputOf, OutputOf, RealOptions, Schema } from "./schema-type.js";

export type { About, RealOptions, Schema, InputOf, OutputOf } from "./schema-type.js";

type AnySchema = Schema<any, any>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type UndefinedKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];
/** An object type whose keys that take undefined may be left out, as zod types an object. */
type Optionalized<T> = Simplify<{ [K in Exclude<keyof T, UndefinedKeys<T>>]: T[K] } & { [K in UndefinedKeys<T>]?: T[K] }>;
type NoUndefined<T> = T extends undefined ? never : T;

/** A strictObject's schema: each key's output and input, the keys that may be undefined optional. */
export type ObjectSchema<S extends Record<string, AnySchema>> = Schema<
  Optionalized<{ [K in keyof S]: OutputOf<S[K]> }>,
  Optionalized<{ [K in keyof S]: InputOf<S[K]> }>
>;

/** A finite number in [lo, hi] (bounds optionally open). */
export const real: (lo: number, hi: number, options?: RealOptions) => Schema<number> = built.real;
/** An integer in [lo, hi]. */
export const integer: (lo: number, hi: number) => Schema<number> = built.integer;
/** One of a fixed list of strings, optionally with what each one means (for the parameter reference). */
export const oneOf = built.oneOf as unknown as <const T extends readonly [string, ...string[]]>(options: T, meanings?: Record<T[number], string>) => Schema<T[number]>;
/** true or false. */
export const boolean: () => Schema<boolean> = built.boolean;
/** A fixed-length array, e.g. a pair of shape parameters; `allowed` says what it holds. */
export const tuple = built.tuple as unknown as <const Items extends readonly [AnySchema, ...AnySchema[]]>(
  items: Items,
  allowed: string,
) => Schema<{ -readonly [K in keyof Items]: OutputOf<Items[K]> }, { -readonly [K in keyof Items]: InputOf<Items[K]> }>;
/** An object that rejects keys not in its shape, naming the ones it accepts. */
export const strictObject = built.strictObject as unknown as <S extends Record<string, AnySchema>>(shape: S) => ObjectSchema<S>;
/** Objects told apart by their `kind` (each a strictObject with a literal kind); an unknown kind names the known ones. */
export const byKind = built.byKind as unknown as <const Options extends readonly [AnySchema, ...AnySchema[]]>(
  options: Options,
) => Schema<OutputOf<Options[number]>, InputOf<Options[number]>>;

interface Param {
  /** A key with its meaning and the default it takes when left out. */
  <S extends AnySchema>(schema: S, about: About & { default: NoUndefined<OutputOf<S>> }): Schema<NoUndefined<OutputOf<S>>, InputOf<S> | undefined>;
  /** A key with its meaning and an input that is parsed when it is left out. */
  <S extends AnySchema>(schema: S, about: About & { prefault: InputOf<S> }): Schema<NoUndefined<OutputOf<S>>, InputOf<S> | undefined>;
  /** A key (or a kind, a tuple item) with its meaning. */
  <S extends AnySchema>(schema: S, about: About): S;
}
/**
 * A parameter with its meaning and, when a spec may leave it out, its default: `default` is the
 * value itself, `prefault` an input that is parsed.
 */
export const param = built.param as unknown as Param;

/** Exactly this value, e.g. an option's `kind` in byKind. */
export const literal = z.literal as unknown as <const V extends string | number | boolean | null>(value: V) => Schema<V>;
/** The schema's values, or null. */
export const nullable = z.nullable as unknown as <S extends AnySchema>(schema: S) => Schema<OutputOf<S> | null, InputOf<S> | null>;
/** The schema's values passed through `transform` after they are checked (e.g. settings derived from others). */
export function transformed<S extends AnySchema, R>(schema: S, transform: (value: OutputOf<S>) => R): Schema<R, InputOf<S>> {
  return z.pipe(built.zodOf(schema), z.transform(transform)) as unknown as Schema<R, InputOf<S>>;
}
