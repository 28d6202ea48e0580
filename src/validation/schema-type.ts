// The type of a parameter schema as the public API declares it: the shape of Standard Schema V1
// (standardschema.dev), which zod's schemas have, so that the published types name no type of
// the validation library. A schema's Input is what a spec may write, its Output what it
// resolves to; the parameters' reference and the parser read the schema behind it (zodOf).

/** A parameter schema built with the builders of this package (or zod 4's functions). */
export interface Schema<Output = unknown, Input = Output> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => unknown;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** What a schema resolves to. */
export type OutputOf<S> = S extends { readonly "~standard": { readonly types?: infer T } } ? (NonNullable<T> extends { readonly output: infer O } ? O : unknown) : unknown;

/** What a spec may write for a schema (keys with defaults may be left out). */
export type InputOf<S> = S extends { readonly "~standard": { readonly types?: infer T } } ? (NonNullable<T> extends { readonly input: infer I } ? I : unknown) : unknown;

export interface RealOptions {
  /** Exclude the lower bound. */
  loOpen?: boolean;
  /** Exclude the upper bound. */
  hiOpen?: boolean;
  /** Appended to the allowed range, e.g. "(degrees)". */
  unit?: string;
}

export interface About {
  /** One line: what it means, for the parameter reference. */
  description?: string;
  /**
   * Where it applies: other keys of its object and their values ({ model: "softmax" }). The
   * reference and the playground show it so; the scenario refuses it given elsewhere.
   */
  appliesWhen?: Record<string, string>;
  /**
   * Other keys of its object (dotted below it) that it sets when it is not null, as an arm sets
   * filter.kind: a spec leaves them out then, and the playground does not write them.
   */
  sets?: string[];
}
