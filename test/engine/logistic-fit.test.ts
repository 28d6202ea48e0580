// logisticFit against an independent Newton solver (test/helpers/logistic-newton.ts) on the same
// points, in every wasm build and the reference: the gradient at the engine's w is zero to the
// stated tolerance, and w is as close to the independent minimiser as strong convexity allows
// (|w - w*| <= (|g(w)| + |g(w*)|) / ridge, the objective being ridge-strongly convex). Also the
// points themselves: filteredMixtureRows keeps exactly what filteredMixtureGram sums, bit for bit
// in every build, and bad arguments are refused before any work.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import { fitLogisticNewton, logisticDerivatives, norm, type LogisticProblem } from "../helpers/logistic-newton.js";
import { LOGISTIC_TOLERANCE } from "../../src/engine/constants/logistic-fit.js";
import type { Engine, FilteredMixtureProblem, F64Block } from "../../src/index.js";

/**
 * The engine stops on its own gradient, summed in another order than the independent one's:
 * they differ by rounding, a few hundred ulps of the gradient's terms (each at most |x| ~ 10).
 */
const ROUNDING = 1e-13;

interface Case {
  name: string;
  d: number;
  ridge: number;
  /** The problem's points, from the engine's own draws (the same in every engine). */
  problem: (engine: Engine, d: number) => FilteredMixtureProblem;
}

function unit(engine: Engine, d: number, degrees: number): F64Block {
  const block = engine.f64(d);
  block.set([Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)]);
  return block;
}

const cases: Case[] = [
  {
    name: "drawn labels, small ridge", d: 8, ridge: 1e-2,
    problem: (e, d) => ({ d, nFiltered: 600, nClean: 0, shift: 1, labelling: { kind: "sampled", direction: unit(e, d, 30), sharpness: 3 }, keepIfAgree: 1, keepIfDisagree: 1, check: { kind: "none" } }),
  },
  {
    name: "separable labels (direction, oracle), tiny ridge, fewer points kept than drawn", d: 5, ridge: 1e-5,
    problem: (e, d) => ({ d, nFiltered: 400, nClean: 20, shift: 1.5, labelling: { kind: "direction", direction: unit(e, d, 50) }, keepIfAgree: 1, keepIfDisagree: 0, check: { kind: "none" } }),
  },
  {
    name: "flip labels, best of 3 with a noisy verifier, ridge 1", d: 12, ridge: 1,
    problem: (e, d) => ({ d, nFiltered: 500, nClean: 0, shift: 0.5, labelling: { kind: "flip", probability: 0.4 }, candidates: 3, keepIfAgree: 0.6, keepIfDisagree: 0.3, check: { kind: "none" } }),
  },
  {
    name: "more dimensions than points", d: 40, ridge: 1e-3,
    problem: (e, d) => ({ d, nFiltered: 30, nClean: 0, shift: 1, labelling: { kind: "flip", probability: 0.1 }, keepIfAgree: 1, keepIfDisagree: 1, check: { kind: "none" } }),
  },
];

for (const { name, d, ridge, problem } of cases) {
  test(`logisticFit matches an independent Newton solver: ${name}`, async () => {
    for (const engine of await allEngines()) {
      const spec = problem(engine, d);
      const points = spec.nFiltered + spec.nClean;
      const rows = engine.f64(points * d), labels = engine.f64(points), w = engine.f64(d);
      const { rows: n } = engine.filteredMixtureRows(engine.stream(31n), spec, rows, labels);
      const iterations = engine.logisticFit(rows, labels, n, d, points, ridge, w);
      const fit: LogisticProblem = { x: rows.view.subarray(0, n * d), labels: labels.view.subarray(0, n), n, d, normaliser: points, ridge };
      const gradient = norm(logisticDerivatives(fit, w.view).gradient);
      assert.ok(iterations >= 1, `${label(engine)}: ${iterations} Newton iterations`);
      assert.ok(gradient <= LOGISTIC_TOLERANCE + ROUNDING, `${label(engine)}: gradient ${gradient} at the engine's w`);
      const exact = fitLogisticNewton(fit);
      const bound = (gradient + norm(logisticDerivatives(fit, exact).gradient)) / ridge;
      const distance = norm(w.view.map((v, j) => v - exact[j]));
      assert.ok(distance <= bound, `${label(engine)}: |w - w*| = ${distance}, bound ${bound}`);
    }
  });
}

test("logisticFit: no points give w = 0 in no iteration", async () => {
  for (const engine of await allEngines()) {
    const w = engine.f64(3);
    w.set([1, 2, 3]);
    assert.is(engine.logisticFit(engine.f64(0), engine.f64(0), 0, 3, 10, 0.1, w), 0);
    assert.equal(Array.from(w.view), [0, 0, 0], label(engine));
  }
});

test("logisticFit refuses bad arguments by name, before any work", async () => {
  for (const engine of await allEngines()) {
    const x = engine.f64(20), y = engine.f64(10), w = engine.f64(2);
    w.set([7, 7]);
    const bad: [string, () => number, RegExp][] = [
      ["ridge 0", () => engine.logisticFit(x, y, 10, 2, 10, 0, w), /ridge must be finite and > 0, got 0/],
      ["normaliser below 1", () => engine.logisticFit(x, y, 10, 2, 0.5, 1, w), /normaliser must be finite and >= 1, got 0.5/],
      ["too few rows", () => engine.logisticFit(x, y, 11, 2, 11, 1, w), /x needs 22 entries, the block holds 20/],
      ["a fractional count", () => engine.logisticFit(x, y, 2.5, 2, 10, 1, w), /n must be a non-negative integer, got 2.5/],
      ["tolerance 0", () => engine.logisticFit(x, y, 10, 2, 10, 1, w, 0), /tolerance must be > 0, got 0/],
    ];
    for (const [what, call, message] of bad) {
      assert.throws(call, (e: Error) => /^logisticFit: /.test(e.message) && message.test(e.message), `${label(engine)}: ${what}`);
      assert.equal(Array.from(w.view), [7, 7], `${label(engine)}: ${what} wrote w`);
    }
  }
});

test("filteredMixtureRows keeps what filteredMixtureGram sums, from the same draws, bit for bit in every build", async () => {
  const d = 6;
  const problems: ((e: Engine) => FilteredMixtureProblem)[] = [
    () => ({ d, nFiltered: 900, nClean: 11, shift: 1, labelling: { kind: "flip", probability: 0.3 }, candidates: 2, keepIfAgree: 0.7, keepIfDisagree: 0.2, check: { kind: "none" } }),
    (e) => ({ d, nFiltered: 700, nClean: 0, shift: 1, labelling: { kind: "sampled", direction: unit(e, d, 40), sharpness: 2 }, candidates: 4, keepIfAgree: 1, keepIfDisagree: 1, check: { kind: "direction", direction: unit(e, d, -10), margin: 0.2 } }),
    (e) => ({ d, nFiltered: 800, nClean: 3, shift: 1.2, labelling: { kind: "sampled", direction: unit(e, d, 25), sharpness: 5 }, candidates: 3, keepIfAgree: 0.9, keepIfDisagree: 0.4, check: { kind: "labelMargin", margin: 0.3 } }),
  ];
  for (const problem of problems) {
    const runs = (await allEngines()).map((engine) => {
      const spec = problem(engine);
      const points = spec.nFiltered + spec.nClean;
      const rows = engine.f64(points * d), labels = engine.f64(points);
      const rng = engine.stream(9n, 2);
      const kept = engine.filteredMixtureRows(rng, spec, rows, labels);
      const g = engine.f64(d * d), b = engine.f64(d), other = engine.stream(9n, 2);
      const summed = engine.filteredMixtureGram(other, problem(engine), g, b);
      engine.gramSymmetrize(g, d);
      return { engine, kept, summed, rows: rows.toArray(), labels: labels.toArray(), g: g.toArray(), b: b.toArray(), state: rng.stateWords(), otherState: other.stateWords() };
    });
    for (const run of runs) {
      const { kept, summed, rows, labels, g, b } = run;
      const { rows: n, ...counts } = kept;
      assert.equal(counts, summed, `${label(run.engine)}: the same counts`);
      assert.equal(run.state, run.otherState, `${label(run.engine)}: the same stream use`);
      // X^T X and X^T y of the stored rows are the Gram kernel's sums, up to their order.
      for (let i = 0; i < d; i++) {
        let by = 0;
        for (let r = 0; r < n; r++) by += labels[r] * rows[r * d + i];
        assert.ok(Math.abs(by - b[i]) <= 1e-9 * (1 + Math.abs(b[i])), `b[${i}]`);
        for (let j = 0; j < d; j++) {
          let gij = 0;
          for (let r = 0; r < n; r++) gij += rows[r * d + i] * rows[r * d + j];
          assert.ok(Math.abs(gij - g[i * d + j]) <= 1e-9 * (1 + Math.abs(g[i * d + j])), `G[${i}][${j}]`);
        }
      }
      assert.ok(rows.every((v, i) => Object.is(v, runs[0].rows[i])), `${label(run.engine)}: rows bit for bit`);
      assert.equal(Array.from(labels), Array.from(runs[0].labels), `${label(run.engine)}: labels`);
      assert.equal(run.state, runs[0].state, `${label(run.engine)}: stream state`);
    }
  }
});

test.run();
