// An independent plain-TypeScript fit of ridge-penalised logistic regression, for tests: the
// textbook Newton iteration (IRLS) with the full Hessian built every step, solved by its own
// Cholesky, halving the step until the objective falls, from w = 0 until the gradient's norm
// is below `tolerance`. Nothing is shared with the engine's kernel (assembly/logistic-fit.ts),
// which solves its Newton systems by preconditioned conjugate gradients.

/** The rows (n x d, row-major), labels +-1, the count N the loss is divided by, and the ridge. */
export interface LogisticProblem {
  x: Float64Array;
  labels: Float64Array;
  n: number;
  d: number;
  normaliser: number;
  ridge: number;
}

import { solveSpd } from "./spd-solve.js";

const softplus = (t: number) => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));
const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/** (1/N) sum log(1 + exp(-y w . x)) + (ridge / 2) |w|^2. */
export function logisticObjective(p: LogisticProblem, w: ArrayLike<number>): number {
  let loss = 0;
  for (let i = 0; i < p.n; i++) {
    let margin = 0;
    for (let j = 0; j < p.d; j++) margin += w[j] * p.x[i * p.d + j];
    loss += softplus(-p.labels[i] * margin);
  }
  let norm2 = 0;
  for (let j = 0; j < p.d; j++) norm2 += w[j] * w[j];
  return loss / p.normaliser + 0.5 * p.ridge * norm2;
}

/** The objective's gradient and Hessian at w. */
export function logisticDerivatives(p: LogisticProblem, w: ArrayLike<number>): { gradient: Float64Array; hessian: Float64Array } {
  const { d } = p;
  const gradient = new Float64Array(d), hessian = new Float64Array(d * d);
  for (let i = 0; i < p.n; i++) {
    const row = p.x.subarray(i * d, (i + 1) * d);
    let margin = 0;
    for (let j = 0; j < d; j++) margin += w[j] * row[j];
    const q = sigmoid(-p.labels[i] * margin);
    for (let j = 0; j < d; j++) {
      gradient[j] -= (p.labels[i] * q * row[j]) / p.normaliser;
      for (let k = 0; k < d; k++) hessian[j * d + k] += (q * (1 - q) * row[j] * row[k]) / p.normaliser;
    }
  }
  for (let j = 0; j < d; j++) {
    gradient[j] += p.ridge * w[j];
    hessian[j * d + j] += p.ridge;
  }
  return { gradient, hessian };
}

export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/**
 * The minimiser, to a gradient of norm at most `tolerance`. Steps are halved while the
 * gradient is above 1e-6; below, Newton's full step converges quadratically and the
 * objective's rounding would only mislead the halving.
 */
export function fitLogisticNewton(p: LogisticProblem, tolerance = 1e-12): Float64Array {
  let w = new Float64Array(p.d);
  for (let iteration = 0; iteration < 200; iteration++) {
    const { gradient, hessian } = logisticDerivatives(p, w);
    const size = norm(gradient);
    if (size <= tolerance) return w;
    const step = solveSpd(hessian, gradient.map((g) => -g), p.d);
    const before = logisticObjective(p, w);
    let t = 1, next = w.map((v, j) => v + step[j]);
    while (size > 1e-6 && logisticObjective(p, next) > before && t > 1e-12) {
      t /= 2;
      next = w.map((v, j) => v + t * step[j]);
    }
    w = next;
  }
  throw new Error("fitLogisticNewton: no convergence in 200 iterations");
}
