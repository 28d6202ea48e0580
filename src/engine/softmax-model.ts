// The softmax model: p_W(j|x) = softmax(W x)_j over `cols` responses of prompts with `features`
// features, a teacher naming each prompt's correct response, training and held-out prompts, and
// a round's curated pairs summed per prompt and into targets. Here: the problem as the engine
// API takes it (shapes, the resident buffers and their sizes), its stats indices by name, and
// the checks (the same for every engine). assembly/softmax-model-*.ts documents what the kernels
// compute and the order in which they consume the random stream.
import type { F64Block, I32Block } from "./block.js";
import { allocateGroup } from "./block-group.js";
import { checkInteger, fail } from "./kernel-checks.js";
import { checkTable } from "./categorical-rows.js";
import { STAT_TOP1, SOFTMAX_STATS_LENGTH, MAX_SOFTMAX_FEATURES } from "./constants/softmax-model.js";

export { MAX_SOFTMAX_FEATURES };

/** Where the softmax rows' statistics land: the categorical rows' (CATEGORICAL_STATS), then top1. */
export const SOFTMAX_STATS = { top1: STAT_TOP1 } as const;
export { SOFTMAX_STATS_LENGTH };

/** The sizes of a softmax model. */
export interface SoftmaxModelShape {
  /** Training prompts. */
  rows: number;
  /** Held-out prompts. */
  testRows: number;
  /** Responses. */
  cols: number;
  /** Features per prompt, d. */
  features: number;
}

/** A set of prompts: features (prompts x d, row-major) and each one's correct response. */
export interface SoftmaxPrompts {
  features: F64Block;
  correct: I32Block;
}

/** The resident arrays of a softmax model. */
export interface SoftmaxModelBuffers {
  train: SoftmaxPrompts;
  test: SoftmaxPrompts;
  /** cols x d: the teacher W*, whose largest logit is a prompt's correct response. */
  teacher: F64Block;
  /** cols x d: the model's weights W, row j those of response j. */
  weights: F64Block;
  /** rows: the curated pairs of each training prompt in the last round. */
  curated: F64Block;
  /** cols x d: the last round's targets C = sum over its curated pairs (x, y) of e_y x^T. */
  targets: F64Block;
  /** testRows x cols: the held-out prompts' probabilities, correct response first. */
  testTable: F64Block;
}

/** How the starting weights are drawn: W_0 = initialScale (a W* + sqrt(1 - a^2) G) / sqrt(d), a = initialAlignment. */
export interface SoftmaxStart {
  initialScale: number;
  initialAlignment: number;
}

/** The strong learner: `steps` full-batch gradient steps at learningRate on the mean cross-entropy + (ridge / 2) |W|^2. */
export interface SoftmaxTraining {
  steps: number;
  learningRate: number;
  ridge: number;
}

const MAX_ENTRIES = 2 ** 31 - 1;

export function checkSoftmaxShape(kernel: string, shape: SoftmaxModelShape): void {
  checkTable(kernel, shape.rows, shape.cols);
  checkInteger(kernel, "testRows", shape.testRows, 1, MAX_ENTRIES);
  checkInteger(kernel, "features", shape.features, 1, MAX_SOFTMAX_FEATURES);
  // The kernels index prompts x features with 32-bit integers.
  for (const [what, n] of [["rows x features", shape.rows], ["testRows x features", shape.testRows], ["cols x features", shape.cols]] as const) {
    if (n * shape.features > MAX_ENTRIES) fail(kernel, what, n * shape.features, `at most ${MAX_ENTRIES}`);
  }
}

export function checkSoftmaxStart(start: SoftmaxStart): void {
  if (!(start.initialScale >= 0 && Number.isFinite(start.initialScale))) fail("fillSoftmaxModel", "initialScale", start.initialScale, "a finite number >= 0");
  if (!(start.initialAlignment >= -1 && start.initialAlignment <= 1)) fail("fillSoftmaxModel", "initialAlignment", start.initialAlignment, "in [-1, 1]");
}

export function checkSoftmaxTraining(training: SoftmaxTraining): void {
  checkInteger("trainSoftmaxModel", "steps", training.steps, 0, MAX_ENTRIES);
  if (!(training.learningRate >= 0 && Number.isFinite(training.learningRate))) fail("trainSoftmaxModel", "learningRate", training.learningRate, "a finite number >= 0");
  if (!(training.ridge >= 0 && Number.isFinite(training.ridge))) fail("trainSoftmaxModel", "ridge", training.ridge, "a finite number >= 0");
}

/** Entries each buffer of a softmax model of this shape needs. */
export function softmaxModelBufferLengths(shape: SoftmaxModelShape) {
  const { rows, testRows, cols, features } = shape;
  return {
    features: rows * features,
    correct: rows,
    testFeatures: testRows * features,
    testCorrect: testRows,
    teacher: cols * features,
    weights: cols * features,
    curated: rows,
    targets: cols * features,
    testTable: testRows * cols,
  };
}

/** Fresh buffers for a softmax model of this shape from an engine (to be filled by fillSoftmaxModel). */
export function allocateSoftmaxModelBuffers(
  engine: { f64(length: number): F64Block; i32(length: number): I32Block }, shape: SoftmaxModelShape,
): SoftmaxModelBuffers & { free(): void } {
  const n = softmaxModelBufferLengths(shape);
  return allocateGroup((keep) => ({
    train: { features: keep(engine.f64(n.features)), correct: keep(engine.i32(n.correct)) },
    test: { features: keep(engine.f64(n.testFeatures)), correct: keep(engine.i32(n.testCorrect)) },
    teacher: keep(engine.f64(n.teacher)),
    weights: keep(engine.f64(n.weights)),
    curated: keep(engine.f64(n.curated)),
    targets: keep(engine.f64(n.targets)),
    testTable: keep(engine.f64(n.testTable)),
  }));
}
