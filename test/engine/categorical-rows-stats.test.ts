// The categorical rows' statistics (categoricalRowStats; the refit adds the same terms): the same
// bits in every build and the reference, row by row (a table of one row, so that no term is lost
// in a long sum), on entries of every magnitude, 0, subnormals, the smallest normal and 1
// included, at row widths that reach each step of the SIMD pass; and the values of a whole
// table against a direct computation.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import type { Engine } from "../../src/engine/index.js";
import { CATEGORICAL_STATS, CATEGORICAL_STATS_LENGTH } from "../../src/engine/index.js";
import { MIN_NORMAL } from "../../src/engine/constants/categorical-rows.js";

const ROWS = 400;

/**
 * A fixed sequence of entries: half between 2^-20 and 1, half over every binary exponent, with 0,
 * MIN_NORMAL, its neighbours, the smallest subnormal and 1 mixed in.
 */
function table(cols: number): number[] {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const special = [0, MIN_NORMAL, MIN_NORMAL * (1 - 2 ** -52), MIN_NORMAL * (1 + 2 ** -52), 5e-324, 1];
  return Array.from({ length: ROWS * cols }, (_, i) =>
    i % 11 === 0
      ? special[(i / 11) % special.length]
      : (1 + next()) * 2 ** -Math.floor(next() * (i % 2 === 0 ? 21 : 1075)) * (1 - 2 ** -30 * next()),
  );
}

/** categoricalRowStats of rows..rows + count - 1 of values on an engine. */
function statsOf(engine: Engine, values: number[], cols: number, from: number, count: number): number[] {
  const [block, stats] = [engine.f64(count * cols), engine.f64(CATEGORICAL_STATS_LENGTH)];
  try {
    block.view.set(values.slice(from * cols, (from + count) * cols));
    engine.categoricalRowStats(block, count, cols, 0.01, stats);
    return [...stats.view];
  } finally {
    block.free();
    stats.free();
  }
}

function direct(values: number[], cols: number, epsilon: number): number[] {
  const sums = new Array(CATEGORICAL_STATS_LENGTH).fill(0);
  for (let x = 0; x < ROWS; x++) {
    const row = values.slice(x * cols, (x + 1) * cols);
    sums[CATEGORICAL_STATS.accuracy] += row[0] / ROWS;
    sums[CATEGORICAL_STATS.solvedFraction] += row[0] >= 1 - epsilon ? 1 / ROWS : 0;
    sums[CATEGORICAL_STATS.unsolved] += row[0] === 0 ? 1 / ROWS : 0;
    sums[CATEGORICAL_STATS.entropy] += row.reduce((e, p) => (p >= MIN_NORMAL ? e - p * Math.log(p) : e), 0) / ROWS;
    sums[CATEGORICAL_STATS.gini] += (1 - row.reduce((q, p) => q + p * p, 0)) / ROWS;
  }
  return sums;
}

test("every build and the reference give the same bits, row by row, which match a direct computation", async () => {
  const engines = await allEngines();
  const reference = engines[engines.length - 1];
  for (const cols of [2, 3, 4, 7, 8, 13, 16, 19, 33]) {
    const values = table(cols);
    for (let x = 0; x < ROWS; x++) {
      const expected = statsOf(reference, values, cols, x, 1);
      for (const engine of engines.slice(0, -1)) {
        statsOf(engine, values, cols, x, 1).forEach((v, s) =>
          assert.ok(Object.is(v, expected[s]), `${cols} cols, row ${x}, ${label(engine)}, stat ${s}: ${v} vs ${expected[s]}`),
        );
      }
    }
    const whole = statsOf(reference, values, cols, 0, ROWS);
    direct(values, cols, 0.01).forEach((v, s) =>
      assert.ok(Math.abs(whole[s] - v) <= 1e-12 * Math.max(1, Math.abs(v)), `${cols} cols, stat ${s}: ${whole[s]} vs ${v}`),
    );
  }
});

test.run();
