// The exact curation map C_K(p): the distribution of one curated sample (K atoms drawn iid from p,
// one kept with probability w_k / sum_j w_j). This project's derivation:
//   C_K(p)_i = K p_i w_i int_0^inf exp(-u w_i) phi(u)^(K - 1) du,  phi(u) = sum_j p_j exp(-u w_j),
// from 1/(a + S) = int exp(-u (a + S)) du; it sums to 1 because the integrand is -d(phi^K)/du / K.
// K = 1 is p, K = 2 has an O(M^2) closed form, K = infinity is the tilt p w / E_p[w]. The
// integral is the trapezoid rule in s = ln u, exponentially accurate for this smooth integrand
// that vanishes at both ends. Only + - * /, detExp and detLog: the same bits everywhere.
import { detExp, detLog } from "../../math/fdlibm.js";

/** Nodes of the trapezoid rule in s = ln u. */
const NODES = 500;

export type Choices = number | "infinite";

/**
 * C_K(p) for weights w > 0, normalised (renormalising removes the quadrature's mass error,
 * which the map would otherwise amplify about K-fold a step).
 *
 * @example
 * Array.from(curationMap(Float64Array.of(0.5, 0.5), Float64Array.of(1, 3), 2)) // => [0.375, 0.625]
 * Array.from(curationMap(Float64Array.of(0.5, 0.5), Float64Array.of(1, 3), "infinite")) // => [0.25, 0.75]
 */
export function curationMap(p: Float64Array, w: Float64Array, choices: Choices): Float64Array {
  const m = p.length;
  const out = new Float64Array(m);
  if (choices === "infinite") {
    for (let i = 0; i < m; i++) out[i] = p[i] * w[i];
  } else if (choices === 1) {
    out.set(p);
  } else if (choices === 2) {
    for (let i = 0; i < m; i++) {
      if (!(p[i] > 0)) continue;
      let s = 0;
      for (let j = 0; j < m; j++) if (p[j] > 0) s += (p[j] * w[i]) / (w[i] + w[j]);
      out[i] = 2 * p[i] * s;
    }
  } else {
    quadrature(p, w, choices, out);
  }
  let total = 0;
  for (let i = 0; i < m; i++) total += out[i];
  for (let i = 0; i < m; i++) out[i] /= total;
  return out;
}

/** K p_i w_i int exp(-u w_i) phi(u)^(K-1) du by the trapezoid rule in s = ln u over the live atoms. */
function quadrature(p: Float64Array, w: Float64Array, k: number, out: Float64Array): void {
  const m = p.length;
  let wMax = 0, wMin = Infinity;
  for (let i = 0; i < m; i++) {
    if (!(p[i] > 0)) continue;
    if (w[i] > wMax) wMax = w[i];
    if (w[i] < wMin) wMin = w[i];
  }
  const lo = detLog(1e-14 / wMax), hi = detLog(60 / (k * wMin) + 60 / wMin);
  const h = (hi - lo) / (NODES - 1);
  const decay = new Float64Array(m);
  for (let node = 0; node < NODES; node++) {
    const u = detExp(lo + node * h);
    let phi = 0;
    for (let i = 0; i < m; i++) {
      decay[i] = p[i] > 0 ? detExp(-u * w[i]) : 0;
      phi += p[i] * decay[i];
    }
    if (!(phi > 0)) continue;
    const weight = (node === 0 || node === NODES - 1 ? 0.5 : 1) * h * u * detExp((k - 1) * detLog(phi));
    for (let i = 0; i < m; i++) out[i] += weight * decay[i];
  }
  for (let i = 0; i < m; i++) out[i] *= k * p[i] * w[i];
}
