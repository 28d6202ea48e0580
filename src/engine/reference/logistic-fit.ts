// assembly/logistic-fit.ts's logisticFit in plain TypeScript: the same Newton iterations
// (conjugate gradients preconditioned with the Cholesky factor of a weighted Gram matrix,
// rebuilt when they stall; the step's length by Newton's method along it), on the reference's
// linear algebra. It draws no random numbers; its sums are in another order than the wasm
// builds', so results agree to rounding.
import { dot, axpy, gemv, gramSymmetrize, cholesky, choleskySolve } from "./linalg.js";
import { detExp } from "../../math/fdlibm.js";
import {
  LOGISTIC_MAX_NEWTON, LOGISTIC_MAX_CG, LOGISTIC_FULL_STEP_DECREMENT, LOGISTIC_MAX_LINE_NEWTON, LOGISTIC_STEP_TOLERANCE,
} from "../constants/logistic-fit.js";

/** The points and the penalty: F(w) = sum_i log(1 + e^(-y_i w . x_i)) + (ridgeN / 2) |w|^2. */
interface Problem {
  x: Float64Array;
  labels: Float64Array;
  n: number;
  d: number;
  ridgeN: number;
}

/** out = X^T v. */
function transposeTimes({ x, n, d }: Problem, v: Float64Array, out: Float64Array): void {
  out.fill(0, 0, d);
  for (let i = 0; i < n; i++) axpy(v[i], x.subarray(i * d, (i + 1) * d), out, d);
}

/** product = X^T (D (X v)), D = diag(weights), with X v kept in rowProducts. */
function weightedProduct({ x, n, d }: Problem, weights: Float64Array, v: Float64Array, rowProducts: Float64Array, product: Float64Array): void {
  product.fill(0, 0, d);
  for (let i = 0; i < n; i++) {
    const row = x.subarray(i * d, (i + 1) * d);
    const s = dot(row, v, d);
    rowProducts[i] = s;
    axpy(weights[i] * s, row, product, d);
  }
}

/** factor = the Cholesky factor of X^T D X + ridgeN I; 0, or cholesky's failure code. */
function buildFactor({ x, n, d, ridgeN }: Problem, weights: Float64Array, factor: Float64Array): number {
  factor.fill(0, 0, d * d);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) {
      const c = weights[r] * x[r * d + i];
      for (let j = i; j < d; j++) factor[i * d + j] += c * x[r * d + j];
    }
  }
  gramSymmetrize(factor, d);
  return cholesky(factor, d, ridgeN);
}

/**
 * The fit at w + t delta (margins + t steps): F's first and second derivatives in t, and each
 * point's gradient coefficient y_i q_i and Hessian weight q_i (1 - q_i) written in place.
 */
function evaluateAlong(
  { labels, n, d, ridgeN }: Problem, margins: Float64Array, steps: Float64Array, t: number, w: Float64Array, delta: Float64Array,
  coefficients: Float64Array, weights: Float64Array,
): { slope: number; curvature: number } {
  let slope = 0, curvature = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i], s = steps[i];
    const u = y * (margins[i] + t * s);
    const e = detExp(-Math.abs(u));
    const q = u >= 0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
    const weight = q * (1.0 - q);
    slope -= y * s * q;
    curvature += s * s * weight;
    coefficients[i] = y * q;
    weights[i] = weight;
  }
  let along2 = 0, cross = 0;
  for (let j = 0; j < d; j++) {
    cross += (w[j] + t * delta[j]) * delta[j];
    along2 += delta[j] * delta[j];
  }
  return { slope: slope + ridgeN * cross, curvature: curvature + ridgeN * along2 };
}

/** The scratch the wasm kernel takes; the reference allocates its own. */
export function logisticFitWorkLength(n: number, d: number): number {
  return 5 * n + 10 * d + d * d + 2;
}

/** Fits w to the points (see the wasm kernel); returns the Newton iterations taken, or -1. */
export function logisticFit(
  x: Float64Array, labels: Float64Array, n: number, d: number, normaliser: number, ridge: number, tolerance: number,
  w: Float64Array, _work: Float64Array,
): number {
  const problem: Problem = { x, labels, n, d, ridgeN: ridge * normaliser };
  const { ridgeN } = problem;
  const perPoint = () => new Float64Array(n), perCoordinate = () => new Float64Array(d);
  const margins = perPoint(), steps = perPoint(), coefficients = perPoint(), weights = perPoint(), productRows = perPoint();
  const gradient = perCoordinate(), delta = perCoordinate(), residual = perCoordinate();
  const preconditioned = perCoordinate(), direction = perCoordinate(), product = perCoordinate();
  const factor = new Float64Array(d * d);
  w.fill(0, 0, d);
  evaluateAlong(problem, margins, steps, 0, w, delta, coefficients, weights);
  let fresh = false, stale = true;
  for (let iteration = 0; iteration <= LOGISTIC_MAX_NEWTON; iteration++) {
    transposeTimes(problem, coefficients, gradient);
    for (let j = 0; j < d; j++) gradient[j] = ridgeN * w[j] - gradient[j];
    const gradientNorm = Math.sqrt(dot(gradient, gradient, d)) / normaliser;
    if (gradientNorm <= tolerance) return iteration;
    if (iteration === LOGISTIC_MAX_NEWTON) break;
    if (!stale && !fresh) {
      const target = Math.max(Math.min(0.5, Math.sqrt(gradientNorm)) * gradientNorm, 0.5 * tolerance) * normaliser;
      delta.fill(0);
      steps.fill(0);
      for (let j = 0; j < d; j++) residual[j] = -gradient[j];
      preconditioned.set(residual);
      choleskySolve(factor, d, preconditioned);
      direction.set(preconditioned);
      let rz = dot(residual, preconditioned, d);
      stale = true;
      for (let k = 0; k < LOGISTIC_MAX_CG; k++) {
        weightedProduct(problem, weights, direction, productRows, product);
        axpy(ridgeN, direction, product, d);
        const alpha = rz / dot(direction, product, d);
        axpy(alpha, direction, delta, d);
        axpy(alpha, productRows, steps, n);
        axpy(-alpha, product, residual, d);
        if (Math.sqrt(dot(residual, residual, d)) <= target) {
          stale = false;
          break;
        }
        preconditioned.set(residual);
        choleskySolve(factor, d, preconditioned);
        const next = dot(residual, preconditioned, d);
        const beta = next / rz;
        rz = next;
        for (let j = 0; j < d; j++) direction[j] = preconditioned[j] + beta * direction[j];
      }
    }
    if (stale) {
      if (buildFactor(problem, weights, factor) !== 0) return -1;
      stale = false;
      fresh = true;
    }
    if (fresh) {
      for (let j = 0; j < d; j++) delta[j] = -gradient[j];
      choleskySolve(factor, d, delta);
      gemv(x, delta, steps, n, d);
      fresh = false;
    }
    let t = 1;
    let along = evaluateAlong(problem, margins, steps, t, w, delta, coefficients, weights);
    if (-dot(gradient, delta, d) > LOGISTIC_FULL_STEP_DECREMENT * normaliser) {
      let lo = 0, hi = Infinity;
      for (let k = 0; k < LOGISTIC_MAX_LINE_NEWTON; k++) {
        if (along.slope < 0) lo = t;
        else hi = t;
        let next = t - along.slope / along.curvature;
        if (!(next > lo && next < hi)) next = hi < Infinity ? 0.5 * (lo + hi) : 2 * t;
        if (Math.abs(next - t) <= LOGISTIC_STEP_TOLERANCE * t) break;
        t = next;
        along = evaluateAlong(problem, margins, steps, t, w, delta, coefficients, weights);
      }
    }
    axpy(t, delta, w, d);
    axpy(t, steps, margins, n);
  }
  return -1;
}
