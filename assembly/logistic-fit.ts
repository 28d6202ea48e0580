// Ridge-penalised logistic regression fitted by Newton's method (IRLS): minimises
//   F(w) = sum_i log(1 + e^(-y_i w . x_i)) + (ridge N / 2) |w|^2,
// N times the per-point objective (1/N) sum + (ridge / 2) |w|^2, from w = 0.
//
// The Hessian is the weighted Gram matrix X^T D X + ridge N I, D_i = q_i (1 - q_i) with
// q_i = sigma(-y_i w . x_i). Building it costs n d^2 / 2, a gradient or a Hessian-vector
// product 2 n d, so the Newton system is solved by conjugate gradients (CG) preconditioned with
// the Cholesky factor of the weighted Gram matrix built at an earlier point: the first at
// w = 0 (D = 1/4), whose step is then the exact Newton step. When CG needs more than
// LOGISTIC_MAX_CG iterations the factor is stale: it is rebuilt at the current point, and the
// step is again the exact one. CG stops at a residual of min(1/2, sqrt|g|) |g|, g the per-point
// gradient (so the steps become exact Newton steps as g vanishes: superlinear convergence), and
// at no less than half the tolerance, which is all the next gradient needs.
//
// The step's length minimises F along the step. The step's margins X delta are at hand, so
// F's slope and curvature in t cost O(n), no pass over X: Newton's method in t from 1, each
// iterate kept inside the bracket of the slope's sign changes (else the bracket is halved),
// until t moves by at most LOGISTIC_STEP_TOLERANCE t. In the quadratic region (Newton
// decrement per point at most LOGISTIC_FULL_STEP_DECREMENT) the whole step is taken.
//
// Converged when |g|_2 <= tolerance. No random numbers are drawn. Sums follow linalg.ts, so
// builds agree to rounding, not bit for bit. src/engine/reference/logistic-fit.ts is the same
// algorithm in TypeScript.
import { at } from "./address";
import { dot, axpy, gemv, weightedGramAccumulate, gramSymmetrize, cholesky, choleskySolve } from "./linalg";
import { detExp } from "./math";
import {
  LOGISTIC_MAX_NEWTON, LOGISTIC_MAX_CG, LOGISTIC_FULL_STEP_DECREMENT,
  LOGISTIC_MAX_LINE_NEWTON, LOGISTIC_STEP_TOLERANCE,
} from "../src/engine/constants/logistic-fit";

/** out += c0 r0 + c1 r1 + c2 r2 + c3 r3 over d entries: four rows' share of X^T v, out loaded and stored once. */
// @ts-ignore: decorator
@inline function addRows4(r0: usize, r1: usize, r2: usize, r3: usize, c0: f64, c1: f64, c2: f64, c3: f64, d: i32, out: usize): void {
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    const a0 = f64x2.splat(c0), a1 = f64x2.splat(c1), a2 = f64x2.splat(c2), a3 = f64x2.splat(c3);
    for (; j + 2 <= d; j += 2) {
      const o = at(out, j);
      let sum = f64x2.mul(a0, v128.load(at(r0, j)));
      sum = f64x2.add(sum, f64x2.mul(a1, v128.load(at(r1, j))));
      sum = f64x2.add(sum, f64x2.mul(a2, v128.load(at(r2, j))));
      sum = f64x2.add(sum, f64x2.mul(a3, v128.load(at(r3, j))));
      v128.store(o, f64x2.add(v128.load(o), sum));
    }
  }
  for (; j < d; j++) {
    const o = at(out, j);
    store<f64>(o, load<f64>(o) + (((c0 * load<f64>(at(r0, j)) + c1 * load<f64>(at(r1, j))) + c2 * load<f64>(at(r2, j))) + c3 * load<f64>(at(r3, j))));
  }
}

/** out = X^T v for X of n rows of d (row-major), four rows at a time. */
function transposeTimes(x: usize, v: usize, n: i32, d: i32, out: usize): void {
  memory.fill(out, 0, <usize>d << 3);
  const rowBytes = <usize>d << 3;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const r0 = x + <usize>i * rowBytes;
    addRows4(r0, r0 + rowBytes, r0 + 2 * rowBytes, r0 + 3 * rowBytes,
      load<f64>(at(v, i)), load<f64>(at(v, i + 1)), load<f64>(at(v, i + 2)), load<f64>(at(v, i + 3)), d, out);
  }
  for (; i < n; i++) axpy(load<f64>(at(v, i)), x + <usize>i * rowBytes, out, d);
}

/** out[0..3] = r_k . v for four rows of d entries, v loaded once for the four. */
// @ts-ignore: decorator
@inline function dots4(r0: usize, r1: usize, r2: usize, r3: usize, v: usize, d: i32, out: usize): void {
  let j = 0;
  let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
    for (; j + 2 <= d; j += 2) {
      const vj = v128.load(at(v, j));
      a0 = f64x2.add(a0, f64x2.mul(v128.load(at(r0, j)), vj));
      a1 = f64x2.add(a1, f64x2.mul(v128.load(at(r1, j)), vj));
      a2 = f64x2.add(a2, f64x2.mul(v128.load(at(r2, j)), vj));
      a3 = f64x2.add(a3, f64x2.mul(v128.load(at(r3, j)), vj));
    }
    s0 = f64x2.extract_lane(a0, 0) + f64x2.extract_lane(a0, 1);
    s1 = f64x2.extract_lane(a1, 0) + f64x2.extract_lane(a1, 1);
    s2 = f64x2.extract_lane(a2, 0) + f64x2.extract_lane(a2, 1);
    s3 = f64x2.extract_lane(a3, 0) + f64x2.extract_lane(a3, 1);
  }
  for (; j < d; j++) {
    const vj = load<f64>(at(v, j));
    s0 += load<f64>(at(r0, j)) * vj;
    s1 += load<f64>(at(r1, j)) * vj;
    s2 += load<f64>(at(r2, j)) * vj;
    s3 += load<f64>(at(r3, j)) * vj;
  }
  store<f64>(out, s0);
  store<f64>(out, s1, 8);
  store<f64>(out, s2, 16);
  store<f64>(out, s3, 24);
}

/**
 * product = X^T (D (X v)), D = diag(weights), with X v kept in rowProducts: one pass over X,
 * four rows at a time, each used twice while it is in cache.
 */
function weightedProduct(x: usize, weights: usize, v: usize, n: i32, d: i32, rowProducts: usize, product: usize): void {
  memory.fill(product, 0, <usize>d << 3);
  const rowBytes = <usize>d << 3;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const r0 = x + <usize>i * rowBytes, r1 = r0 + rowBytes, r2 = r1 + rowBytes, r3 = r2 + rowBytes;
    const p = at(rowProducts, i), c = at(weights, i);
    dots4(r0, r1, r2, r3, v, d, p);
    addRows4(r0, r1, r2, r3,
      load<f64>(c) * load<f64>(p), load<f64>(c, 8) * load<f64>(p, 8), load<f64>(c, 16) * load<f64>(p, 16), load<f64>(c, 24) * load<f64>(p, 24),
      d, product);
  }
  for (; i < n; i++) {
    const row = x + <usize>i * rowBytes;
    const s = dot(row, v, d);
    store<f64>(at(rowProducts, i), s);
    axpy(load<f64>(at(weights, i)) * s, row, product, d);
  }
}

/** factor = the Cholesky factor of X^T D X + ridgeN I, D = weights; 0, or cholesky's failure code. */
function buildFactor(x: usize, weights: usize, n: i32, d: i32, ridgeN: f64, factor: usize, scaled: usize): i32 {
  memory.fill(factor, 0, <usize>d * <usize>d << 3);
  weightedGramAccumulate(x, weights, n, d, factor, scaled);
  gramSymmetrize(factor, d);
  return cholesky(factor, d, ridgeN);
}

/**
 * The fit at w + t delta, whose margins are margins + t steps: sets slopes[0] and slopes[1] to
 * F's first and second derivatives in t there, and each point's gradient coefficient y_i q_i and
 * Hessian weight q_i (1 - q_i), q_i = sigma(-u_i) with u_i = y_i (margins_i + t steps_i)
 * (e/(1 + e) for u_i >= 0, else 1/(1 + e), e = e^-|u_i|).
 */
function evaluateAlong(
  labels: usize, margins: usize, steps: usize, t: f64, n: i32, w: usize, delta: usize, d: i32, ridgeN: f64,
  coefficients: usize, weights: usize, slopes: usize,
): void {
  let slope: f64 = 0, curvature: f64 = 0;
  for (let i = 0; i < n; i++) {
    const y = load<f64>(at(labels, i)), s = load<f64>(at(steps, i));
    const u = y * (load<f64>(at(margins, i)) + t * s);
    const e = detExp(-Math.abs(u));
    const q = u >= 0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
    const weight = q * (1.0 - q);
    slope -= y * s * q;
    curvature += s * s * weight;
    store<f64>(at(coefficients, i), y * q);
    store<f64>(at(weights, i), weight);
  }
  let along2: f64 = 0, cross: f64 = 0;
  for (let j = 0; j < d; j++) {
    const step = load<f64>(at(delta, j));
    cross += (load<f64>(at(w, j)) + t * step) * step;
    along2 += step * step;
  }
  store<f64>(slopes, slope + ridgeN * cross);
  store<f64>(slopes, curvature + ridgeN * along2, 8);
}

/** f64 entries of scratch that logisticFit needs for n points in d dimensions. */
export function logisticFitWorkLength(n: i32, d: i32): i32 {
  return 5 * n + 10 * d + d * d + 2;
}

/**
 * Fits w (d entries, overwritten) to the n points x (row-major, n x d) with labels +-1 (see the
 * file's comment): normaliser N >= 1 is the count the loss is divided by (it may exceed n),
 * ridge > 0. Returns the Newton iterations taken, or -1 if the fit did not converge within
 * LOGISTIC_MAX_NEWTON iterations or its line search stalled. work: logisticFitWorkLength(n, d) f64.
 */
export function logisticFit(
  x: usize, labels: usize, n: i32, d: i32, normaliser: f64, ridge: f64, tolerance: f64, w: usize, work: usize,
): i32 {
  const margins = work, steps = at(margins, n), coefficients = at(steps, n), weights = at(coefficients, n);
  const productRows = at(weights, n), gradient = at(productRows, n), delta = at(gradient, d), residual = at(delta, d);
  const preconditioned = at(residual, d), direction = at(preconditioned, d), product = at(direction, d);
  const factor = at(product, d), scaled = at(factor, d * d), slopes = at(scaled, 4 * d);
  const ridgeN = ridge * normaliser;
  memory.fill(w, 0, <usize>d << 3);
  memory.fill(margins, 0, <usize>n << 3);
  memory.fill(steps, 0, <usize>n << 3);
  evaluateAlong(labels, margins, steps, 0, n, w, delta, d, ridgeN, coefficients, weights, slopes);
  let fresh = false, stale = true;
  for (let iteration = 0; iteration <= LOGISTIC_MAX_NEWTON; iteration++) {
    // G = ridgeN w - X^T (y q): N times the per-point gradient g.
    transposeTimes(x, coefficients, n, d, gradient);
    for (let j = 0; j < d; j++) store<f64>(at(gradient, j), ridgeN * load<f64>(at(w, j)) - load<f64>(at(gradient, j)));
    const gradientNorm = Math.sqrt(dot(gradient, gradient, d)) / normaliser;
    if (gradientNorm <= tolerance) return iteration;
    if (iteration == LOGISTIC_MAX_NEWTON) break;
    if (!stale && !fresh) {
      // delta = -H^-1 G by CG preconditioned with the factor; steps = X delta alongside.
      const target = max<f64>(min<f64>(0.5, Math.sqrt(gradientNorm)) * gradientNorm, 0.5 * tolerance) * normaliser;
      memory.fill(delta, 0, <usize>d << 3);
      memory.fill(steps, 0, <usize>n << 3);
      for (let j = 0; j < d; j++) store<f64>(at(residual, j), -load<f64>(at(gradient, j)));
      memory.copy(preconditioned, residual, <usize>d << 3);
      choleskySolve(factor, d, preconditioned);
      memory.copy(direction, preconditioned, <usize>d << 3);
      let rz = dot(residual, preconditioned, d);
      stale = true;
      for (let k = 0; k < LOGISTIC_MAX_CG; k++) {
        weightedProduct(x, weights, direction, n, d, productRows, product);
        axpy(ridgeN, direction, product, d);
        const alpha = rz / dot(direction, product, d);
        axpy(alpha, direction, delta, d);
        axpy(alpha, productRows, steps, n);
        axpy(-alpha, product, residual, d);
        if (Math.sqrt(dot(residual, residual, d)) <= target) {
          stale = false;
          break;
        }
        memory.copy(preconditioned, residual, <usize>d << 3);
        choleskySolve(factor, d, preconditioned);
        const next = dot(residual, preconditioned, d);
        const beta = next / rz;
        rz = next;
        for (let j = 0; j < d; j++) store<f64>(at(direction, j), load<f64>(at(preconditioned, j)) + beta * load<f64>(at(direction, j)));
      }
    }
    if (stale) {
      if (buildFactor(x, weights, n, d, ridgeN, factor, scaled) != 0) return -1;
      stale = false;
      fresh = true;
    }
    if (fresh) {
      for (let j = 0; j < d; j++) store<f64>(at(delta, j), -load<f64>(at(gradient, j)));
      choleskySolve(factor, d, delta);
      gemv(x, delta, steps, n, d);
      fresh = false;
    }
    // The step's length: F's minimum along delta, by Newton's method in t from 1, each iterate
    // kept inside the bracket [lo, hi] of the slope's sign changes (else it halves the bracket,
    // or doubles t while no upper end is known).
    let t: f64 = 1;
    evaluateAlong(labels, margins, steps, t, n, w, delta, d, ridgeN, coefficients, weights, slopes);
    if (-dot(gradient, delta, d) > LOGISTIC_FULL_STEP_DECREMENT * normaliser) {
      let lo: f64 = 0, hi = Infinity;
      for (let k = 0; k < LOGISTIC_MAX_LINE_NEWTON; k++) {
        const slope = load<f64>(slopes);
        if (slope < 0) lo = t;
        else hi = t;
        let next = t - slope / load<f64>(slopes, 8);
        if (!(next > lo && next < hi)) next = hi < Infinity ? 0.5 * (lo + hi) : 2 * t;
        if (Math.abs(next - t) <= LOGISTIC_STEP_TOLERANCE * t) break;
        t = next;
        evaluateAlong(labels, margins, steps, t, n, w, delta, d, ridgeN, coefficients, weights, slopes);
      }
    }
    axpy(t, delta, w, d);
    axpy(t, steps, margins, n);
  }
  return -1;
}
