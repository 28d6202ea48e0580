// One standard normal at a time by the ziggurat of assembly/normal.ts, consuming the stream in
// the same order (the reference takes the rare branch without the wasm build's squeeze, which
// decides the same way).
import { takePair, pairToUniform, nextUniform, nextUniformPositive } from "./rng.js";
import { ZIG_X, ZIG_F, ZIG_RATIO } from "./ziggurat.js";
import { ZIG_R } from "../constants/ziggurat.js";
import { detExp, detLog } from "../../math/fdlibm.js";

function normalTail(state: Uint32Array, negative: boolean): number {
  let x: number, y: number;
  do {
    x = detLog(nextUniformPositive(state)) / ZIG_R;
    y = detLog(nextUniformPositive(state));
  } while (-2.0 * y < x * x);
  return negative ? x - ZIG_R : ZIG_R - x;
}

/** One standard normal by the ziggurat (the layer from a's low 8 bits, the abscissa from the pair's uniform). */
export function nextNormal(state: Uint32Array): number {
  for (let attempt = 0; ; attempt++) {
    const w = takePair(state);
    const layer = state[w] & 255;
    const u = 2.0 * pairToUniform(state, w) - 1.0;
    if (Math.abs(u) < ZIG_RATIO[layer]) return u * ZIG_X[layer];
    if (layer === 0) return normalTail(state, u < 0);
    const x = u * ZIG_X[layer];
    const f0 = ZIG_F[layer], f1 = ZIG_F[layer + 1];
    if (f0 + nextUniform(state) * (f1 - f0) < detExp(-0.5 * x * x)) return x;
  }
}
