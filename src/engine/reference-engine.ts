// The Engine on the plain-TypeScript reference kernels: blocks are ordinary typed arrays.
import type { Block, Engine, F64Block, I32Block, RandomStream, TypedArray, U8Block } from "./engine.js";
import { seedWords, checkStreamNumber } from "./seed.js";
import { seedStream, STATE_WORDS } from "./reference/rng.js";
import * as samplers from "./reference/samplers.js";
import * as linalg from "./reference/linalg.js";
import { filteredMixtureGram } from "./reference/filtered-mixture-gram.js";
import { projectedMixtureMoments } from "./reference/projected-mixture.js";
import { fillWishart } from "./reference/wishart.js";
import {
  CHECK_CODE, checkFilteredMixtureProblem, filteredMixtureBlockRows,
  type FilteredMixtureCounts, type FilteredMixtureProblem,
} from "./filtered-mixture.js";
import {
  checkProjectedMixtureProblem, projectedMixtureArguments, type ProjectedMixtureProblem,
} from "./projected-mixture.js";
import { checkWishart } from "./wishart.js";
import * as categorical from "./reference/weak-data.js";
import {
  CATEGORICAL_STATS_LENGTH, LABEL_ALLOCATION, type BetaCategoricalRows, type CategoricalRefitBuffers, type CategoricalRefitRound,
} from "./categorical-rows.js";
import { checkBetaCategoricalRows, checkRefitRound, checkRowStats, refitBufferLengths } from "./categorical-refit.js";

class ArrayBlock<T extends TypedArray> implements Block<T> {
  constructor(
    readonly engine: ReferenceEngine,
    readonly view: T,
  ) {}

  get length(): number {
    return this.view.length;
  }

  slice(offset: number, length: number): ArrayBlock<T> {
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > this.length) {
      throw new RangeError(`slice [${offset}, ${offset + length}) is outside a block of length ${this.length}`);
    }
    return new ArrayBlock(this.engine, this.view.subarray(offset, offset + length) as T);
  }

  set(values: ArrayLike<number>, offset = 0): void {
    this.view.set(values, offset);
  }

  toArray(): T {
    return this.view.slice() as T;
  }

  free(): void {}
}

class ReferenceStream implements RandomStream {
  readonly state = new Uint32Array(STATE_WORDS);

  constructor(
    readonly seed: bigint,
    readonly stream: number,
  ) {}

  stateWords(): Uint32Array {
    return this.state.slice();
  }

  free(): void {}
}

function checkLength(length: number): number {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`block length must be a non-negative integer, got ${length}`);
  return length;
}

export class ReferenceEngine implements Engine {
  readonly kind = "js" as const;
  readonly build = "reference" as const;

  f64(length: number): F64Block {
    return new ArrayBlock(this, new Float64Array(checkLength(length)));
  }

  i32(length: number): I32Block {
    return new ArrayBlock(this, new Int32Array(checkLength(length)));
  }

  u8(length: number): U8Block {
    return new ArrayBlock(this, new Uint8Array(checkLength(length)));
  }

  stream(seed: bigint | number, stream = 0): RandomStream {
    const words = seedWords(seed);
    const rng = new ReferenceStream(words.seed, checkStreamNumber(stream));
    seedStream(rng.state, words.lo, words.hi, stream);
    return rng;
  }

  /** The typed array behind a block of this engine, checked to hold at least n entries. */
  array<T extends TypedArray>(block: Block<T>, n = block.length): T {
    if (!(block instanceof ArrayBlock) || block.engine !== this) throw new TypeError("block belongs to another engine");
    if (n > block.length) throw new RangeError(`kernel needs ${n} entries but the block holds ${block.length}`);
    return block.view;
  }

  private state(rng: RandomStream): Uint32Array {
    if (!(rng instanceof ReferenceStream)) throw new TypeError("random stream belongs to another engine");
    return rng.state;
  }

  fillUniform(rng: RandomStream, out: F64Block, n = out.length): void {
    samplers.fillUniform(this.state(rng), this.array(out, n), n);
  }

  fillNormal(rng: RandomStream, out: F64Block, n = out.length): void {
    samplers.fillNormal(this.state(rng), this.array(out, n), n);
  }

  fillBernoulli(rng: RandomStream, out: U8Block, p: number, n = out.length): void {
    samplers.fillBernoulli(this.state(rng), this.array(out, n), n, p);
  }

  fillCategorical(rng: RandomStream, out: I32Block, cdf: F64Block, n = out.length): void {
    if (cdf.length === 0) throw new RangeError("categorical table is empty");
    samplers.fillCategorical(this.state(rng), this.array(out, n), n, this.array(cdf), cdf.length);
  }

  fillGamma(rng: RandomStream, out: F64Block, shape: number, n = out.length): void {
    if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
    samplers.fillGamma(this.state(rng), this.array(out, n), n, shape);
  }

  fillChiSquare(rng: RandomStream, out: F64Block, dof: number, n = out.length): void {
    if (!(dof > 0)) throw new RangeError(`chi-square degrees of freedom must be > 0, got ${dof}`);
    samplers.fillChiSquare(this.state(rng), this.array(out, n), n, dof);
  }

  dot(x: F64Block, y: F64Block, n = x.length): number {
    return linalg.dot(this.array(x, n), this.array(y, n), n);
  }

  axpy(a: number, x: F64Block, y: F64Block, n = x.length): void {
    linalg.axpy(a, this.array(x, n), this.array(y, n), n);
  }

  scale(a: number, x: F64Block, n = x.length): void {
    linalg.scale(a, this.array(x, n), n);
  }

  gemv(a: F64Block, x: F64Block, y: F64Block, rows: number, cols: number): void {
    linalg.gemv(this.array(a, rows * cols), this.array(x, cols), this.array(y, rows), rows, cols);
  }

  gramAccumulate(x: F64Block, y: F64Block, rows: number, d: number, g: F64Block, b: F64Block): void {
    linalg.gramAccumulate(this.array(x, rows * d), this.array(y, rows), rows, d, this.array(g, d * d), this.array(b, d));
  }

  gramSymmetrize(g: F64Block, d: number): void {
    linalg.gramSymmetrize(this.array(g, d * d), d);
  }

  cholesky(a: F64Block, d: number, ridge: number): number {
    return linalg.cholesky(this.array(a, d * d), d, ridge);
  }

  choleskySolve(l: F64Block, d: number, b: F64Block): void {
    linalg.choleskySolve(this.array(l, d * d), d, this.array(b, d));
  }

  // Fused loops of scenarios.

  // verified-mixture (issue 3)
  filteredMixtureGram(rng: RandomStream, problem: FilteredMixtureProblem, g: F64Block, b: F64Block): FilteredMixtureCounts {
    checkFilteredMixtureProblem(problem, g, b);
    const { d, labelling, check } = problem;
    return filteredMixtureGram(this.state(rng), {
      d, nFiltered: problem.nFiltered, nClean: problem.nClean, shift: problem.shift,
      flipProb: labelling.kind === "flip" ? labelling.probability : 0,
      labelDir: labelling.kind === "direction" ? this.array(labelling.direction, d) : null,
      keepIfAgree: problem.keepIfAgree, keepIfDisagree: problem.keepIfDisagree,
      checkRule: CHECK_CODE[check.kind],
      checkDir: check.kind === "direction" ? this.array(check.direction, d) : null,
      margin: check.kind === "none" ? 0 : check.margin,
      blockRows: filteredMixtureBlockRows(d),
    }, this.array(g, d * d), this.array(b, d));
  }

  // verified-mixture, exact sufficient statistics (issue 6)
  projectedMixtureMoments(rng: RandomStream, problem: ProjectedMixtureProblem, moments: F64Block): FilteredMixtureCounts {
    checkProjectedMixtureProblem(problem, moments);
    return projectedMixtureMoments(this.state(rng), projectedMixtureArguments(problem), this.array(moments, (problem.k + 1) ** 2));
  }

  fillWishart(rng: RandomStream, out: F64Block, p: number, dof: number, stride = p): void {
    checkWishart(out, p, dof, stride);
    if (p === 0) return;
    fillWishart(this.state(rng), this.array(out), p, dof, stride);
  }

  // ---- Filtered categorical refitting (weak-data) ----

  fillBetaCategoricalRows(rng: RandomStream, table: F64Block, shape: BetaCategoricalRows): void {
    checkBetaCategoricalRows(shape);
    const { rows, cols } = shape;
    categorical.fillBetaCategoricalRows(
      this.state(rng), this.array(table, rows * cols), rows, cols, shape.zeroRows, shape.betaA, shape.betaB, shape.dirichletTail,
    );
  }

  categoricalRowStats(table: F64Block, rows: number, cols: number, epsilon: number, stats: F64Block): void {
    checkRowStats(rows, cols, epsilon);
    categorical.categoricalRowStats(this.array(table, rows * cols), rows, cols, epsilon, this.array(stats, CATEGORICAL_STATS_LENGTH));
  }

  refitCategoricalRows(rng: RandomStream, buffers: CategoricalRefitBuffers, round: CategoricalRefitRound, stats: F64Block): void {
    checkRefitRound(round);
    const n = refitBufferLengths(round);
    categorical.refitCategoricalRows(
      this.state(rng), this.array(buffers.table, n.table), this.array(buffers.streak, n.streak), this.array(buffers.rejected, n.rejected),
      this.array(buffers.labels, n.labels), this.array(buffers.kept, n.kept), this.array(buffers.workspace, n.workspace),
      round.rows, round.cols, round.samples, round.gamma, round.rho, round.beta, LABEL_ALLOCATION[round.allocation],
      round.budget, round.alpha, round.expected, round.epsilon, this.array(stats, n.stats),
    );
  }
}
