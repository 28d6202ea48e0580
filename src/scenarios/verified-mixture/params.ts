// Parameters of the verified-mixture scenario (shared/theory/verified-mixture.md), with
// defaults reproducing the theory file's table at eps 0.3, and the limits that follow from the
// engine: the d x d system lives in one wasm allocation; the direct method counts points in
// 32-bit counters, the exact method in f64 and at O(m k) cost.
import { z } from "zod";
import { real, integer, oneOf, strictObject, byKind } from "../../validation/schema.js";
import type { SpecIssue } from "../../validation/spec-error.js";

/** AssemblyScript's allocator serves blocks of at most 2^30 bytes less its header. */
const MAX_ALLOCATION_BYTES = 2 ** 30 - 64;
/** The largest d whose d x d f64 system (8 d^2 bytes) fits one allocation: 11585. */
export const MAX_D = Math.floor(Math.sqrt(MAX_ALLOCATION_BYTES / 8));
/** nSynthetic and nReal each with the direct method; their sum stays below its kernel's 2^31 - 1. */
export const MAX_POINTS_DIRECT = 1_000_000_000;
/**
 * nSynthetic and nReal each with the exact method. Its counts and sums are f64 (exact to 2^53,
 * compensated), so the bound is time: about 5 ns per point, some 1.5 hours per round at 10^12.
 */
export const MAX_POINTS_EXACT = 1_000_000_000_000;

/**
 * How a round's sufficient statistics are drawn: "direct" draws every point in d dimensions
 * (O(m d^2)); "exact" draws the points' k <= 3 relevant coordinates and the rest of X^T X and
 * X^T y from their exact law (O(m k + d^3)); "auto" is exact wherever the noise is isotropic,
 * which is every parameter set of this scenario.
 */
export const METHODS = ["auto", "direct", "exact"] as const;

const probability = () => real(0, 1);
const angle = () => real(-180, 180, { unit: "(degrees)" });
const margin = () => real(0, Infinity);

export const generatorSchema = byKind([
  strictObject({ kind: z.literal("flip"), eps: probability() }),
  strictObject({ kind: z.literal("linear"), angle: angle() }),
]);

export const verifierSchema = byKind([
  strictObject({ kind: z.literal("none") }),
  strictObject({ kind: z.literal("oracle") }),
  strictObject({ kind: z.literal("random"), keep: probability() }),
  strictObject({ kind: z.literal("noisy"), phi: probability(), psi: probability() }),
  strictObject({ kind: z.literal("linear"), angle: angle(), margin: margin().default(0) }),
  strictObject({ kind: z.literal("self"), margin: margin() }),
]);

export const params = strictObject({
  d: integer(1, MAX_D).default(200),
  mu: real(0, 100).default(1),
  nSynthetic: integer(1, MAX_POINTS_EXACT).default(2000),
  nReal: integer(0, MAX_POINTS_EXACT).default(0),
  ridge: real(0, 1e6, { loOpen: true }).default(1),
  generator: generatorSchema.default({ kind: "flip", eps: 0.3 }),
  verifier: verifierSchema.default({ kind: "noisy", phi: 0.8, psi: 0.3 }),
  method: oneOf(METHODS).default("auto"),
});

export type Params = z.output<typeof params>;
export type Generator = Params["generator"];
export type Verifier = Params["verifier"];

/** Limits across parameters; paths relative to params. */
export function checkParams(params: Params): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const linear = params.generator.kind === "linear" || params.verifier.kind === "linear";
  if (linear && params.d < 2) {
    issues.push({
      path: "d", value: params.d, problem: "out of range",
      allowed: `an integer in [2, ${MAX_D}] with a linear generator or verifier (their directions lie in span{e1, e2})`,
    });
  }
  if (params.verifier.kind === "self" && params.generator.kind === "flip") {
    issues.push({
      path: "verifier.kind", value: "self", problem: "not allowed with generator.kind \"flip\"",
      allowed: "one of \"none\", \"oracle\", \"random\", \"noisy\", \"linear\" with a flip generator (self-selection needs a generator with a margin)",
    });
  }
  if (params.method === "direct") {
    for (const [path, lo] of [["nSynthetic", 1], ["nReal", 0]] as const) {
      if (params[path] > MAX_POINTS_DIRECT) {
        issues.push({
          path, value: params[path], problem: "out of range",
          allowed: `an integer in [${lo}, ${MAX_POINTS_DIRECT}] with method "direct" (up to ${MAX_POINTS_EXACT} with "exact" or "auto")`,
        });
      }
    }
  }
  return issues;
}
