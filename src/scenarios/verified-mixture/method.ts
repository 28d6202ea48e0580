// Which sampler draws a replicate's rounds, with "auto" resolved.
import type { Params } from "./params.js";

export type RoundMethod = "direct" | "exact";

/**
 * "auto" is the exact method wherever it is exact: it needs the noise orthogonal to the
 * class-mean, labelling and check directions to be isotropic and independent of labels and
 * selection, which holds for every parameter set of this scenario (z ~ N(0, I_d)).
 */
export function resolveMethod(params: Params): RoundMethod {
  return params.method === "direct" ? "direct" : "exact";
}
