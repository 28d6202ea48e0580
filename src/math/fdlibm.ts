// Deterministic exp and log, a line-by-line port of assembly/math.ts (musl's fdlibm code), for
// the reference kernels and the closed forms: the same bits as every wasm build, in every
// JavaScript engine (Math.exp and Math.log need not agree across engines).
// Only IEEE +, -, *, / and bit moves, so the results equal the wasm build's bit for bit.
import {
  LN2_HI, LN2_LO, INV_LN2, EXP_P1, EXP_P2, EXP_P3, EXP_P4, EXP_P5,
  LOG_LG1, LOG_LG2, LOG_LG3, LOG_LG4, LOG_LG5, LOG_LG6, LOG_LG7,
} from "../engine/constants/fdlibm.js";

const bits = new DataView(new ArrayBuffer(8));

function highWord(x: number): number {
  bits.setFloat64(0, x, true);
  return bits.getUint32(4, true);
}

function lowWord(x: number): number {
  bits.setFloat64(0, x, true);
  return bits.getUint32(0, true);
}

function fromWords(high: number, low: number): number {
  bits.setUint32(4, high >>> 0, true);
  bits.setUint32(0, low >>> 0, true);
  return bits.getFloat64(0, true);
}


function scale2(y: number, n: number): number {
  if (n > 1023) {
    y *= 8.98846567431158e307;
    n -= 1023;
    if (n > 1023) n = 1023;
  } else if (n < -1022) {
    y *= 2.004168360008973e-292;
    n += 1022 - 53;
    if (n < -1022) {
      y *= 2.004168360008973e-292;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * fromWords((0x3ff + n) << 20, 0);
}

/** e^x, identical to the wasm kernels' detExp. */
export function detExp(x: number): number {
  let hx = highWord(x);
  const sign = hx >>> 31;
  hx &= 0x7fffffff;
  if (hx >= 0x4086232b) {
    if (x !== x) return x;
    if (x > 709.782712893383973096) return x * 8.98846567431158e307;
    if (x < -745.13321910194110842) return 0;
  }
  let hi: number, lo: number, k: number;
  if (hx > 0x3fd62e42) {
    if (hx >= 0x3ff0a2b2) k = Math.trunc(INV_LN2 * x + (sign ? -0.5 : 0.5));
    else k = 1 - sign - sign;
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
    x = hi - lo;
  } else if (hx > 0x3e300000) {
    k = 0;
    hi = x;
    lo = 0;
  } else {
    return 1 + x;
  }
  const xx = x * x;
  const c = x - xx * (EXP_P1 + xx * (EXP_P2 + xx * (EXP_P3 + xx * (EXP_P4 + xx * EXP_P5))));
  const y = 1 + (x * c / (2 - c) - lo + hi);
  return k === 0 ? y : scale2(y, k);
}

/** Natural logarithm, identical to the wasm kernels' detLog. */
export function detLog(x: number): number {
  let hx = highWord(x);
  let low = lowWord(x);
  let k = 0;
  if (hx < 0x00100000 || hx >>> 31 !== 0) {
    if (x === 0) return -Infinity;
    if (hx >>> 31) return NaN;
    k -= 54;
    x *= 18014398509481984.0;
    hx = highWord(x);
    low = lowWord(x);
  } else if (hx >= 0x7ff00000) {
    return x;
  } else if (hx === 0x3ff00000 && low === 0) {
    return 0;
  }
  hx += 0x3ff00000 - 0x3fe6a09e;
  k += (hx >>> 20) - 0x3ff;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  x = fromWords(hx, low);
  const f = x - 1.0;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LOG_LG2 + w * (LOG_LG4 + w * LOG_LG6));
  const t2 = z * (LOG_LG1 + w * (LOG_LG3 + w * (LOG_LG5 + w * LOG_LG7)));
  const r = t2 + t1;
  const dk = k;
  return s * (hfsq + r) + dk * LN2_LO - hfsq + f + dk * LN2_HI;
}
