// Parameters under dotted names, as rows and grids use them: {generator: {eps: 0.1}} is
// "generator.eps" = 0.1; arrays are indexed, "accuracyBeta.0". Specs come from JSON, where
// "__proto__" is an ordinary key: reads and writes here touch own properties only, so such a
// key stays visible (and is refused as unknown) instead of replacing a prototype unseen.

export type Scalar = string | number | boolean | null;

/** A plain object (not null, not an array): what a spec, its params and its grid must be. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Sets an own property, even one named "__proto__". */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function flattenParams(value: unknown, prefix = "", out: Record<string, Scalar> = {}): Record<string, Scalar> {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) flattenParams(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined) {
    out[prefix] = value as Scalar;
  }
  return out;
}

/** The value at a dotted path, or undefined where the path leads nowhere. */
export function getDotted(target: unknown, path: string): unknown {
  let value = target;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A copy of `target` with the value at a dotted path replaced (objects on the way are created). */
export function setDotted(target: unknown, path: string, value: unknown): unknown {
  const [head, ...rest] = path.split(".");
  const base: Record<string, unknown> | unknown[] =
    Array.isArray(target) ? [...target] : target !== null && typeof target === "object" ? { ...target } : {};
  const child = Object.hasOwn(base, head) ? (base as Record<string, unknown>)[head] : undefined;
  setOwn(base, head, rest.length === 0 ? value : setDotted(child, rest.join("."), value));
  return base;
}
