// Closed forms of the categorical-tails scenario (docs/theory/categorical-tails.md), derived by
// this project and checked by Monte Carlo; the papers give the scaling statements. With no
// transform, E[p_t] = p0 under every schedule (so the tail mass is conserved on average) and
// E[gini] follows an exact recursion per schedule; under replace the survival of a symbol is an
// exact binomial chain (and, asymptotically, a Poisson branching process); accumulate freezes
// the support after round 1. With a transform only the one-step conditional expectations are
// exact. Every sum runs in index order with the deterministic exp and log.
import { detExp, detLog } from "../../math/fdlibm.js";
import { detLog1p } from "../../math/special.js";
import { SchedulePlan } from "../../schedules/index.js";
import { applyTransform, type Transform } from "./transform.js";
import { binomialPmf } from "../../math/binomial-pmf.js";
import { powInt } from "../../math/power.js";

/**
 * The schedule's rounds (re-exported for the examples).
 *
 * @example
 * new SchedulePlan({ kind: "replace", growth: { kind: "constant", rate: 0 } }, 10).round(3).size // => 10
 */
export { SchedulePlan };

/** The largest round size for which the binomial chain is computed (O(t n^2)). */
export const CHAIN_MAX_SAMPLES = 5000;
/** The largest support for which the binomial chain is computed (O(K n t) after the chain). */
export const CHAIN_MAX_SUPPORT = 2 ** 16;

/**
 * P(a symbol of probability q gets none of m tokens) = (1 - q)^m.
 *
 * @example
 * missProbability(0.01, 100) // => 0.3660323412732295
 */
export function missProbability(q: number, m: number): number {
  if (m === 0 || q <= 0) return 1;
  if (q >= 1) return 0;
  return detExp(m * detLog1p(-q));
}

/**
 * sum p_i^2.
 *
 * @example
 * sumOfSquares(Float64Array.of(0.5, 0.5)) // => 0.5
 */
export function sumOfSquares(p: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i] * p[i];
  return s;
}

/**
 * The tail mass sum_{i >= tailRank} p_i (indices from 0: the symbols ranked after tailRank).
 *
 * @example
 * tail([0.5, 0.3, 0.2], 1) // => 0.5
 */
export function tail(p: ArrayLike<number>, tailRank: number): number {
  let s = 0;
  for (let i = tailRank; i < p.length; i++) s += p[i];
  return s;
}

/**
 * E[gini_t] = 1 - E sum p_t^2 for t = 0..generations with no transform, exact, under every
 * schedule (schedules.md): replace (1 - P2) prod (1 - 1/n_s); accumulate gini_(t-1) (1 - n_t/N_t^2);
 * accumulate-subsample through E sum of the pool's squared counts; fixed-real and fresh-real by
 * their linear recursions in G = E sum p^2.
 *
 * @example
 * giniTheory(new SchedulePlan({ kind: "replace", growth: { kind: "constant", rate: 0 } }, 10), 0.5, 2)[2] // => 0.4049999999999999
 */
export function giniTheory(plan: SchedulePlan, p2: number, generations: number): number[] {
  const out = [1 - p2];
  let g = p2;
  const n = plan.samples;
  let q = 0; // accumulate-subsample: E sum of the pool's squared counts before the round
  for (let t = 1; t <= generations; t++) {
    const r = plan.round(t);
    switch (plan.kind) {
      case "replace":
        g = 1 / r.size + (1 - 1 / r.size) * g;
        break;
      case "accumulate": {
        const total = plan.poolAfter(t);
        g = 1 - (1 - g) * (1 - r.size / (total * total));
        break;
      }
      case "accumulate-subsample": {
        // The pool gains n tokens from the model p_(t-1) (E sum p^2 = g), then n are drawn from it.
        q = t === 1 ? n + n * (n - 1) * p2 : q * (1 + (2 * n) / ((t - 1) * n)) + n + n * (n - 1) * g;
        const total = t * n;
        g = t === 1 ? q / (n * n) : ((n * (total - n)) / (total - 1) * (1 - q / (total * total)) + (n * n * q) / (total * total)) / (n * n);
        break;
      }
      case "fixed-real": {
        const real = plan.realSet, m = plan.syntheticPerRound, beta = m / (real + m);
        const decay = powInt(beta, t - 1);
        const x = (1 - decay) * (1 + (real - 1) * p2) + decay * real * p2;
        g = (real * (1 + (real - 1) * p2) + 2 * m * x + m + m * (m - 1) * g) / ((real + m) * (real + m));
        break;
      }
      case "fresh-real": {
        const nr = r.freshReal, ns = r.synthetic, size = r.size;
        g = (size + (nr * (nr - 1) + 2 * nr * ns) * p2 + ns * (ns - 1) * g) / (size * size);
        break;
      }
    }
    out.push(1 - g);
  }
  return out;
}

export interface Survival {
  supportSize: number;
  lostMass: number;
}

/**
 * Replace with no transform and a constant n: a symbol's count is the binomial chain X_1 ~
 * Bin(n, p0), X_(s+1) ~ Bin(n, X_s/n); with h_0 = 1[j > 0] and h_(k+1) = Pi h_k, P(alive at t) =
 * sum_j Bin(j; n, p0) h_(t-1)(j). Exact; O(t n^2 + K n t) with the pmf cut below 1e-17.
 *
 * @example
 * survivalChain(Float64Array.of(0.5, 0.5), 2, 2)[2] // => { supportSize: 1.25, lostMass: 0.375 }
 */
export function survivalChain(p0: Float64Array, n: number, generations: number): Survival[] {
  const rows = Array.from({ length: n + 1 }, (_, j) => binomialPmf(n, j / n));
  const symbols = Array.from(p0, (p) => binomialPmf(n, p));
  let h = new Float64Array(n + 1);
  for (let j = 1; j <= n; j++) h[j] = 1;
  const out: Survival[] = [{ supportSize: p0.filter((p) => p > 0).length, lostMass: 0 }];
  for (let t = 1; t <= generations; t++) {
    let supportSize = 0, lostMass = 0;
    for (let i = 0; i < p0.length; i++) {
      const { lo, values } = symbols[i];
      let alive = 0;
      for (let j = 0; j < values.length; j++) alive += values[j] * h[lo + j];
      supportSize += alive;
      lostMass += p0[i] * (1 - alive);
    }
    out.push({ supportSize, lostMass });
    const next = new Float64Array(n + 1);
    for (let j = 0; j <= n; j++) {
      const { lo, values } = rows[j];
      let s = 0;
      for (let m = 0; m < values.length; m++) s += values[m] * h[lo + m];
      next[j] = s;
    }
    h = next;
  }
  return out;
}

/**
 * The Poisson-branching approximation (Suresh et al.'s lower bound): P(alive at t) ~ 1 - exp(-n p0 g_t)
 * with g_1 = 1 and g_(s+1) = 1 - e^(-g_s) (g_t ~ 2/t). Asymptotic.
 *
 * @example
 * branchingSurvival(Float64Array.of(0.01, 0.99), 100, 3)[3].lostMass // => 0.006259176947173224
 */
export function branchingSurvival(p0: Float64Array, n: number, generations: number): Survival[] {
  const out: Survival[] = [{ supportSize: p0.filter((p) => p > 0).length, lostMass: 0 }];
  let g = 1;
  for (let t = 1; t <= generations; t++) {
    let supportSize = 0, lostMass = 0;
    for (let i = 0; i < p0.length; i++) {
      const alive = 1 - detExp(-n * p0[i] * g);
      supportSize += alive;
      lostMass += p0[i] * (1 - alive);
    }
    out.push({ supportSize, lostMass });
    g = 1 - detExp(-g);
  }
  return out;
}

/**
 * E[supportSize] and E[lostMass] from each symbol's probability of being absent.
 *
 * @example
 * survivalFromAbsence(Float64Array.of(0.5, 0.5), (i) => i * 0.5) // => { supportSize: 1.5, lostMass: 0.25 }
 */
export function survivalFromAbsence(p0: Float64Array, absent: (i: number) => number): Survival {
  let supportSize = 0, lostMass = 0;
  for (let i = 0; i < p0.length; i++) {
    const a = absent(i);
    supportSize += 1 - a;
    lostMass += p0[i] * a;
  }
  return { supportSize, lostMass };
}

/**
 * Round 1 under any transform, exact (generation 0 is p0 for everyone): a symbol is absent when
 * neither the synthetic tokens (from q0 = T(p0)) nor the real ones (from p0) hit it.
 *
 * @example
 * firstRound(new SchedulePlan({ kind: "replace", growth: { kind: "constant", rate: 0 } }, 2), Float64Array.of(0.5, 0.5), Float64Array.of(0.5, 0.5)) // => { supportSize: 1.5, lostMass: 0.25 }
 */
export function firstRound(plan: SchedulePlan, p0: Float64Array, q0: Float64Array): Survival {
  const r = plan.round(1);
  const real = r.freshReal + r.fixedReal;
  return survivalFromAbsence(p0, (i) => missProbability(q0[i], r.synthetic) * missProbability(p0[i], real));
}

/** One generation of the expected-mode trajectory. */
export interface ExpectedState {
  lostMass: number;
  tailMass: number;
}

/**
 * The expected mode (n = infinity), generations 0..generations: p_t = w_pool p_(t-1) + w_syn T(p_(t-1)) +
 * w_real p0 with the schedule's weights (replace: T(p_(t-1)); accumulate: (N_(t-1) p + n_t T(p))/N_t;
 * fixed-real: (p0 + lambda T(p))/(1 + lambda); fresh-real: a p0 + b T(p)).
 *
 * @example
 * expectedTrajectory(new SchedulePlan({ kind: "replace", growth: { kind: "constant", rate: 0 } }, 2), Float64Array.of(0.5, 0.3, 0.2), { temperature: 1, topK: 2, topP: 1 }, 1, 1)[1].lostMass // => 0.2
 */
export function expectedTrajectory(
  plan: SchedulePlan, p0: Float64Array, transform: Transform, tailRank: number, generations: number,
): ExpectedState[] {
  const k = p0.length;
  let p = Float64Array.from(p0);
  const q = new Float64Array(k);
  const out: ExpectedState[] = [{ lostMass: 0, tailMass: tail(p0, tailRank) }];
  for (let t = 1; t <= generations; t++) {
    applyTransform(p, transform, q);
    const w = plan.weights(t);
    const next = new Float64Array(k);
    for (let i = 0; i < k; i++) next[i] = w.pooled * p[i] + w.synthetic * q[i] + w.real * p0[i];
    p = next;
    let lost = 0;
    for (let i = 0; i < k; i++) if (p[i] === 0) lost += p0[i];
    out.push({ lostMass: lost, tailMass: tail(p, tailRank) });
  }
  return out;
}

/**
 * Expected mode, top-p alone on a non-increasing p0: the cut rank k_t = min{k : C0(k) >= P C0(k_(t-1))},
 * k_0 = K, falls to k* = max{k : p0(k) > (1 - P) C0(k)}; lostMass_t = 1 - C0(k_t).
 *
 * @example
 * topPFixedRank(Float64Array.of(0.5, 0.3, 0.2), 0.9) // => 3
 * topPFixedRank(Float64Array.of(0.7, 0.2, 0.1), 0.8) // => 2
 */
export function topPFixedRank(p0: Float64Array, topP: number): number {
  let cumulative = 0, rank = 1;
  for (let k = 1; k <= p0.length; k++) {
    cumulative += p0[k - 1];
    if (p0[k - 1] > (1 - topP) * cumulative) rank = k;
  }
  return rank;
}

/**
 * Temperature alone, expected mode under replace: p_t proportional to p0^(tau^-t); its tail mass.
 *
 * @example
 * temperatureTail(Float64Array.of(0.6, 0.4), 0.5, 1, 1) // => 0.3076923076923077
 */
export function temperatureTail(p0: Float64Array, temperature: number, t: number, tailRank: number): number {
  // powInt, not **: the same bits in every JavaScript engine.
  const a = powInt(1 / temperature, t);
  let top = 0;
  for (let i = 0; i < p0.length; i++) if (p0[i] > top) top = p0[i];
  let total = 0, tailTotal = 0;
  for (let i = 0; i < p0.length; i++) {
    const v = p0[i] > 0 ? detExp(a * (detLog(p0[i]) - detLog(top))) : 0;
    total += v;
    if (i >= tailRank) tailTotal += v;
  }
  return tailTotal / total;
}
