// Labelled batches of rows: m inputs x ~ N(0, I_d), fixed (drawn once) or fresh (every round),
// labelled y = x . w + sigma eps with fresh eps, reduced to their statistics X^T X and X^T y.
//
// Exact law (method "exact", m >= d): X^T X ~ Wishart_d(m, I) = A A^T with A a Bartlett factor,
// and given X, X^T eps ~ N(0, X^T X), so X^T y = A (A^T w + sigma z) with z ~ N(0, I_d): a batch
// costs O(d^2) random numbers and no work per row. A fixed design keeps its A. Batches of m < d
// rows (a singular Gram), the direct method and the schedules that keep points draw the rows.
//
// Stream order of one batch: exact, fresh inputs: the Bartlett factor (row i: i normals, then a
// chi-square), then d normals z; exact, fixed inputs: the d normals z. Rows: fresh inputs draw
// m d normals (row-major) first; then the m label noises (fillLinearLabels).
import type { Engine, F64Block, RandomStream } from "../../engine/index.js";

/** A labelled batch: its count, Gram X^T X and cross products X^T y; the rows and labels where drawn. */
export class Labelled {
  count = 0;
  readonly gram: F64Block;
  readonly cross: F64Block;
  /** The batch's rows (count x d) and labels, or null when only the statistics were drawn. */
  rows: F64Block | null = null;
  labels: F64Block | null = null;

  constructor(engine: Engine, readonly dim: number) {
    this.gram = engine.f64(dim * dim);
    try {
      this.cross = engine.f64(dim);
    } catch (error) {
      this.gram.free();
      throw error;
    }
  }

  free(): void {
    this.gram.free();
    this.cross.free();
  }
}

/** A source of inputs: fixed (drawn at construction) or fresh; statistics (a Bartlett factor) or rows. */
export class Inputs {
  /** The Bartlett factor (statistics) or null. */
  private readonly factor: F64Block | null;
  /** The largest batch. */
  readonly capacity: number;
  /** The rows of the largest batch drawn as rows, or null. */
  private readonly rows: F64Block | null;
  /** A fixed design's Gram, computed once. */
  private readonly fixedGram: F64Block | null;
  private readonly labels: F64Block | null;
  private readonly vector: F64Block;
  private readonly owned: F64Block[] = [];

  /**
   * Inputs of batches of the sizes in `counts` (one size under a fixed design, whose rows, or their
   * factor, are drawn now from rng). With `exact`, a batch of at least d rows is drawn as statistics
   * and a smaller one as rows; without, every batch is rows.
   */
  constructor(
    private readonly engine: Engine,
    rng: RandomStream,
    readonly dim: number,
    counts: readonly number[],
    readonly fixed: boolean,
    private readonly exact: boolean,
  ) {
    const d = dim;
    this.capacity = Math.max(...counts);
    const own = (length: number) => {
      const block = engine.f64(length);
      this.owned.push(block);
      return block;
    };
    try {
      const rowCounts = exact ? counts.filter((m) => m < d) : counts;
      const rowCapacity = rowCounts.length > 0 ? Math.max(...rowCounts) : 0;
      this.factor = exact && this.capacity >= d ? own(d * d) : null;
      this.rows = rowCapacity > 0 ? own(rowCapacity * d) : null;
      this.labels = rowCapacity > 0 ? own(rowCapacity) : null;
      this.fixedGram = fixed ? own(d * d) : null;
      this.vector = own(d);
      if (fixed) {
        if (this.statistics(this.capacity)) {
          engine.fillBartlett(rng, this.factor!, d, this.capacity);
          engine.lowerGram(this.factor!, d, this.fixedGram!);
        } else {
          engine.fillNormal(rng, this.rows!, this.capacity * d);
          engine.transposeProduct(this.rows!, this.rows!, this.fixedGram!, this.capacity, d, d, d, d, false, true);
        }
      }
    } catch (error) {
      this.free();
      throw error;
    }
  }

  /** Whether a batch of `count` rows is drawn as statistics (a Bartlett factor), not rows. */
  statistics(count: number): boolean {
    return this.exact && count >= this.dim;
  }

  /**
   * Replace with least squares on a batch of statistics, in O(d^2) after the factor: the fit of
   * X^T y = A (A^T w + sigma z) through H = A A^T is w + sigma A^-T z, so w moves by that and
   * neither the Gram nor a Cholesky factor is formed. The same draws as label(): the factor
   * (fresh inputs), then z. With `gram`, the batch's Gram A A^T is written there too; `factor`
   * receives A (the Cholesky factor of the fit's H).
   */
  replaceStep(rng: RandomStream, count: number, w: F64Block, noise: number, gram: F64Block | null, factor: F64Block | null): void {
    const { engine, dim: d } = this;
    const a = this.factor!, z = this.vector;
    if (!this.fixed) engine.fillBartlett(rng, a, d, count);
    else if (count !== this.capacity) throw new RangeError(`a fixed design labels its ${this.capacity} rows, not ${count}`);
    engine.fillNormal(rng, z, d);
    engine.lowerSolve(a, d, z, true);
    engine.axpy(noise, z, w, d);
    if (gram) {
      if (this.fixed) gram.set(this.fixedGram!.view);
      else engine.lowerGram(a, d, gram);
    }
    factor?.set(a.view);
  }

  /** Labels `count` rows (fresh ones drawn first) by w with noise sigma into out. */
  label(rng: RandomStream, count: number, w: F64Block, noise: number, out: Labelled): void {
    const { engine, dim: d } = this;
    if (this.fixed && count !== this.capacity) throw new RangeError(`a fixed design labels its ${this.capacity} rows, not ${count}`);
    if (count > this.capacity) throw new RangeError(`batches hold at most ${this.capacity} rows, ${count} asked`);
    out.count = count;
    if (this.statistics(count)) {
      const a = this.factor!, v = this.vector;
      if (this.fixed) out.gram.set(this.fixedGram!.view);
      else {
        engine.fillBartlett(rng, a, d, count);
        engine.lowerGram(a, d, out.gram);
      }
      // X^T y = A (A^T w + sigma z).
      v.set(w.view);
      engine.lowerTimes(a, d, v, true);
      engine.fillNormal(rng, out.cross, d);
      engine.scale(noise, out.cross, d);
      engine.axpy(1, v, out.cross, d);
      engine.lowerTimes(a, d, out.cross, false);
      out.rows = null;
      out.labels = null;
      return;
    }
    const rows = this.rows!.slice(0, count * d), labels = this.labels!.slice(0, count);
    if (!this.fixed) {
      engine.fillNormal(rng, rows, count * d);
      engine.transposeProduct(rows, rows, out.gram, count, d, d, d, d, false, true);
    } else {
      out.gram.set(this.fixedGram!.view);
    }
    engine.fillLinearLabels(rng, rows, count, d, w, noise, labels);
    engine.transposeProduct(rows, labels, out.cross, count, d, 1);
    out.rows = rows;
    out.labels = labels;
  }

  free(): void {
    this.owned.forEach((b) => b.free());
    this.owned.length = 0;
  }
}
