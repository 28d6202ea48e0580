// The categorical-tails passes of assembly/categorical-tails.ts in plain TypeScript, every sum
// in the same order: the temperature step, a model's metrics, the next round's conditional
// expectations.
import { detExp, detLog } from "../../math/fdlibm.js";
import { detLog1p } from "../../math/special.js";

export function temperatureTransform(p: Float64Array, k: number, inverseTemperature: number, out: Float64Array): void {
  let top = 0;
  for (let i = 0; i < k; i++) if (p[i] > top) top = p[i];
  const logTop = detLog(top);
  let total = 0;
  for (let i = 0; i < k; i++) {
    const v = p[i] > 0 ? detExp((detLog(p[i]) - logTop) * inverseTemperature) : 0;
    out[i] = v;
    total += v;
  }
  for (let i = 0; i < k; i++) out[i] /= total;
}

export function categoricalTailsMetrics(p: Float64Array, p0: Float64Array, k: number, tailRank: number, stats: Float64Array): void {
  let support = 0, lost = 0, tail = 0, squares = 0, entropy = 0;
  for (let i = 0; i < k; i++) {
    const x = p[i];
    if (x > 0) {
      support += 1;
      squares += x * x;
      entropy -= x * detLog(x);
    } else {
      lost += p0[i];
    }
    if (i >= tailRank) tail += x;
  }
  stats[0] = support;
  stats[1] = lost;
  stats[2] = tail;
  stats[3] = 1 - squares;
  stats[4] = entropy;
}

export function liveSymbols(source: Float64Array, p0: Float64Array, k: number, keep: Int32Array, dead: Float64Array): number {
  let m = 0, lost = 0;
  for (let i = 0; i < k; i++) {
    if (source[i] > 0) keep[m++] = i;
    else lost += p0[i];
  }
  dead[0] = lost;
  return m;
}

/** Below this q, ln(1 - q) is its six-term series, as in assembly/categorical-tails.ts. */
const SERIES_BELOW = 0.0009765625;

/** Above -EXP_SERIES_BELOW, e^y is its degree-8 Taylor polynomial, EXP_C[k] = 1/k!, as in assembly/categorical-tails.ts. */
const EXP_SERIES_BELOW = 0.03125;
/** The last coefficient of ln(1 - q)'s series, as in assembly/categorical-tails.ts. */
const LOG_C6 = 1 / 6;
const EXP_C = [1, 1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040, 1 / 40320];

function miss(q: number, m: number): number {
  if (m === 0 || q <= 0) return 1;
  if (q >= 1) return 0;
  const log = q < SERIES_BELOW ? -q * (1 + q * (0.5 + q * (1 / 3 + q * (0.25 + q * (0.2 + q * LOG_C6))))) : detLog1p(-q);
  const y = m * log;
  return y > -EXP_SERIES_BELOW ? 1 + y * (1 + y * (EXP_C[2] + y * (EXP_C[3] + y * (EXP_C[4] + y * (EXP_C[5] + y * (EXP_C[6] + y * (EXP_C[7] + y * EXP_C[8]))))))) : detExp(y);
}

/** As assembly/categorical-tails.ts: sums over the even and the odd entries apart, then an odd last entry. */
function synthesisOnlySums(p0: Float64Array, q: Float64Array, k: number, synthetic: number, tailRank: number): [number, number, number, number] {
  let qq0 = 0, qq1 = 0, s0 = 0, s1 = 0, l0 = 0, l1 = 0, t0 = 0, t1 = 0;
  let i = 0;
  for (; i + 2 <= k; i += 2) {
    const x0 = q[i], x1 = q[i + 1];
    qq0 += x0 * x0;
    qq1 += x1 * x1;
    const a0 = miss(x0, synthetic), a1 = miss(x1, synthetic);
    s0 += 1 - a0;
    s1 += 1 - a1;
    l0 += p0[i] * a0;
    l1 += p0[i + 1] * a1;
    t0 += i >= tailRank ? x0 : 0;
    t1 += i + 1 >= tailRank ? x1 : 0;
  }
  let qq = qq0 + qq1, support = s0 + s1, lost = l0 + l1, tail = t0 + t1;
  if (i < k) {
    const x = q[i], absent = miss(x, synthetic);
    qq += x * x;
    support += 1 - absent;
    lost += p0[i] * absent;
    if (i >= tailRank) tail += x;
  }
  return [qq, support, lost, tail];
}

export function categoricalTailsConditional(
  p0: Float64Array, q: Float64Array, fixed: Float64Array, hasFixed: boolean, k: number, real: number, synthetic: number, tailRank: number, stats: Float64Array,
): void {
  let fixedTotal = 0, ff = 0, fq = 0, f0 = 0, qq = 0, q0 = 0, p2 = 0;
  let support = 0, lost = 0, tailFixed = 0, tailBase = 0, tailQ = 0;
  const synthesisOnly = !hasFixed && real === 0;
  if (synthesisOnly) {
    [qq, support, lost, tailQ] = synthesisOnlySums(p0, q, k, synthetic, tailRank);
  } else {
    for (let i = 0; i < k; i++) {
      const f = hasFixed ? fixed[i] : 0;
      const b = p0[i], x = q[i];
      fixedTotal += f;
      ff += f * f;
      fq += f * x;
      f0 += f * b;
      qq += x * x;
      q0 += x * b;
      p2 += b * b;
      const absent = f > 0 ? 0 : miss(x, synthetic) * miss(b, real);
      support += 1 - absent;
      lost += b * absent;
      if (i >= tailRank) {
        tailFixed += f;
        tailBase += b;
        tailQ += x;
      }
    }
  }
  const total = fixedTotal + real + synthetic;
  const squares =
    (ff + 2 * synthetic * fq + 2 * real * f0 + real + real * (real - 1) * p2 + 2 * real * synthetic * q0 + synthetic + synthetic * (synthetic - 1) * qq) /
    (total * total);
  stats[0] = support;
  stats[1] = lost;
  stats[2] = (tailFixed + real * tailBase + synthetic * tailQ) / total;
  stats[3] = 1 - squares;
}
