// Deterministic exp and log (musl's fdlibm-derived versions), written with plain IEEE
// operations only, so that src/engine/reference/math.ts reproduces them bit for bit.
// The standard library's Math.exp/log and V8's may differ from each other in the last ulp;
// random streams that pass through exp/log (ziggurat tails, gamma draws) must not.

import {
  LN2_HI, LN2_LO, INV_LN2, EXP_P1, EXP_P2, EXP_P3, EXP_P4, EXP_P5,
  LOG_LG1, LOG_LG2, LOG_LG3, LOG_LG4, LOG_LG5, LOG_LG6, LOG_LG7,
} from "../src/engine/constants/fdlibm";

/** 2^n * y for the exponents exp produces (n in [-1074, 1024]), as musl's scalbn. */
function scale2(y: f64, n: i32): f64 {
  if (n > 1023) {
    y *= 8.98846567431158e307; // 2^1023
    n -= 1023;
    if (n > 1023) n = 1023;
  } else if (n < -1022) {
    // Two steps keep the final multiply out of double rounding in the subnormal range.
    y *= 2.004168360008973e-292; // 2^-1022 * 2^53
    n += 1022 - 53;
    if (n < -1022) {
      y *= 2.004168360008973e-292;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * reinterpret<f64>(<u64>(0x3ff + n) << 52);
}

/** e^x, correctly rounded in almost all cases (< 1 ulp), identical to the TypeScript reference. */
export function detExp(x: f64): f64 {
  let hx = <u32>(reinterpret<u64>(x) >> 32);
  const sign = <i32>(hx >> 31);
  hx &= 0x7fffffff;
  if (hx >= 0x4086232b) {
    if (x != x) return x;
    if (x > 709.782712893383973096) return x * 8.98846567431158e307;
    if (x < -745.13321910194110842) return 0;
  }
  let hi: f64, lo: f64, k: i32;
  if (hx > 0x3fd62e42) {
    if (hx >= 0x3ff0a2b2) k = <i32>(INV_LN2 * x + (sign ? -0.5 : 0.5));
    else k = 1 - sign - sign;
    hi = x - <f64>k * LN2_HI;
    lo = <f64>k * LN2_LO;
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
  return k == 0 ? y : scale2(y, k);
}

/** Natural logarithm, identical to the TypeScript reference. */
export function detLog(x: f64): f64 {
  let bits = reinterpret<u64>(x);
  let hx = <u32>(bits >> 32);
  let k: i32 = 0;
  if (hx < 0x00100000 || (hx >> 31) != 0) {
    if (bits << 1 == 0) return -Infinity;
    if (hx >> 31) return NaN;
    k -= 54;
    x *= 18014398509481984.0; // 2^54: scale a subnormal up
    bits = reinterpret<u64>(x);
    hx = <u32>(bits >> 32);
  } else if (hx >= 0x7ff00000) {
    return x;
  } else if (hx == 0x3ff00000 && (bits << 32) == 0) {
    return 0;
  }
  // Reduce x into [sqrt(2)/2, sqrt(2)].
  hx += 0x3ff00000 - 0x3fe6a09e;
  k += <i32>(hx >> 20) - 0x3ff;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  x = reinterpret<f64>((<u64>hx << 32) | (bits & 0xffffffff));
  const f = x - 1.0;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LOG_LG2 + w * (LOG_LG4 + w * LOG_LG6));
  const t2 = z * (LOG_LG1 + w * (LOG_LG3 + w * (LOG_LG5 + w * LOG_LG7)));
  const r = t2 + t1;
  const dk = <f64>k;
  return s * (hfsq + r) + dk * LN2_LO - hfsq + f + dk * LN2_HI;
}

/**
 * detExp on both lanes of x, bit for bit: each lane takes detExp's branch by its own high
 * word, with the same operations in the same order; a lane past the normal range (|x| >=
 * 708.39: an underflow to a subnormal or 0, an overflow, NaN) sends both to detExp itself.
 * The softmax model's exponentials are most of its evaluation: two lanes halve them.
 */
// @ts-ignore: decorator
@inline export function detExpLanes(x: v128): v128 {
  const hx = v128.and(i64x2.shr_u(x, 32), i64x2.splat(0x7fffffff));
  if (v128.any_true(i64x2.ge_s(hx, i64x2.splat(0x4086232b)))) {
    return f64x2.replace_lane(f64x2.splat(detExp(f64x2.extract_lane(x, 0))), 1, detExp(f64x2.extract_lane(x, 1)));
  }
  const negative = i64x2.shr_s(x, 63);
  // k: round(x / ln 2) where |x| >= 1.0397, the sign's +-1 where |x| > ln2 / 2, else 0.
  const nearest = f64x2.trunc(f64x2.add(f64x2.mul(f64x2.splat(INV_LN2), x), v128.bitselect(f64x2.splat(-0.5), f64x2.splat(0.5), negative)));
  const unit = v128.bitselect(f64x2.splat(-1.0), f64x2.splat(1.0), negative);
  const k = v128.bitselect(
    nearest,
    v128.and(unit, i64x2.gt_s(hx, i64x2.splat(0x3fd62e42))),
    i64x2.ge_s(hx, i64x2.splat(0x3ff0a2b2)),
  );
  const hi = f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI)));
  const lo = f64x2.mul(k, f64x2.splat(LN2_LO));
  const r = f64x2.sub(hi, lo);
  const rr = f64x2.mul(r, r);
  const poly = f64x2.add(f64x2.splat(EXP_P4), f64x2.mul(rr, f64x2.splat(EXP_P5)));
  const c = f64x2.sub(r, f64x2.mul(rr, f64x2.add(f64x2.splat(EXP_P1), f64x2.mul(rr, f64x2.add(f64x2.splat(EXP_P2),
    f64x2.mul(rr, f64x2.add(f64x2.splat(EXP_P3), f64x2.mul(rr, poly))))))));
  const one = f64x2.splat(1.0);
  const y = f64x2.add(one, f64x2.add(f64x2.sub(f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2.0), c)), lo), hi));
  // 2^k from its exponent bits (k in [-1022, 1022] here: no subnormal step); k = 0 multiplies by 1.
  const power = i64x2.shl(i64x2.add(i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k)), i64x2.splat(0x3ff)), 52);
  return v128.bitselect(f64x2.add(one, x), f64x2.mul(y, power), i64x2.le_s(hx, i64x2.splat(0x3e300000)));
}
