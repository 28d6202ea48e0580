// The pool of a schedule that keeps the points themselves (accumulate-subsample, where a
// uniform subsample of the pool is drawn every round): rows of `width` numbers in engine
// memory, added a round at a time, subsampled without replacement by moving a uniform random
// subset of rows to the front (the pool is a multiset: the order of its rows carries nothing).
import type { Engine, F64Block, RandomStream } from "../engine/index.js";

export class RowPool {
  private readonly table: F64Block;
  /** Rows in the pool. */
  rows = 0;

  constructor(
    private readonly engine: Engine,
    readonly width: number,
    readonly capacity: number,
  ) {
    this.table = engine.f64(capacity * width);
  }

  /** The `count` rows after the pool's last, to fill before add(count). */
  next(count: number): F64Block {
    if (this.rows + count > this.capacity) throw new RangeError(`the pool holds ${this.capacity} rows; ${this.rows} + ${count} asked`);
    return this.table.slice(this.rows * this.width, count * this.width);
  }

  /** Takes the `count` rows filled through next(count) into the pool. */
  add(count: number): void {
    this.next(count);
    this.rows += count;
  }

  /** Every row of the pool. */
  all(): F64Block {
    return this.table.slice(0, this.rows * this.width);
  }

  /**
   * A uniform subsample of k rows without replacement, moved to the pool's front and returned
   * (k uniforms from rng, one per row moved: Engine.subsampleRows).
   */
  subsample(rng: RandomStream, k: number): F64Block {
    this.engine.subsampleRows(rng, this.table, this.rows, this.width, k);
    return this.table.slice(0, k * this.width);
  }

  free(): void {
    this.table.free();
  }
}
