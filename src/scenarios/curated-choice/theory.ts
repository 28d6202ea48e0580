// Closed forms of the curated-choice scenario (docs/theory/curated-choice.md), derived by this
// project: the base and the curation weights, the expected-mode trajectory through the exact
// curation map (curation.ts), the exact expectations of generation 1 and, with K = 1 (no
// curation), of every generation (E p_t = p0), and the one-step conditional expectations.
import { detExp, detLog } from "../../math/fdlibm.js";
import { detLog1p } from "../../math/special.js";
import { SchedulePlan } from "../../schedules/index.js";
import { curationMap, type Choices } from "./curation.js";
import { binomialPmf } from "../../math/binomial-pmf.js";
import { powInt } from "../../math/power.js";

/**
 * The schedule's rounds (re-exported for the examples).
 *
 * @example
 * new SchedulePlan({ kind: "replace", growth: { kind: "constant", rate: 0 } }, 10).round(2).size // => 10
 */
export { SchedulePlan };

/**
 * p0: uniform, or Zipf p0(i) proportional to i^-exponent.
 *
 * @example
 * Array.from(baseOf(3, { kind: "zipf", exponent: 1 })) // => [0.5454545454545454, 0.2727272727272727, 0.18181818181818182]
 */
export function baseOf(m: number, base: { kind: "uniform" } | { kind: "zipf"; exponent: number }): Float64Array {
  const p = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < m; i++) {
    p[i] = base.kind === "uniform" || base.exponent === 0 ? 1 : detExp(-base.exponent * detLog(i + 1));
    total += p[i];
  }
  for (let i = 0; i < m; i++) p[i] /= total;
  return p;
}

/**
 * The curation weights exp(beta (r - max r)): the choice depends on their ratios only, and the
 * shift keeps them in (0, 1].
 *
 * @example
 * Array.from(weightsOf([0, 1], 1)) // => [0.36787944117144233, 1]
 */
export function weightsOf(r: readonly number[], beta: number): Float64Array {
  const top = Math.max(...r);
  return Float64Array.from(r, (x) => detExp(beta * (x - top)));
}

/**
 * E_p[r] and the mass on the top reward level.
 *
 * @example
 * rewardSummary(Float64Array.of(0.25, 0.75), [0, 2]) // => { meanReward: 1.5, topMass: 0.75 }
 */
export function rewardSummary(p: ArrayLike<number>, r: readonly number[]): { meanReward: number; topMass: number } {
  const top = Math.max(...r);
  let meanReward = 0, topMass = 0;
  for (let i = 0; i < r.length; i++) {
    meanReward += p[i] * r[i];
    if (r[i] === top) topMass += p[i];
  }
  return { meanReward, topMass };
}

/**
 * The expected mode, generations 0..generations: p_t = w_pool p_(t-1) + w_syn C_K(p_(t-1)) + w_real p0
 * with the schedule's weights (replace: C_K(p_(t-1)); fixed-real: (N p0 + M C_K(p))/(N + M); ...).
 * Exact for the deterministic map, asymptotic as an overlay of finite-N runs.
 *
 * @example
 * expectedTrajectory(new SchedulePlan({ kind: "replace", growth: { kind: "constant", rate: 0 } }, 10), Float64Array.of(0.5, 0.5), Float64Array.of(1, 3), "infinite", 1)[1][1] // => 0.75
 */
export function expectedTrajectory(plan: SchedulePlan, p0: Float64Array, w: Float64Array, choices: Choices, generations: number): Float64Array[] {
  const out = [Float64Array.from(p0)];
  for (let t = 1; t <= generations; t++) {
    const p = out[t - 1], q = curationMap(p, w, choices), mix = plan.weights(t);
    out.push(Float64Array.from(p, (x, i) => mix.pooled * x + mix.synthetic * q[i] + mix.real * p0[i]));
  }
  return out;
}

/** What a round trains on besides its curated samples: kept counts F (the pool or a real set; null for none) and fresh real samples from p0. */
export interface RoundParts {
  fixed: Float64Array | null;
  real: number;
  synthetic: number;
}

/**
 * E[p_t | now] = (F + real p0 + synthetic q)/N and E[supportSize_t | now] = sum (1 - 1[F_i = 0] (1 - p0_i)^real (1 - q_i)^synthetic),
 * for q = C_K(p_(t-1)).
 *
 * @example
 * conditionalSupport(Float64Array.of(0.5, 0.5), Float64Array.of(0.5, 0.5), { fixed: null, real: 0, synthetic: 2 }) // => 1.5
 */
export function conditionalSupport(p0: Float64Array, q: Float64Array, parts: RoundParts): number {
  let support = 0;
  for (let i = 0; i < p0.length; i++) {
    const kept = parts.fixed !== null && parts.fixed[i] > 0;
    support += kept ? 1 : 1 - miss(q[i], parts.synthetic) * miss(p0[i], parts.real);
  }
  return support;
}

/**
 * E[p_t | now]: the kept counts, the real samples' p0 and the curated samples' q, by their sizes.
 *
 * @example
 * Array.from(conditionalModel(Float64Array.of(1, 0), Float64Array.of(0, 1), { fixed: null, real: 1, synthetic: 3 })) // => [0.25, 0.75]
 */
export function conditionalModel(p0: Float64Array, q: Float64Array, parts: RoundParts): Float64Array {
  let fixedTotal = 0;
  if (parts.fixed) for (let i = 0; i < p0.length; i++) fixedTotal += parts.fixed[i];
  const total = fixedTotal + parts.real + parts.synthetic;
  return Float64Array.from(p0, (x, i) => ((parts.fixed ? parts.fixed[i] : 0) + parts.real * x + parts.synthetic * q[i]) / total);
}

/**
 * P(topFixed_t | now): every kept count, real sample and curated sample on the atoms of the
 * highest reward: 0 if a kept count lies elsewhere, else p0(top)^real q(top)^synthetic.
 *
 * @example
 * conditionalTopFixed(Float64Array.of(0.5, 0.5), Float64Array.of(0.2, 0.8), { fixed: null, real: 0, synthetic: 2 }, [0, 1]) // => 0.6400000000000001
 */
export function conditionalTopFixed(p0: Float64Array, q: Float64Array, parts: RoundParts, r: readonly number[]): number {
  const top = Math.max(...r);
  let p0Top = 0, qTop = 0;
  for (let i = 0; i < r.length; i++) {
    if (r[i] === top) {
      p0Top += p0[i];
      qTop += q[i];
    } else if (parts.fixed !== null && parts.fixed[i] > 0) return 0;
  }
  return powInt(p0Top, parts.real) * powInt(qTop, parts.synthetic);
}

/** (1 - q)^m. */
function miss(q: number, m: number): number {
  if (m === 0 || q <= 0) return 1;
  if (q >= 1) return 0;
  return detExp(m * detLog1p(-q));
}

/** The largest N for which the two-atom chain is computed (its cost grows as N^1.5 a generation). */
export const TWO_ATOM_MAX_SAMPLES = 5000;

/**
 * Two atoms under replace with N samples a round: the count X_t of the atom `top` is the exact
 * Markov chain X_1 ~ Bin(N, C_K(p0)[top]), X_(t+1) ~ Bin(N, C_K(X_t / N)[top]), carried forward
 * as its distribution (the binomial rows cut below 1e-17). Returns, for t = 0..generations,
 * E[the top atom's mass] and P(it holds all the mass), the fixation probability by generation t.
 *
 * @example
 * twoAtomChain(Float64Array.of(0.5, 0.5), Float64Array.of(1, 1), 2, 1, 2, 2).fixed // => [0, 0.25, 0.375]
 */
export function twoAtomChain(
  p0: Float64Array, w: Float64Array, choices: Choices, top: number, n: number, generations: number,
): { mass: number[]; fixed: number[] } {
  const curated = (x: number) => curationMap(top === 0 ? Float64Array.of(x, 1 - x) : Float64Array.of(1 - x, x), w, choices)[top];
  const rows = Array.from({ length: n + 1 }, (_, j) => binomialPmf(n, curated(j / n)));
  let law = new Float64Array(n + 1);
  const first = binomialPmf(n, curated(p0[top]));
  first.values.forEach((v, m) => (law[first.lo + m] = v));
  const mass = [p0[top]], fixed = [p0[top] === 1 ? 1 : 0];
  for (let t = 1; t <= generations; t++) {
    if (t > 1) {
      const next = new Float64Array(n + 1);
      for (let j = 0; j <= n; j++) {
        if (law[j] === 0) continue;
        const { lo, values } = rows[j];
        for (let m = 0; m < values.length; m++) next[lo + m] += law[j] * values[m];
      }
      law = next;
    }
    let mean = 0;
    for (let j = 0; j <= n; j++) mean += j * law[j];
    mass.push(mean / n);
    fixed.push(law[n]);
  }
  return { mass, fixed };
}

/**
 * Kimura's diffusion approximation of the chance that the better of two atoms takes over, for
 * K = 2 (selection s = tanh(rewardScale gap / 2)), from a share p of N: (1 - e^(-2 N s p)) / (1 - e^(-2 N s)).
 * Asymptotic (N large, s small); p itself when s = 0. Deterministic functions throughout, so
 * every JavaScript engine gives the same bits.
 *
 * @example
 * Math.round(kimuraFixation(100, 0.05, 0.2) * 1e4) / 1e4 // => 0.6363
 */
export function kimuraFixation(n: number, gap: number, p: number): number {
  const s = (1 - detExp(-gap)) / (1 + detExp(-gap));
  if (s === 0) return p;
  return oneMinusExpNeg(2 * n * s * p) / oneMinusExpNeg(2 * n * s);
}

/** 1 - e^(-x) for x >= 0, without cancellation for small x. */
function oneMinusExpNeg(x: number): number {
  return x < 1e-5 ? x * (1 - x * (0.5 - x / 6)) : 1 - detExp(-x);
}

