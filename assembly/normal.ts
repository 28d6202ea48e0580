// One standard normal at a time by the 256-layer ziggurat (Marsaglia & Tsang 2000, in Doornik's
// ZIGNOR form): the layer from the low 8 bits of a pair's first word, the abscissa from the
// pair's signed uniform. fillNormal (samplers.ts) runs the common case in bulk and calls the rare
// branch here; src/engine/reference/normal.ts consumes the stream the same way.
import { pairToSignedUniform, nextPair, nextUniform, nextUniformPositive } from "./rng";
import { ZIG_X, ZIG_F, ZIG_RATIO } from "./ziggurat";
import { ZIG_R } from "../src/engine/constants/ziggurat";
import { wedgeSqueeze, UNDER, UNDECIDED } from "./ziggurat-squeeze";
import { detExp, detLog } from "./math";

// @ts-ignore: decorator
@inline export function layerOf(pair: u64): usize {
  return <usize>(<u32>pair & 255);
}

/** Normal tail beyond ZIG_R (Marsaglia 1964). */
function normalTail(state: usize, negative: bool): f64 {
  let x: f64, y: f64;
  do {
    x = detLog(nextUniformPositive(state)) / ZIG_R;
    y = detLog(nextUniformPositive(state));
  } while (-2.0 * y < x * x);
  return negative ? x - ZIG_R : ZIG_R - x;
}

/** The ziggurat's rare branch: the base strip's tail, or the wedge test (squeezed), then fresh attempts. */
export function normalSlow(state: usize, u: f64, layer: usize): f64 {
  while (true) {
    if (layer == 0) return normalTail(state, u < 0);
    const x = u * load<f64>(ZIG_X + (layer << 3));
    const f0 = load<f64>(ZIG_F + (layer << 3));
    const f1 = load<f64>(ZIG_F + ((layer + 1) << 3));
    const y = f0 + nextUniform(state) * (f1 - f0);
    const side = wedgeSqueeze(layer, Math.abs(x), y);
    if (side == UNDER || (side == UNDECIDED && y < detExp(-0.5 * x * x))) return x;
    const pair = nextPair(state);
    layer = layerOf(pair);
    u = pairToSignedUniform(pair);
    if (Math.abs(u) < load<f64>(ZIG_RATIO + (layer << 3))) return u * load<f64>(ZIG_X + (layer << 3));
  }
}

/** One standard normal. */
export function nextNormal(state: usize): f64 {
  const pair = nextPair(state);
  const layer = layerOf(pair);
  const u = pairToSignedUniform(pair);
  if (Math.abs(u) < load<f64>(ZIG_RATIO + (layer << 3))) return u * load<f64>(ZIG_X + (layer << 3));
  return normalSlow(state, u, layer);
}
