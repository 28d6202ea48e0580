// The upper orthant probability of a standard bivariate normal pair, P(X > h, Y > k) for
// correlation rho, accurate to about 1e-15, with the deterministic exponential (so a theory
// column has the same bits in every JavaScript engine). |rho| < 0.925: Plackett's identity,
// P = Phi(-h) Phi(-k) + integral_0^rho phi2(h, k; r) dr, by 20-point Gauss-Legendre on each half
// of [0, rho]; |rho| >= 0.925: Drezner and Wesolowsky's expansion about rho = +-1 as Genz
// (2004, "Numerical computation of rectangular bivariate and trivariate normal
// probabilities", Statistics and Computing 14) writes it, the same nodes.
import { detExp } from "./fdlibm.js";
import { normalCdf } from "./normal.js";

// 20-point Gauss-Legendre on [-1, 1]: the positive nodes and their weights (Genz's table).
const NODES = [
  0.9931285991850949, 0.9639719272779138, 0.9122344282513259, 0.8391169718222188, 0.7463319064601508,
  0.636053680726515, 0.5108670019508271, 0.3737060887154196, 0.2277858511416451, 0.07652652113349733,
];
const WEIGHTS = [
  0.01761400713915212, 0.04060142980038694, 0.06267204833410906, 0.08327674157670475, 0.1019301198172404,
  0.1181945319615184, 0.1316886384491766, 0.1420961093183821, 0.1491729864726037, 0.1527533871307259,
];
const TWO_PI = 2 * Math.PI;

/** integral_a^b f by 20-point Gauss-Legendre. */
function gaussLegendre(f: (x: number) => number, a: number, b: number): number {
  const middle = 0.5 * (a + b), half = 0.5 * (b - a);
  let sum = 0;
  for (let i = 0; i < NODES.length; i++) sum += WEIGHTS[i] * (f(middle - half * NODES[i]) + f(middle + half * NODES[i]));
  return half * sum;
}

/** Plackett: Phi(-h) Phi(-k) plus the integral over r in [0, rho] of the density at (h, k) for correlation r. */
function plackett(h: number, k: number, rho: number): number {
  const density = (r: number) => {
    const s = 1 - r * r;
    return detExp(-(h * h - 2 * r * h * k + k * k) / (2 * s)) / (TWO_PI * Math.sqrt(s));
  };
  return normalCdf(-h) * normalCdf(-k) + gaussLegendre(density, 0, 0.5 * rho) + gaussLegendre(density, 0.5 * rho, rho);
}

/** Genz's branch for |rho| >= 0.925 (bvnu in his MATLAB code). */
function nearOne(h: number, k: number, rho: number): number {
  let hk = h * k, bvn = 0;
  if (rho < 0) {
    k = -k;
    hk = -hk;
  }
  if (Math.abs(rho) < 1) {
    const as = 1 - rho * rho, bs = (h - k) * (h - k);
    let a = Math.sqrt(as);
    const c = (4 - hk) / 8, d = (12 - hk) / 80;
    const asr = -(bs / as + hk) / 2;
    if (asr > -100) bvn = a * detExp(asr) * (1 - (c * (bs - as) * (1 - d * bs)) / 3 + c * d * as * as);
    if (hk > -100) {
      const b = Math.sqrt(bs);
      bvn -= detExp(-hk / 2) * Math.sqrt(TWO_PI) * normalCdf(-b / a) * b * (1 - (c * bs * (1 - d * bs)) / 3);
    }
    a /= 2;
    let sum = 0;
    for (let i = 0; i < NODES.length; i++) {
      for (const x of [1 - NODES[i], 1 + NODES[i]]) {
        const xs = a * x * (a * x);
        const exponent = -(bs / xs + hk) / 2;
        if (!(exponent > -100)) continue;
        const rs = Math.sqrt(1 - xs);
        const ep = detExp((-(hk / 2) * xs) / ((1 + rs) * (1 + rs))) / rs;
        sum += WEIGHTS[i] * detExp(exponent) * (1 + c * xs * (1 + 5 * d * xs) - ep);
      }
    }
    bvn = (a * sum - bvn) / TWO_PI;
  }
  if (rho > 0) return bvn + normalCdf(-Math.max(h, k));
  if (h >= k) return -bvn;
  return (h < 0 ? normalCdf(k) - normalCdf(h) : normalCdf(-h) - normalCdf(-k)) - bvn;
}

/**
 * P(X > h, Y > k) for standard normals X, Y with correlation rho in [-1, 1].
 *
 * @example
 * bivariateNormalUpper(0, 0, 0.5) // => 0.33333333333333337
 * bivariateNormalUpper(-1, 0.5, 0.95) // => 0.3085375133608336
 */
export function bivariateNormalUpper(h: number, k: number, rho: number): number {
  if (!(rho >= -1 && rho <= 1)) throw new RangeError(`bivariateNormalUpper: rho must be in [-1, 1], got ${rho}`);
  const p = Math.abs(rho) < 0.925 ? plackett(h, k, rho) : nearOne(h, k, rho);
  return Math.min(1, Math.max(0, p));
}
