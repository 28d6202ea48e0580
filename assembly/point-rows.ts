// Tables of points, one row of `width` entries each (row-major): Gaussian rows through a
// triangular factor, their mean and centred scatter, a uniform subsample of the rows without
// replacement (moved to the front), and noisy linear labels of rows. Every sum runs in one fixed
// order in every build, so src/engine/reference/point-rows.ts gives the same bits.
import { fillNormal } from "./samplers";
import { axpy, quotient } from "./linalg";
import { nextUniform } from "./rng";
import { at } from "./address";
import { dotInOrder } from "./ordered-dot";

/**
 * `rows` points of N(mean, scale^2 L L^T) in d dimensions into out (rows x d), L lower
 * triangular (d x d, row-major). Draws rows * d standard normals in one run (row-major), then
 * turns each row z into mean + scale L z in place, entry i (from d - 1 down to 0) as mean_i +
 * scale dotInOrder(L_i, z, i + 1).
 */
export function fillGaussianRows(state: usize, out: usize, rows: i32, d: i32, mean: usize, factor: usize, scale: f64): void {
  fillNormal(state, out, rows * d);
  for (let r = 0; r < rows; r++) {
    const row = at(out, r * d);
    for (let i = d - 1; i >= 0; i--) {
      store<f64>(at(row, i), load<f64>(at(mean, i)) + scale * dotInOrder(at(factor, i * d), row, i + 1));
    }
  }
}

/**
 * The mean of `rows` rows of d entries (the rows added in order, then divided by rows) into
 * mean, and their scatter about it, sum (x - mean)(x - mean)^T (both triangles), into scatter:
 * each row centred into work (d entries), then its products added to the upper triangle row by
 * row, so every entry sums its rows in order.
 */
export function rowMoments(x: usize, rows: i32, d: i32, mean: usize, scatter: usize, work: usize): void {
  memory.fill(mean, 0, <usize>d << 3);
  memory.fill(scatter, 0, <usize>(d * d) << 3);
  for (let r = 0; r < rows; r++) {
    const row = at(x, r * d);
    for (let j = 0; j < d; j++) store<f64>(at(mean, j), load<f64>(at(mean, j)) + load<f64>(at(row, j)));
  }
  const count = <f64>rows;
  quotient(mean, d, count, mean);
  for (let r = 0; r < rows; r++) {
    const row = at(x, r * d);
    for (let j = 0; j < d; j++) store<f64>(at(work, j), load<f64>(at(row, j)) - load<f64>(at(mean, j)));
    for (let i = 0; i < d; i++) axpy(load<f64>(at(work, i)), at(work, i), at(scatter, i * d + i), d - i);
  }
  for (let i = 1; i < d; i++) {
    for (let j = 0; j < i; j++) store<f64>(at(scatter, i * d + j), load<f64>(at(scatter, j * d + i)));
  }
}

/**
 * Moves a uniform random k-subset of the `count` rows (width entries each) to the front, in
 * the order drawn: a partial Fisher-Yates shuffle, one uniform u per step i < k, swapping row i
 * with row i + floor(u (count - i)).
 */
export function subsampleRows(state: usize, table: usize, count: i32, width: i32, k: i32): void {
  const bytes = <usize>width << 3;
  for (let i = 0; i < k; i++) {
    const j = i + <i32>Math.floor(nextUniform(state) * <f64>(count - i));
    if (j == i) continue;
    const a = at(table, i * width), b = at(table, j * width);
    for (let e = 0; e < width; e++) {
      const v = load<f64>(at(a, e));
      store<f64>(at(a, e), load<f64>(at(b, e)));
      store<f64>(at(b, e), v);
    }
  }
}

/**
 * Labels y_r = x_r . w + noise z_r for `rows` rows x_r of d entries: rows standard normals z
 * drawn in one run into y, then each label as dotInOrder(x_r, w, d) + noise z_r.
 */
export function fillLinearLabels(state: usize, x: usize, rows: i32, d: i32, w: usize, noise: f64, y: usize): void {
  fillNormal(state, y, rows);
  for (let r = 0; r < rows; r++) store<f64>(at(y, r), dotInOrder(at(x, r * d), w, d) + noise * load<f64>(at(y, r)));
}
