// The softmax model's kernels: every wasm build against the TypeScript reference, bit for bit
// (world, probabilities, curated pairs, weights, statistics and stream), and against
// independent plain-TypeScript computations (Math.exp, direct loops): the probabilities, the
// gradient by finite differences, one full-batch step, the curated targets.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import {
  CATEGORICAL_STATS, SOFTMAX_STATS, SOFTMAX_STATS_LENGTH, allocateRefitBuffers, allocateSoftmaxModelBuffers,
  type CategoricalCuration, type Engine, type SoftmaxModelShape,
} from "../../src/engine/index.js";

interface Setting {
  shape: SoftmaxModelShape;
  start: { initialScale: number; initialAlignment: number };
  curation: CategoricalCuration;
}

const SETTINGS: Setting[] = [
  { shape: { rows: 301, testRows: 57, cols: 16, features: 32 }, start: { initialScale: 8, initialAlignment: 0.3 },
    curation: { samples: 4, gamma: 0, rho: 0, beta: 0.5, allocation: "hardest", budget: 75 } },
  // Odd sizes cross every block and lane boundary; uniform labels and a noisy filter.
  { shape: { rows: 203, testRows: 31, cols: 9, features: 5 }, start: { initialScale: 1, initialAlignment: -0.4 },
    curation: { samples: 3, gamma: 0.2, rho: 0.1, beta: 0.3, allocation: "uniform", budget: 60 } },
  { shape: { rows: 150, testRows: 20, cols: 17, features: 1 }, start: { initialScale: 3, initialAlignment: 1 },
    curation: { samples: 5, gamma: 0.3, rho: 0, beta: 0.7, allocation: "resample", budget: Infinity } },
  { shape: { rows: 99, testRows: 13, cols: 3, features: 7 }, start: { initialScale: 0.5, initialAlignment: 0 },
    curation: { samples: 2, gamma: 1, rho: 0, beta: 0.5, allocation: "none", budget: 0 } },
  // Logits thousands apart: exponentials that underflow, the lanes' fallback to the scalar exp.
  { shape: { rows: 120, testRows: 40, cols: 10, features: 6 }, start: { initialScale: 3000, initialAlignment: 0.5 },
    curation: { samples: 4, gamma: 0.1, rho: 0.05, beta: 0.5, allocation: "proportional", budget: 50 } },
];

const TRAINING = { steps: 3, learningRate: 0.7, ridge: 0.01 };

/** A softmax model with its refit buffers on an engine, filled from seed, its training table set. */
function startModel(engine: Engine, { shape, start, curation }: Setting, seed: bigint) {
  const model = allocateSoftmaxModelBuffers(engine, shape);
  const refit = allocateRefitBuffers(engine, { rows: shape.rows, cols: shape.cols, samples: curation.samples, expected: false });
  const rng = engine.stream(seed);
  const stats = engine.f64(SOFTMAX_STATS_LENGTH), testStats = engine.f64(SOFTMAX_STATS_LENGTH);
  engine.fillSoftmaxModel(rng, model, shape, start);
  const evaluate = () => {
    engine.softmaxModelRows(model.weights, model.train, shape.rows, shape.cols, shape.features, refit.table, stats);
    engine.softmaxModelRows(model.weights, model.test, shape.testRows, shape.cols, shape.features, model.testTable, testStats);
  };
  evaluate();
  const round = () => {
    engine.curateSoftmaxModel(rng, refit, model, shape, curation, stats);
    engine.trainSoftmaxModel(model, shape, TRAINING);
    evaluate();
  };
  const snapshot = () => ({
    features: model.train.features.toArray(), correct: model.train.correct.toArray(),
    testFeatures: model.test.features.toArray(), testCorrect: model.test.correct.toArray(),
    teacher: model.teacher.toArray(), weights: model.weights.toArray(), curated: model.curated.toArray(), targets: model.targets.toArray(),
    table: refit.table.toArray(), testTable: model.testTable.toArray(), labels: refit.labels.toArray(),
    stats: stats.toArray(), testStats: testStats.toArray(), stream: rng.stateWords(),
  });
  const free = () => [model, refit, stats, testStats, rng].forEach((b) => b.free());
  return { model, refit, rng, round, snapshot, free };
}

function assertSameBits(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  assert.is(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) assert.unreachable(`${what}[${i}]: ${got[i]} vs ${want[i]}`);
  }
}

test("every build and the reference: the same world, probabilities, curated pairs, weights, statistics and stream, bit for bit", async () => {
  const engines = await allEngines();
  const reference = engines.find((e) => e.kind === "js")!;
  for (const [s, setting] of SETTINGS.entries()) {
    const runs = [reference, ...engines.filter((e) => e !== reference)].map((engine) => startModel(engine, setting, 700n + BigInt(s)));
    try {
      for (let round = 0; round <= 2; round++) {
        if (round > 0) runs.forEach((run) => run.round());
        const [want, ...others] = runs.map((run) => run.snapshot());
        others.forEach((got, i) => {
          for (const [name, values] of Object.entries(want)) {
            assertSameBits(got[name as keyof typeof got], values, `setting ${s}, ${label(engines.filter((e) => e !== reference)[i])}, round ${round}: ${name}`);
          }
        });
      }
    } finally {
      runs.forEach((run) => run.free());
    }
  }
});

/** softmax(W x) by Math.exp, W cols x d row-major. */
function probabilities(w: ArrayLike<number>, x: ArrayLike<number>, cols: number, d: number): number[] {
  const z = Array.from({ length: cols }, (_, j) => {
    let s = 0;
    for (let l = 0; l < d; l++) s += w[j * d + l] * x[l];
    return s;
  });
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

test("the rows are softmax(W x), correct response first then the others in order, with the correct response the teacher's largest logit", async () => {
  const [engine] = await allEngines();
  const setting = SETTINGS[1];
  const { cols, features: d, testRows } = setting.shape;
  const run = startModel(engine, setting, 31n);
  try {
    const { weights, teacher, testFeatures, testCorrect, testTable, testStats } = { ...run.snapshot(), testStats: run.snapshot().testStats };
    let accuracy = 0, top1 = 0;
    for (let x = 0; x < testRows; x++) {
      const features = testFeatures.subarray(x * d, (x + 1) * d);
      const teacherLogits = probabilities(teacher, features, cols, d);
      const c = testCorrect[x];
      assert.is(c, teacherLogits.indexOf(Math.max(...teacherLogits)), `prompt ${x}: the correct response`);
      const p = probabilities(weights, features, cols, d);
      const expectedRow = [p[c], ...p.slice(0, c), ...p.slice(c + 1)];
      expectedRow.forEach((v, j) => assert.ok(Math.abs(testTable[x * cols + j] - v) <= 1e-14, `prompt ${x} column ${j}: ${testTable[x * cols + j]} vs ${v}`));
      accuracy += p[c];
      top1 += p.every((v, j) => j === c || v < p[c]) ? 1 : 0;
    }
    assert.ok(Math.abs(testStats[CATEGORICAL_STATS.accuracy] - accuracy / testRows) <= 1e-14, "accuracy: the mean probability of the correct response");
    assert.is(testStats[SOFTMAX_STATS.top1], top1 / testRows, "top1: the share of prompts whose correct response is the most probable");
  } finally {
    run.free();
  }
});

test("alignment 1 starts from the teacher itself, scaled: W_0 = initialScale W* / sqrt(d)", async () => {
  const [engine] = await allEngines();
  const setting = SETTINGS[2];
  const run = startModel(engine, setting, 32n);
  try {
    const { weights, teacher } = run.snapshot();
    const scale = setting.start.initialScale / Math.sqrt(setting.shape.features);
    weights.forEach((w, i) => assert.ok(Math.abs(w - scale * teacher[i]) <= 1e-15 * Math.abs(w), `entry ${i}`));
  } finally {
    run.free();
  }
});

/** The loss of the curated pairs (mean cross-entropy + ridge), written from n_x and C, by Math.exp and Math.log. */
function loss(w: Float64Array, features: Float64Array, curated: Float64Array, targets: Float64Array, cols: number, d: number, ridge: number): number {
  let data = 0, total = 0;
  for (let x = 0; x < curated.length; x++) {
    if (curated[x] === 0) continue;
    const z = Array.from({ length: cols }, (_, j) => {
      let s = 0;
      for (let l = 0; l < d; l++) s += w[j * d + l] * features[x * d + l];
      return s;
    });
    const top = Math.max(...z);
    data += curated[x] * (top + Math.log(z.reduce((a, v) => a + Math.exp(v - top), 0)));
    total += curated[x];
  }
  let linear = 0, squares = 0;
  for (let i = 0; i < w.length; i++) {
    linear += w[i] * targets[i];
    squares += w[i] * w[i];
  }
  return (data - linear) / total + (ridge / 2) * squares;
}

test("the gradient matches central finite differences of the loss", async () => {
  const [engine] = await allEngines();
  const setting = { ...SETTINGS[1], shape: { rows: 60, testRows: 5, cols: 6, features: 4 } };
  const { cols, features: d } = setting.shape;
  const ridge = 0.3;
  const run = startModel(engine, setting, 33n);
  const gradient = engine.f64(cols * d);
  try {
    engine.curateSoftmaxModel(run.rng, run.refit, run.model, setting.shape, setting.curation, engine.f64(SOFTMAX_STATS_LENGTH));
    engine.softmaxModelGradient(run.model, setting.shape, ridge, gradient);
    const { weights, features, curated, targets } = run.snapshot();
    assert.ok(curated.some((n) => n > 0), "some pairs curated");
    // Central differences err by h^2 |L'''| / 6 (features of order 1: about 1e-9 at h = 1e-4)
    // plus rounding eps |L| / h (about 1e-12); a wrong term (ridge, sign, a 1/N) is off by far more.
    const h = 1e-4;
    for (let i = 0; i < weights.length; i++) {
      const plus = weights.slice(), minus = weights.slice();
      plus[i] += h;
      minus[i] -= h;
      const numeric = (loss(plus, features, curated, targets, cols, d, ridge) - loss(minus, features, curated, targets, cols, d, ridge)) / (2 * h);
      assert.ok(Math.abs(gradient.view[i] - numeric) <= 1e-7, `entry ${i}: ${gradient.view[i]} vs ${numeric}`);
    }
  } finally {
    run.free();
    gradient.free();
  }
});

test("one full-batch step equals an independent plain-TypeScript step; no step without curated pairs", async () => {
  const setting = SETTINGS[0];
  const { rows, cols, features: d } = setting.shape;
  const training = { steps: 1, learningRate: 0.9, ridge: 0.02 };
  for (const engine of await allEngines()) {
    const run = startModel(engine, setting, 34n);
    try {
      engine.curateSoftmaxModel(run.rng, run.refit, run.model, setting.shape, setting.curation, engine.f64(SOFTMAX_STATS_LENGTH));
      const { weights, features, curated, targets } = run.snapshot();
      let total = 0;
      const g = new Float64Array(cols * d);
      for (let x = 0; x < rows; x++) {
        if (curated[x] === 0) continue;
        total += curated[x];
        const p = probabilities(weights, features.subarray(x * d), cols, d);
        for (let j = 0; j < cols; j++) for (let l = 0; l < d; l++) g[j * d + l] += curated[x] * p[j] * features[x * d + l];
      }
      const expected = weights.map((w, i) => w - training.learningRate * ((g[i] - targets[i]) / total + training.ridge * w));
      engine.trainSoftmaxModel(run.model, setting.shape, training);
      const got = run.model.weights.view;
      // Sums of a few hundred terms of order 1 in another order: rounding of order 1e-13.
      expected.forEach((w, i) => assert.ok(Math.abs(got[i] - w) <= 1e-12 * (1 + Math.abs(w)), `${label(engine)} entry ${i}: ${got[i]} vs ${w}`));

      const before = run.model.weights.toArray();
      engine.trainSoftmaxModel(run.model, setting.shape, { ...training, steps: 0 });
      assertSameBits(run.model.weights.view, before, "zero steps");
      run.model.curated.view.fill(0);
      engine.trainSoftmaxModel(run.model, setting.shape, { ...training, steps: 5 });
      assertSameBits(run.model.weights.view, before, "no curated pair");
    } finally {
      run.free();
    }
  }
});

test("the curated targets: with an oracle filter and no labels, row j sums n_x x over the prompts whose correct response is j", async () => {
  const [engine] = await allEngines();
  const setting: Setting = { ...SETTINGS[0], curation: { ...SETTINGS[0].curation, allocation: "none", budget: 0 } };
  const { rows, cols, features: d } = setting.shape;
  const run = startModel(engine, setting, 35n);
  try {
    engine.curateSoftmaxModel(run.rng, run.refit, run.model, setting.shape, setting.curation, engine.f64(SOFTMAX_STATS_LENGTH));
    const { features, correct, curated, targets, labels } = run.snapshot();
    const expected = new Float64Array(cols * d);
    for (let x = 0; x < rows; x++) {
      assert.is(curated[x], setting.curation.samples - run.refit.rejected.view[x], `prompt ${x}: the kept samples`);
      for (let l = 0; l < d; l++) expected[correct[x] * d + l] += curated[x] * features[x * d + l];
    }
    expected.forEach((v, i) => assert.ok(Math.abs(targets[i] - v) <= 1e-12 * (1 + Math.abs(v)), `target ${i}: ${targets[i]} vs ${v}`));
    assert.ok(labels.every((l) => l === 0));
  } finally {
    run.free();
  }
});

test("bad shapes and settings are refused before any work, naming the argument", async () => {
  const [engine] = await allEngines();
  const shape = { rows: 10, testRows: 5, cols: 4, features: 3 };
  const model = allocateSoftmaxModelBuffers(engine, shape);
  const rng = engine.stream(1n);
  try {
    const before = rng.stateWords();
    assert.throws(() => engine.fillSoftmaxModel(rng, model, { ...shape, features: 0 }, { initialScale: 1, initialAlignment: 0 }), /features must be an integer in \[1, 65536\], got 0/);
    assert.throws(() => engine.fillSoftmaxModel(rng, model, shape, { initialScale: 1, initialAlignment: 1.5 }), /initialAlignment must be in \[-1, 1\], got 1.5/);
    assert.throws(() => engine.fillSoftmaxModel(rng, model, { ...shape, rows: 11 }, { initialScale: 1, initialAlignment: 0 }), /kernel needs 33 entries but the block holds 30/);
    assert.throws(() => engine.trainSoftmaxModel(model, shape, { steps: 1, learningRate: -1, ridge: 0 }), /learningRate must be a finite number >= 0, got -1/);
    assert.throws(() => engine.fillSoftmaxModel(rng, model, { ...shape, rows: 2 ** 30, features: 4 }, { initialScale: 1, initialAlignment: 0 }), /rows x features must be at most/);
    assert.equal(rng.stateWords(), before, "no random number drawn");
  } finally {
    model.free();
    rng.free();
  }
});

test.run();
