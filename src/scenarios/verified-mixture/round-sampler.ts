// What draws a round's sufficient statistics: the direct method (every point sampled) and the
// exact method (projections sampled, the isotropic rest by its exact distribution) both are one.
import type { F64Block, FilteredMixtureCounts } from "../../engine/index.js";

/**
 * Draws rounds with the current generator: X^T X and X^T y' over the kept points (synthetic
 * and real), unnormalised, in an orthonormal basis of the sampler's own whose first vector is
 * e1, the class mean's direction (so the accuracy Phi(mu w_1 / |w|) reads the same in any).
 */
export interface RoundSampler {
  /** Fills system (d x d, row-major, both triangles) and rhs (d) for a fresh round; returns the counts. */
  draw(system: F64Block, rhs: F64Block): FilteredMixtureCounts;
  /** The model w, in the basis of the last draw, becomes the generator. */
  adopt(model: Float64Array): void;
  free(): void;
}
