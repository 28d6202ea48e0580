// The categorical-tails world: the Zipf base p0 and the sampling transform T (temperature, then
// top-k, then top-p, renormalising after each step, ties broken by the lower index), on plain
// arrays of K probabilities. Every sum runs in index order, so the results have the same bits in
// every JavaScript engine.
import { detExp, detLog } from "../../math/fdlibm.js";

export interface Transform {
  temperature: number;
  topK: number | null;
  topP: number;
}

/**
 * p0(i) proportional to (i + offset)^-beta for i = 1..K, normalised.
 *
 * @example
 * Array.from(zipfBase(3, 1, 0)) // => [0.5454545454545455, 0.27272727272727276, 0.18181818181818185]
 */
export function zipfBase(k: number, beta: number, offset: number): Float64Array {
  const p = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < k; i++) {
    p[i] = beta === 0 ? 1 : detExp(-beta * detLog(i + 1 + offset));
    total += p[i];
  }
  for (let i = 0; i < k; i++) p[i] /= total;
  return p;
}

/** Whether T is the identity (temperature 1, no cut). */
export function isIdentity(t: Transform, k: number): boolean {
  return t.temperature === 1 && (t.topK === null || t.topK >= k) && t.topP === 1;
}

/** Divides x by its sum (in index order). */
function normalise(x: Float64Array): void {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i];
  for (let i = 0; i < x.length; i++) x[i] /= total;
}

/** The support's indices by decreasing value, ties to the lower index; no sort when x is already non-increasing. */
function ranking(x: Float64Array): Int32Array | null {
  let sorted = true;
  for (let i = 1; i < x.length && sorted; i++) sorted = x[i] <= x[i - 1];
  if (sorted) return null;
  let m = 0;
  for (let i = 0; i < x.length; i++) if (x[i] > 0) m++;
  const order = new Int32Array(m);
  for (let i = 0, j = 0; i < x.length; i++) if (x[i] > 0) order[j++] = i;
  order.sort((a, b) => x[b] - x[a] || a - b);
  return order;
}

/**
 * q = T(p) into out (both K entries; p sums to 1): q proportional to p^(1/tau) on the support of
 * p (computed as exp((ln p - ln max p)/tau), which cannot underflow for the largest), then the topK
 * most likely kept, then the shortest prefix by decreasing q of mass >= topP.
 *
 * @example
 * Array.from(applyTransform(new Float64Array([0.5, 0.3, 0.2]), { temperature: 1, topK: 2, topP: 1 }, new Float64Array(3))) // => [0.625, 0.37499999999999994, 0]
 */
export function applyTransform(p: Float64Array, t: Transform, out: Float64Array): Float64Array {
  const k = p.length;
  out.set(p);
  if (isIdentity(t, k)) return out;
  if (t.temperature !== 1) {
    let top = 0;
    for (let i = 0; i < k; i++) if (p[i] > top) top = p[i];
    const logTop = detLog(top), inverse = 1 / t.temperature;
    for (let i = 0; i < k; i++) out[i] = p[i] > 0 ? detExp((detLog(p[i]) - logTop) * inverse) : 0;
    normalise(out);
  }
  if ((t.topK !== null && t.topK < k) || t.topP < 1) {
    const order = ranking(out);
    const at = (r: number) => (order === null ? r : order[r]);
    const ranked = order === null ? k : order.length;
    let keep = t.topK === null ? ranked : Math.min(t.topK, ranked);
    if (t.topP < 1) {
      let kept = 0, total = 0;
      for (let r = 0; r < keep; r++) total += out[at(r)];
      let r = 0;
      for (; r < keep; r++) {
        kept += out[at(r)];
        if (kept >= t.topP * total) break;
      }
      keep = Math.min(keep, r + 1);
    }
    for (let r = keep; r < ranked; r++) out[at(r)] = 0;
    normalise(out);
  }
  return out;
}
