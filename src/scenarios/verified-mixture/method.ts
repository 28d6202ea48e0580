// Which sampler draws a replicate's rounds, with "auto" resolved.
import { learnerOf, type Params } from "./params.js";

export type RoundMethod = "direct" | "exact";

/**
 * "auto" is the exact method wherever it applies. It needs the noise orthogonal to the
 * class-mean, labelling and check directions to be isotropic and independent of labels and
 * selection, which holds for every parameter set of this scenario (z ~ N(0, I_d)), and a
 * learner that needs only X^T X and X^T y': ridge, not the logistic learner, whose loss needs
 * every point (checkParams refuses "exact" with it).
 */
export function resolveMethod(params: Params): RoundMethod {
  return params.method === "direct" || learnerOf(params) === "logistic" ? "direct" : "exact";
}
