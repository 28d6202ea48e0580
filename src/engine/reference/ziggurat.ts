// The ziggurat tables of assembly/ziggurat.ts, built the same way with the same arithmetic.
import { detExp, detLog } from "../../math/fdlibm.js";
import { ZIG_LAYERS, ZIG_R, ZIG_V } from "../constants/ziggurat.js";

const density = (x: number): number => detExp(-0.5 * x * x);

export const ZIG_X = new Float64Array(ZIG_LAYERS + 1);
export const ZIG_F = new Float64Array(ZIG_LAYERS + 1);
export const ZIG_RATIO = new Float64Array(ZIG_LAYERS);

ZIG_X[0] = ZIG_V / density(ZIG_R);
ZIG_X[1] = ZIG_R;
for (let i = 1; i < ZIG_LAYERS - 1; i++) {
  ZIG_X[i + 1] = Math.sqrt(-2.0 * detLog(ZIG_V / ZIG_X[i] + density(ZIG_X[i])));
}
ZIG_X[ZIG_LAYERS] = 0;
for (let i = 0; i <= ZIG_LAYERS; i++) ZIG_F[i] = density(ZIG_X[i]);
for (let i = 0; i < ZIG_LAYERS; i++) ZIG_RATIO[i] = ZIG_X[i + 1] / ZIG_X[i];
