// One Gamma(shape, 1) draw at a time, as assembly/gamma.ts (Marsaglia & Tsang 2000).
import { nextUniformPositive } from "./rng.js";
import { nextNormal } from "./normal.js";
import { detExp, detLog } from "../../math/fdlibm.js";

/** One Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 by boosting shape + 1). */
export function nextGamma(state: Uint32Array, shape: number): number {
  if (shape < 1.0) {
    const boosted = nextGamma(state, shape + 1.0);
    return boosted * detExp(detLog(nextUniformPositive(state)) / shape);
  }
  const d = shape - 1.0 / 3.0;
  const c = 1.0 / Math.sqrt(9.0 * d);
  for (;;) {
    const x = nextNormal(state);
    let v = 1.0 + c * x;
    if (v <= 0.0) continue;
    v = v * v * v;
    const u = nextUniformPositive(state);
    const x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (detLog(u) < 0.5 * x2 + d * (1.0 - v + detLog(v))) return d * v;
  }
}
