// The vocabulary of the kernel table (kernel-table.ts): a kernel's arguments in order, each an
// address in engine memory or a number, and the types that turn a table entry into the function
// each implementation must provide. How an address looks depends on the implementation (a
// pointer into wasm memory, or a typed array for the TypeScript reference): the table is
// written once, generic over it.

/** The element types of engine memory a kernel can be handed a block of. */
export interface Addressing {
  f64: unknown;
  i32: unknown;
  u32: unknown;
  u8: unknown;
}

/** wasm kernels: byte addresses in linear memory. */
export interface Pointers extends Addressing {
  f64: number;
  i32: number;
  u32: number;
  u8: number;
}

/** The TypeScript reference: typed arrays. */
export interface Arrays extends Addressing {
  f64: Float64Array;
  i32: Int32Array;
  u32: Uint32Array;
  u8: Uint8Array;
}

/** A block of engine memory (a random stream's state is a u32 block), or a number passed by value. */
export type ArgumentKind = keyof Addressing | "int" | "real" | "flag";

export interface Argument<K extends ArgumentKind = ArgumentKind> {
  readonly kind: K;
  readonly name: string;
}

/** A sampler's real-valued parameter, with the values it accepts. */
export interface Parameter extends Argument<"real"> {
  /** What is allowed, as error messages say it: "> 0", "in [0, 1]". */
  readonly allowed: string;
  readonly accepts: (value: number) => boolean;
}

export type Result = "void" | "int" | "real";

export interface Kernel<A extends readonly Argument[] = readonly Argument[], R extends Result = Result> {
  readonly args: A;
  readonly result: R;
}

/** A kernel that fills `n` entries of `out` from a random stream: (state, out, n, ...parameters). */
export interface Sampler<
  O extends "f64" | "i32" | "u8" = "f64" | "i32" | "u8",
  P extends readonly Parameter[] = readonly Parameter[],
> extends Kernel<readonly [Argument<"u32">, Argument<O>, Argument<"int">, ...P], "void"> {
  readonly out: O;
  readonly parameters: P;
}

// Argument builders, named after what the implementations receive.
export const stream = (name = "state") => ({ kind: "u32", name }) as const;
export const f64 = (name: string) => ({ kind: "f64", name }) as const;
export const i32 = (name: string) => ({ kind: "i32", name }) as const;
export const u8 = (name: string) => ({ kind: "u8", name }) as const;
export const int = (name: string) => ({ kind: "int", name }) as const;
export const real = (name: string) => ({ kind: "real", name }) as const;
export const flag = (name: string) => ({ kind: "flag", name }) as const;

/** A sampler's parameter that accepts what `accepts` does, said as `allowed` in errors. */
export function parameter(name: string, allowed: string, accepts: (value: number) => boolean): Parameter {
  return { kind: "real", name, allowed, accepts };
}

export const positive = (name: string) => parameter(name, "> 0", (x) => x > 0 && x < Infinity);
export const probability = (name: string) => parameter(name, "in [0, 1]", (x) => x >= 0 && x <= 1);
/** A count passed as f64: exact up to 2^53. */
export const count = (name: string) => parameter(name, "an integer in [0, 2^53)", (x) => Number.isSafeInteger(x) && x >= 0);

/** A kernel that returns nothing. */
export function kernel<const A extends readonly Argument[]>(...args: A): Kernel<A, "void"> {
  return { args, result: "void" };
}

/** A kernel that returns a number: an integer (a size, a status) or a real. */
export function returns<const R extends "int" | "real", const A extends readonly Argument[]>(result: R, ...args: A): Kernel<A, R> {
  return { args, result };
}

export function sampler<const O extends "f64" | "i32" | "u8", const P extends readonly Parameter[]>(out: O, ...parameters: P): Sampler<O, P> {
  const outArgument = { kind: out, name: "out" } as Argument<O>;
  return { args: [stream(), outArgument, int("n"), ...parameters], result: "void", out, parameters };
}

/** What an implementation receives for an argument. */
type ArgumentType<A, M extends Addressing> =
  A extends Argument<infer K> ? (K extends keyof Addressing ? M[K] : K extends "flag" ? boolean : number) : never;

type ArgumentTypes<A extends readonly Argument[], M extends Addressing> = { -readonly [I in keyof A]: ArgumentType<A[I], M> };

/** The function an implementation provides for a table entry. */
export type KernelFunction<K extends Kernel, M extends Addressing> =
  (...args: ArgumentTypes<K["args"], M>) => K["result"] extends "void" ? void : number;

/** Every entry of a table as functions over one kind of addressing. */
export type KernelFunctions<T extends Record<string, Kernel>, M extends Addressing> = { [K in keyof T]: KernelFunction<T[K], M> };

type Same<X, Y> = (<G>() => G extends X ? 1 : 2) extends (<G>() => G extends Y ? 1 : 2) ? true : false;

/**
 * The names on which an implementation departs from a table: a kernel missing, one whose
 * arguments or result differ in number or type, or one the table does not list. `never` when
 * the implementation matches exactly (plain assignability would let a kernel take fewer
 * arguments than the table passes).
 */
export type Departures<Table, Implementation> =
  | {
    [K in keyof Table]: K extends keyof Implementation
      ? Table[K] extends (...args: infer A) => infer R
        ? Implementation[K] extends (...args: infer B) => infer S
          ? Same<A, B> extends true ? (Same<R, S> extends true ? never : K) : K
          : K
        : K
      : K;
  }[keyof Table]
  | Exclude<keyof Implementation, keyof Table>;

/**
 * An implementation as its table's type, failing to compile where it departs from the table,
 * with an error that names each departing kernel ("... is not assignable to type 'dot departs
 * from the kernel table'", or "Property 'dot' is missing").
 */
export function matchingTable<Table>() {
  return <I>(implementation: I & { [K in Departures<Table, I>]: `${K & string} departs from the kernel table` }): Table =>
    implementation as unknown as Table;
}
