// The fit w = argmin (1/N) sum_i c_i (x_i . w - y_i)^2 + lambda |w|^2, and the operator H^+
// that maps X^T y to it, in two forms:
// - regular (lambda > 0, or at least d distinct rows): H = G + N lambda I, factorised by Cholesky;
// - singular (lambda = 0 and r < d distinct rows, linearly independent): the fit interpolates the
//   rows' mean labels with minimum norm, w = D^T (D D^T)^-1 ybar, and H^+ = D^T K^-1 C^-1 K^-1 D
//   with K = D D^T and C the rows' multiplicities (the pseudo-inverse of G = D^T C D).
// Every product runs through the engine's in-order kernels, so both engines give the same bits.
import type { Engine, F64Block } from "../../engine/index.js";

/** Rows of a singular fit: at most d distinct rows, each with its mean label and multiplicity. */
export class DistinctRows {
  count = 0;
  readonly rows: F64Block;
  readonly labels: F64Block;
  readonly weights: F64Block;

  constructor(engine: Engine, readonly dim: number) {
    this.rows = engine.f64(dim * dim);
    this.labels = engine.f64(dim);
    this.weights = engine.f64(dim);
  }

  clear(): void {
    this.count = 0;
  }

  /** Appends `count` rows (row i at rows[i stride ..]) with their labels (labels[i labelStride]) and one weight. */
  add(rows: Float64Array, count: number, labels: Float64Array, weight = 1, stride = this.dim, labelStride = 1, labelOffset = 0): void {
    const d = this.dim;
    if (this.count + count > d) throw new RangeError(`a singular fit holds at most ${d} rows`);
    const out = this.rows.view, y = this.labels.view, c = this.weights.view;
    for (let i = 0; i < count; i++) {
      const k = this.count + i;
      out.set(rows.subarray(i * stride, i * stride + d), k * d);
      y[k] = labels[labelOffset + i * labelStride];
      c[k] = weight;
    }
    this.count += count;
  }

  free(): void {
    this.rows.free();
    this.labels.free();
    this.weights.free();
  }
}

export class LeastSquares {
  private readonly factor: F64Block;
  /** The last regular fit's H and its Cholesky factor: a fixed design refits on the same H every round. */
  private readonly lastGram: F64Block;
  private readonly lastFactor: F64Block;
  private lastRidge = NaN;
  private readonly square: F64Block;
  private readonly other: F64Block;
  private readonly owned: F64Block[];
  /** The form of the last fit. */
  private singular: DistinctRows | null = null;

  constructor(private readonly engine: Engine, readonly dim: number) {
    const d = dim;
    this.owned = [];
    try {
      this.factor = this.own(d * d);
      this.lastGram = this.own(d * d);
      this.lastFactor = this.own(d * d);
      this.square = this.own(d * d);
      this.other = this.own(d * d);
    } catch (error) {
      this.free();
      throw error;
    }
  }

  private own(length: number): F64Block {
    const block = this.engine.f64(length);
    this.owned.push(block);
    return block;
  }

  /** The regular fit: w = (G + ridgeTotal I)^-1 cross, ridgeTotal = N lambda. */
  solve(gram: F64Block, ridgeTotal: number, cross: F64Block, w: F64Block): void {
    const { engine, dim: d } = this;
    this.singular = null;
    if (ridgeTotal === this.lastRidge && sameEntries(gram.view, this.lastGram.view)) {
      this.factor.set(this.lastFactor.view);
    } else {
      this.factor.set(gram.view);
      const code = engine.choleskyInOrder(this.factor, d, ridgeTotal);
      if (code !== 0) throw new Error(`regression-chain: the training Gram is not positive definite (pivot ${code - 1}); ridge = 0 needs linearly independent rows`);
      this.lastGram.set(gram.view);
      this.lastFactor.set(this.factor.view);
      this.lastRidge = ridgeTotal;
    }
    w.set(cross.view);
    engine.lowerSolve(this.factor, d, w, false);
    engine.lowerSolve(this.factor, d, w, true);
  }

  /** Takes a Cholesky factor of the last fit's H computed elsewhere (a Bartlett factor), for pseudoInverse. */
  useFactor(fill: (factor: F64Block) => void): void {
    this.singular = null;
    fill(this.factor);
  }

  /** The singular fit: the minimum-norm interpolation of the rows' labels. */
  interpolate(rows: DistinctRows, w: F64Block): void {
    const { engine, dim: d } = this;
    const r = rows.count;
    this.singular = rows;
    const k = this.factor.slice(0, r * r);
    engine.rowGram(rows.rows, r, d, k);
    const code = engine.choleskyInOrder(k, r, 0);
    if (code !== 0) throw new Error(`regression-chain: the rows of a singular fit are not linearly independent (pivot ${code - 1})`);
    const u = this.other.slice(0, r);
    u.set(rows.labels.view.subarray(0, r));
    engine.lowerSolve(k, r, u, false);
    engine.lowerSolve(k, r, u, true);
    engine.transposeProduct(rows.rows, u, w, r, d, 1);
  }

  /** H^+ of the last fit into out (d x d): (G + N lambda I)^-1, or D^T K^-1 C^-1 K^-1 D. Overwrites the factor. */
  pseudoInverse(out: F64Block): void {
    const { engine, dim: d } = this;
    const rows = this.singular;
    const r = rows ? rows.count : d;
    const l = this.factor.slice(0, r * r);
    // K^-1 (or H^-1) = L^-T L^-1, with the upper triangle of L^-1 zeroed.
    engine.lowerInverse(l, r);
    const lv = l.view;
    for (let i = 0; i < r; i++) lv.fill(0, i * r + i + 1, (i + 1) * r);
    if (!rows) {
      engine.transposeProduct(l, l, out, r, r, r, r, r, false, true);
      return;
    }
    const inverse = this.square.slice(0, r * r);
    engine.transposeProduct(l, l, inverse, r, r, r, r, r, false, true);
    // K^-1 C^-1 K^-1: rows of the right factor divided by the multiplicities.
    const scaled = this.other.slice(0, r * r);
    scaled.set(inverse.view);
    const c = rows.weights.view;
    for (let i = 0; i < r; i++) engine.scale(1 / c[i], scaled.slice(i * r, r), r);
    const middle = l;
    engine.matrixProduct(inverse, scaled, middle, r, r, r);
    const times = this.square.slice(0, r * d);
    engine.matrixProduct(middle, rows.rows, times, r, r, d);
    engine.transposeProduct(rows.rows, times, out, r, d, d);
  }

  free(): void {
    this.owned.forEach((b) => b.free());
    this.owned.length = 0;
  }
}

/** Whether two arrays hold the same numbers, bit for bit (a Gram met again). */
function sameEntries(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
