// The statistics of a batch of points drawn from a Gaussian model (count, mean, scatter about
// the mean; a scalar covariance needs only the scatter's trace), drawn either exactly, with no
// work per point, or point by point, and pooled by the parallel-axis rule.
//
// Exact law of a batch of m points of N(mu, tau L L^T): the mean is mu + sqrt(tau/m) L z with z
// ~ N(0, I_d), the scatter tau L W L^T with W ~ Wishart_d(m - 1, I) independent of the mean, and
// W = A A^T for A the Bartlett factor (A_ii^2 ~ chi-square(m - 1 - i), normals below). So the
// scatter is F F^T with F = sqrt(tau) L A, lower triangular. A scalar covariance s^2 I needs
// tr W ~ chi-square(d (m - 1)) only. A batch of m <= d points (a singular W) is drawn point by point.
//
// Stream order of a batch: exact, d normals (the mean), then the Bartlett factor (row i: i
// normals, then the chi-square) or, for a scalar covariance, one chi-square; point by point, m d
// normals, row-major, in blocks of rows.
import type { Engine, F64Block, RandomStream } from "../../engine/index.js";
import { addLowerTimes, type GaussianModel } from "./model.js";

/** Entries of the block of points drawn at a time by the direct method. */
const BLOCK_ENTRIES = 1 << 16;

/** A batch's count, mean and scatter (full) or scatter trace (scalar). */
export class PointStatistics {
  count = 0;
  readonly mean: Float64Array;
  /** The scatter matrix, for a full covariance. */
  readonly scatter: F64Block | null;
  /** The scatter's trace (kept for both covariances). */
  trace = 0;

  constructor(
    engine: Engine,
    readonly dim: number,
    full: boolean,
  ) {
    this.mean = new Float64Array(dim);
    this.scatter = full ? engine.f64(dim * dim) : null;
  }

  copy(other: PointStatistics): void {
    this.count = other.count;
    this.mean.set(other.mean);
    if (this.scatter) this.scatter.set(other.scatter!.view);
    this.trace = other.trace;
  }

  /** Pools another batch in: S = S1 + S2 + (N1 N2 / N) (m2 - m1)(m2 - m1)^T, the mean weighted by counts. */
  add(other: PointStatistics): void {
    if (this.count === 0) {
      this.copy(other);
      return;
    }
    const n1 = this.count, n2 = other.count, n = n1 + n2, d = this.dim;
    const weight = (n1 * n2) / n, share = n2 / n;
    const delta = new Float64Array(d);
    let norm = 0;
    for (let i = 0; i < d; i++) {
      delta[i] = other.mean[i] - this.mean[i];
      norm += delta[i] * delta[i];
      this.mean[i] += share * delta[i];
    }
    if (this.scatter) {
      const s = this.scatter.view, o = other.scatter!.view;
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) s[i * d + j] += o[i * d + j] + weight * delta[i] * delta[j];
      }
    }
    this.trace += other.trace + weight * norm;
    this.count = n;
  }

  /** Sets the statistics of the `rows` points in x (rows x d) with the engine's rowMoments. */
  fromRows(engine: Engine, x: F64Block, rows: number, scratch: Scratch): void {
    const d = this.dim;
    engine.rowMoments(x, rows, d, scratch.vector, scratch.matrix);
    this.count = rows;
    this.mean.set(scratch.vector.view);
    if (this.scatter) this.scatter.set(scratch.matrix.view);
    let trace = 0;
    for (let i = 0; i < d; i++) trace += scratch.matrix.view[i * d + i];
    this.trace = trace;
  }

  free(): void {
    this.scatter?.free();
  }
}

/** Engine blocks a batch draw works in. */
export class Scratch {
  readonly vector: F64Block;
  readonly matrix: F64Block;
  readonly factor: F64Block;
  readonly points: F64Block;
  readonly part: PointStatistics;

  constructor(engine: Engine, readonly dim: number, full: boolean) {
    const made: Array<{ free(): void }> = [];
    const keep = <T extends { free(): void }>(x: T) => (made.push(x), x);
    try {
      this.vector = keep(engine.f64(dim));
      this.matrix = keep(engine.f64(dim * dim));
      this.factor = keep(engine.f64(dim * dim));
      this.points = keep(engine.f64(Math.max(1, Math.floor(BLOCK_ENTRIES / dim)) * dim));
      this.part = keep(new PointStatistics(engine, dim, full));
    } catch (error) {
      made.forEach((x) => x.free());
      throw error;
    }
  }

  /** Rows of points the direct method draws at a time. */
  get blockRows(): number {
    return this.points.length / this.dim;
  }

  free(): void {
    for (const x of [this.vector, this.matrix, this.factor, this.points, this.part]) x.free();
  }
}

/**
 * Draws m points of N(mu, tau Sigma) from the model, one block of rows at a time, into `out`'s
 * statistics (rows d normals each, through fillGaussianRows, then rowMoments, pooled).
 */
export function directBatch(engine: Engine, rng: RandomStream, model: GaussianModel, m: number, tau: number, out: PointStatistics, scratch: Scratch): void {
  const d = model.dim, scale = model.scale * Math.sqrt(tau);
  out.count = 0;
  for (let done = 0; done < m; ) {
    const rows = Math.min(scratch.blockRows, m - done);
    engine.fillGaussianRows(rng, scratch.points, rows, d, model.mean, model.factor, scale);
    scratch.part.fromRows(engine, scratch.points, rows, scratch);
    out.add(scratch.part);
    done += rows;
  }
}

/**
 * Draws the statistics of m points of N(mu, tau Sigma) from their exact law (see the file's
 * comment) into `out`: d normals for the mean, then the Bartlett factor of dof m - 1 (full) or one
 * chi-square of d (m - 1) degrees of freedom (scalar). A full-covariance batch of m <= d points is
 * drawn point by point.
 */
export function exactBatch(engine: Engine, rng: RandomStream, model: GaussianModel, m: number, tau: number, out: PointStatistics, scratch: Scratch): void {
  const d = model.dim;
  if (!model.scalar && m - 1 < d) {
    directBatch(engine, rng, model, m, tau, out, scratch);
    return;
  }
  const scale = model.scale * Math.sqrt(tau);
  engine.fillNormal(rng, scratch.vector, d);
  out.count = m;
  out.mean.set(model.mean.view);
  const l = model.factor.view;
  addLowerTimes(out.mean, l, scratch.vector.view, d, scale / Math.sqrt(m));
  if (model.scalar) {
    // One point has no scatter, and no chi-square is drawn.
    if (m > 1) engine.fillChiSquare(rng, scratch.vector, d * (m - 1), 1);
    const s = scale * l[0];
    out.trace = m > 1 ? s * s * scratch.vector.view[0] : 0;
    return;
  }
  // F = L A, then the scatter F F^T, times the scale squared.
  engine.fillBartlett(rng, scratch.matrix, d, m - 1);
  scratch.factor.set(l);
  engine.lowerProduct(scratch.factor, scratch.matrix, d);
  engine.lowerGram(scratch.factor, d, out.scatter!);
  const s = out.scatter!.view, scale2 = scale * scale;
  let trace = 0;
  for (let i = 0; i < d * d; i++) s[i] *= scale2;
  for (let i = 0; i < d; i++) trace += s[i * d + i];
  out.trace = trace;
}
