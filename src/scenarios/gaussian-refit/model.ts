// A fitted Gaussian N(mu, Sigma) in engine memory and its distance from the truth N(0, sigma0^2 I).
// Sigma = 4^e L L^T with L lower triangular (a scalar covariance keeps L = s I) and e an integer
// log-scale: under replace L shrinks geometrically for ever, and the exact power of two that e
// carries keeps L's entries away from underflow. ln det Sigma is kept as a sum of logarithms,
// never from a determinant. Metrics are computed here in plain TypeScript over the blocks' views
// (O(d^2)) and with the engine's kernels (O(d^3): inverse, eigenvalues), the same in every engine.
import type { Engine, F64Block } from "../../engine/index.js";
import { detLog } from "../../math/fdlibm.js";
import { powInt } from "../../math/power.js";
import type { MetricValues } from "../scenario.js";

/** 2^k for an integer k, exactly (while it is a normal number). */
export function powerOfTwo(k: number): number {
  return k >= 0 ? powInt(2, k) : powInt(0.5, -k);
}

/** out += scale L z, L lower triangular (d x d), each entry summed in order. */
export function addLowerTimes(out: Float64Array, l: Float64Array, z: Float64Array, d: number, scale: number): void {
  for (let i = 0; i < d; i++) {
    let sum = 0;
    for (let k = 0; k <= i; k++) sum += l[i * d + k] * z[k];
    out[i] += scale * sum;
  }
}

/** Renormalise L when its largest entry leaves [2^-RESCALE, 2^RESCALE]. */
const RESCALE = 256;

export class GaussianModel {
  readonly mean: F64Block;
  /** L: Sigma = 4^scaleExponent L L^T. */
  readonly factor: F64Block;
  scaleExponent = 0;
  /** ln det Sigma. */
  logDet: number;
  private readonly inverse: F64Block;
  private readonly gram: F64Block;
  private readonly eigenvalues: F64Block;

  constructor(
    private readonly engine: Engine,
    readonly dim: number,
    readonly scalar: boolean,
    sigma: number,
  ) {
    const blocks: F64Block[] = [];
    const block = (length: number) => {
      const b = engine.f64(length);
      blocks.push(b);
      return b;
    };
    try {
      this.mean = block(dim);
      this.factor = block(dim * dim);
      this.inverse = block(dim * dim);
      this.gram = block(dim * dim);
      this.eigenvalues = block(dim);
    } catch (error) {
      blocks.forEach((b) => b.free());
      throw error;
    }
    for (let i = 0; i < dim; i++) this.factor.view[i * dim + i] = sigma;
    this.logDet = 2 * dim * detLog(sigma);
  }

  /** 2^e: the factor's scale. */
  get scale(): number {
    return powerOfTwo(this.scaleExponent);
  }

  /** Brings the factor's largest entry back into [2^-RESCALE, 2^RESCALE] by an exact power of two. */
  renormalise(): void {
    const view = this.factor.view;
    let largest = 0;
    for (let i = 0; i < view.length; i++) largest = Math.max(largest, Math.abs(view[i]));
    if (largest === 0 || (largest >= powerOfTwo(-RESCALE) && largest <= powerOfTwo(RESCALE))) return;
    const shift = largest < 1 ? -RESCALE : RESCALE;
    const by = powerOfTwo(-shift);
    for (let i = 0; i < view.length; i++) view[i] *= by;
    this.scaleExponent += shift;
  }

  /** Sets Sigma = scatter / c (full: its Cholesky factor; scalar: tr(scatter) / (d c) I) and mu = mean. */
  refit(mean: Float64Array, scatter: F64Block | null, trace: number, c: number): void {
    const d = this.dim, view = this.factor.view;
    this.mean.set(mean);
    this.scaleExponent = 0;
    if (this.scalar) {
      const variance = trace / (d * c);
      view.fill(0);
      for (let i = 0; i < d; i++) view[i * d + i] = Math.sqrt(variance);
      this.logDet = d * detLog(variance);
      return;
    }
    for (let i = 0; i < d * d; i++) view[i] = scatter!.view[i] / c;
    const failed = this.engine.choleskyInOrder(this.factor, d);
    if (failed !== 0) throw new Error(`gaussian-refit: the fitted covariance is numerically singular (pivot ${failed} of ${d})`);
    let logDet = 0;
    for (let i = 0; i < d; i++) {
      logDet += 2 * detLog(view[i * d + i]);
      for (let j = i + 1; j < d; j++) view[i * d + j] = 0;
    }
    this.logDet = logDet;
  }

  /** mu += scale L z for d numbers z. */
  shiftMean(z: Float64Array, scale: number): void {
    addLowerTimes(this.mean.view, this.factor.view, z, this.dim, scale);
  }

  /** The generation's metrics against the truth N(0, sigma0^2 I); a metric that overflows is null. */
  metrics(sigma0: number): MetricValues {
    const d = this.dim, sigma2 = sigma0 * sigma0, l = this.factor.view, mean = this.mean.view;
    const scale = this.scale, scale2 = scale * scale;
    let meanError = 0;
    for (let i = 0; i < d; i++) meanError += mean[i] * mean[i];
    let frobenius = 0;
    for (let i = 0; i < d * d; i++) frobenius += l[i] * l[i];
    const trace = scale2 * frobenius;
    const logDetRatio = this.logDet - d * detLog(sigma2);
    // sum_i (sqrt(lambda_i) - sigma0)^2 = tr Sigma + d sigma0^2 - 2 sigma0 tr Sigma^(1/2), without the cancellation.
    let spread = 0;
    if (this.scalar || d === 1) {
      const s = scale * Math.abs(l[0]);
      spread = d * (s - sigma0) * (s - sigma0);
    } else {
      this.engine.lowerGram(this.factor, d, this.gram);
      if (this.engine.symmetricEigenvalues(this.gram, d, this.eigenvalues) !== 0) spread = NaN;
      for (const lambda of this.eigenvalues.view) {
        const s = scale * Math.sqrt(Math.max(lambda, 0));
        spread += (s - sigma0) * (s - sigma0);
      }
    }
    // KL(truth || model) needs Sigma^-1 = 4^-e L^-T L^-1.
    this.inverse.set(l);
    this.engine.lowerInverse(this.inverse, d);
    const inv = this.inverse.view;
    let inverseTrace = 0, whitened = 0;
    for (let i = 0; i < d; i++) {
      let y = 0;
      for (let k = 0; k <= i; k++) {
        inverseTrace += inv[i * d + k] * inv[i * d + k];
        y += inv[i * d + k] * mean[k];
      }
      whitened += y * y;
    }
    const klForward = 0.5 * ((sigma2 * inverseTrace + whitened) / scale2 - d + logDetRatio);
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    return {
      meanError,
      varianceRatio: trace / (d * sigma2),
      sigmaRatio: Math.sqrt(trace / (d * sigma2)),
      logDetRatio,
      w2sq: finite(meanError + spread),
      klForward: finite(klForward),
      klReverse: finite(0.5 * ((trace + meanError) / sigma2 - d - logDetRatio)),
    };
  }

  free(): void {
    for (const block of [this.mean, this.factor, this.inverse, this.gram, this.eigenvalues]) block.free();
  }
}
