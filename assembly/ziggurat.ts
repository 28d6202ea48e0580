// Ziggurat tables for the standard normal with 256 layers (Marsaglia & Tsang 2000, in
// Doornik's 2005 ZIGNOR form). Built at instantiation with the deterministic exp/log so the
// TypeScript reference builds the same bits.
import { detExp, detLog } from "./math";
import { ZIG_LAYERS, ZIG_V, ZIG_R } from "../src/engine/constants/ziggurat";

/** Right edge of layer i (X[0] is the base strip's virtual width, X[256] = 0). */
export const ZIG_X: usize = memory.data(257 << 3, 16);
/** exp(-X[i]^2 / 2). */
export const ZIG_F: usize = memory.data(257 << 3, 16);
/** X[i+1] / X[i]: below it a draw is inside the layer's rectangle, accepted without exp. */
export const ZIG_RATIO: usize = memory.data(256 << 3, 16);
/**
 * (ZIG_RATIO[i], ZIG_X[i]) side by side, 16 bytes per layer: the SIMD fast path fetches both
 * numbers a candidate needs with one v128 load instead of two scalar lane inserts.
 */
export const ZIG_RATIO_X: usize = memory.data(256 << 4, 16);

function density(x: f64): f64 {
  return detExp(-0.5 * x * x);
}

function buildTables(): void {
  store<f64>(ZIG_X, ZIG_V / density(ZIG_R));
  store<f64>(ZIG_X + 8, ZIG_R);
  for (let i = 1; i < ZIG_LAYERS - 1; i++) {
    const x = load<f64>(ZIG_X + (<usize>i << 3));
    store<f64>(ZIG_X + (<usize>(i + 1) << 3), Math.sqrt(-2.0 * detLog(ZIG_V / x + density(x))));
  }
  store<f64>(ZIG_X + (<usize>ZIG_LAYERS << 3), 0.0);
  for (let i = 0; i <= ZIG_LAYERS; i++) {
    store<f64>(ZIG_F + (<usize>i << 3), density(load<f64>(ZIG_X + (<usize>i << 3))));
  }
  for (let i = 0; i < ZIG_LAYERS; i++) {
    const ratio = load<f64>(ZIG_X + (<usize>(i + 1) << 3)) / load<f64>(ZIG_X + (<usize>i << 3));
    store<f64>(ZIG_RATIO + (<usize>i << 3), ratio);
    store<f64>(ZIG_RATIO_X + (<usize>i << 4), ratio);
    store<f64>(ZIG_RATIO_X + (<usize>i << 4), load<f64>(ZIG_X + (<usize>i << 3)), 8);
  }
}

buildTables();
