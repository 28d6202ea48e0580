// Settling most ziggurat wedge tests without exp (the squeeze of Marsaglia 1977; the convex
// and concave overhang bounds of McFarland 2016). A candidate outside its layer's rectangle
// is accepted when its height y lies under the density, y < detExp(-x^2 / 2), for x between
// the layer's edges a = X[i + 1] and b = X[i]. On that stretch the density runs from (a, F[i+1])
// to (b, F[i]) and is convex beyond 1, concave below it: a convex arc lies under its chord and
// over its tangents, a concave one the other way round. A height clear of those lines by
// MARGIN is decided; otherwise the caller computes the exp.
//
// The decision must equal the exp comparison's, bit for bit, as the reference always computes
// the exp. detExp is within 1.0e-15 of the density at the rounded x (an ulp of its argument,
// at most 6.7, moves it by 7.5e-16 relative, and detExp itself errs by under an ulp), and the
// lines computed from the rounded table entries stray from the true chord and tangents by a few
// 1e-16: a margin of 1e-12 leaves a thousandfold safety factor and sends one draw in about a
// billion to the exp.
import { ZIG_X, ZIG_F } from "./ziggurat";
import { ZIG_LAYERS } from "../src/engine/constants/ziggurat";

// @ts-ignore: decorator
@inline const MARGIN: f64 = 1e-12;

/** Slope of layer i's chord, (F[i + 1] - F[i]) / (X[i] - X[i + 1]), for i >= 1. */
const CHORD_SLOPE: usize = memory.data(<i32>ZIG_LAYERS << 3, 16);

function buildSlopes(): void {
  for (let i = 1; i < ZIG_LAYERS; i++) {
    const a = load<f64>(ZIG_X + (<usize>(i + 1) << 3)), b = load<f64>(ZIG_X + (<usize>i << 3));
    const fa = load<f64>(ZIG_F + (<usize>(i + 1) << 3)), fb = load<f64>(ZIG_F + (<usize>i << 3));
    store<f64>(CHORD_SLOPE + (<usize>i << 3), (fa - fb) / (b - a));
  }
}

buildSlopes();

/** Accept: the point (|x| = t, y) lies under the density for certain. */
// @ts-ignore: decorator
@inline export const UNDER: i32 = 1;
/** Reject: it lies over the density for certain. */
// @ts-ignore: decorator
@inline export const OVER: i32 = -1;
/** Too close to call without the exp. */
// @ts-ignore: decorator
@inline export const UNDECIDED: i32 = 0;

/** Where the wedge candidate of layer i (1 <= i < 256) at t = |x|, height y lies. */
export function wedgeSqueeze(layer: usize, t: f64, y: f64): i32 {
  const a = load<f64>(ZIG_X + ((layer + 1) << 3)), b = load<f64>(ZIG_X + (layer << 3));
  const fa = load<f64>(ZIG_F + ((layer + 1) << 3)), fb = load<f64>(ZIG_F + (layer << 3));
  const chord = fb + load<f64>(CHORD_SLOPE + (layer << 3)) * (b - t);
  // Tangents at the edges, from the density's derivative -x exp(-x^2 / 2).
  const tangentA = fa - a * fa * (t - a), tangentB = fb - b * fb * (t - b);
  if (a >= 1.0) {
    if (y > chord + MARGIN) return OVER;
    if (y < Math.max(tangentA, tangentB) - MARGIN) return UNDER;
  } else if (b <= 1.0) {
    if (y < chord - MARGIN) return UNDER;
    if (y > Math.min(tangentA, tangentB) + MARGIN) return OVER;
  }
  return UNDECIDED;
}
