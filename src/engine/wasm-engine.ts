// The Engine on wasm kernels: typed wrappers that pass block addresses and lengths.
import type { Block, Engine, F64Block, I32Block, RandomStream, TypedArray, U8Block, WasmBuild } from "./engine.js";
import {
  CATEGORICAL_STATS_LENGTH, LABEL_ALLOCATION, type BetaCategoricalRows, type CategoricalRefitBuffers, type CategoricalRefitRound,
} from "./categorical-rows.js";
import { checkBetaCategoricalRows, checkRefitRound, checkRowStats, refitBufferLengths } from "./categorical-refit.js";
import { loadKernels, type KernelExports, type LoadOptions } from "./load.js";
import { allocateBlock, allocateBytes, WasmBlock, type WasmHeap } from "./wasm-memory.js";
import { seedWords, checkStreamNumber } from "./seed.js";
import {
  CHECK_CODE, checkFilteredMixtureProblem, filteredMixtureBlockRows,
  type FilteredMixtureCounts, type FilteredMixtureProblem,
} from "./filtered-mixture.js";
import {
  checkProjectedMixtureProblem, projectedMixtureArguments, type ProjectedMixtureProblem,
} from "./projected-mixture.js";
import { checkWishart } from "./wishart.js";

class WasmStream implements RandomStream {
  constructor(
    private readonly engine: WasmEngine,
    readonly ptr: number,
    readonly seed: bigint,
    readonly stream: number,
  ) {}

  stateWords(): Uint32Array {
    const bytes = this.engine.kernels.rngStateBytes();
    return new Uint32Array(this.engine.kernels.memory.buffer, this.ptr, bytes >>> 2).slice();
  }

  free(): void {
    this.engine.kernels.free(this.ptr);
  }
}

export class WasmEngine implements Engine, WasmHeap {
  readonly kind = "wasm" as const;

  constructor(
    readonly kernels: KernelExports,
    readonly build: WasmBuild,
  ) {}

  static async create(options: LoadOptions = {}): Promise<WasmEngine> {
    const { exports, build } = await loadKernels(options);
    return new WasmEngine(exports, build);
  }

  get memory(): WebAssembly.Memory {
    return this.kernels.memory;
  }

  alloc(bytes: number): number {
    return this.kernels.alloc(bytes);
  }

  free(ptr: number): void {
    this.kernels.free(ptr);
  }

  f64(length: number): F64Block {
    return allocateBlock(this, Float64Array, length);
  }

  i32(length: number): I32Block {
    return allocateBlock(this, Int32Array, length);
  }

  u8(length: number): U8Block {
    return allocateBlock(this, Uint8Array, length);
  }

  stream(seed: bigint | number, stream = 0): RandomStream {
    const words = seedWords(seed);
    checkStreamNumber(stream);
    const ptr = allocateBytes(this, this.kernels.rngStateBytes());
    this.kernels.rngSeed(ptr, words.lo, words.hi, stream);
    return new WasmStream(this, ptr, words.seed, stream);
  }

  /** The address of a block of this engine, checked to hold at least n entries. */
  ptr<T extends TypedArray>(block: Block<T>, n = block.length): number {
    if (!(block instanceof WasmBlock) || block.heap !== this) throw new TypeError("block belongs to another engine");
    if (n > block.length) throw new RangeError(`kernel needs ${n} entries but the block holds ${block.length}`);
    return block.ptr;
  }

  private streamPtr(rng: RandomStream): number {
    if (!(rng instanceof WasmStream)) throw new TypeError("random stream belongs to another engine");
    return rng.ptr;
  }

  fillUniform(rng: RandomStream, out: F64Block, n = out.length): void {
    this.kernels.fillUniform(this.streamPtr(rng), this.ptr(out, n), n);
  }

  fillNormal(rng: RandomStream, out: F64Block, n = out.length): void {
    this.kernels.fillNormal(this.streamPtr(rng), this.ptr(out, n), n);
  }

  fillBernoulli(rng: RandomStream, out: U8Block, p: number, n = out.length): void {
    this.kernels.fillBernoulli(this.streamPtr(rng), this.ptr(out, n), n, p);
  }

  fillCategorical(rng: RandomStream, out: I32Block, cdf: F64Block, n = out.length): void {
    if (cdf.length === 0) throw new RangeError("categorical table is empty");
    this.kernels.fillCategorical(this.streamPtr(rng), this.ptr(out, n), n, this.ptr(cdf), cdf.length);
  }

  fillGamma(rng: RandomStream, out: F64Block, shape: number, n = out.length): void {
    if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
    this.kernels.fillGamma(this.streamPtr(rng), this.ptr(out, n), n, shape);
  }

  fillChiSquare(rng: RandomStream, out: F64Block, dof: number, n = out.length): void {
    if (!(dof > 0)) throw new RangeError(`chi-square degrees of freedom must be > 0, got ${dof}`);
    this.kernels.fillChiSquare(this.streamPtr(rng), this.ptr(out, n), n, dof);
  }

  dot(x: F64Block, y: F64Block, n = x.length): number {
    return this.kernels.dot(this.ptr(x, n), this.ptr(y, n), n);
  }

  axpy(a: number, x: F64Block, y: F64Block, n = x.length): void {
    this.kernels.axpy(a, this.ptr(x, n), this.ptr(y, n), n);
  }

  scale(a: number, x: F64Block, n = x.length): void {
    this.kernels.scale(a, this.ptr(x, n), n);
  }

  gemv(a: F64Block, x: F64Block, y: F64Block, rows: number, cols: number): void {
    this.kernels.gemv(this.ptr(a, rows * cols), this.ptr(x, cols), this.ptr(y, rows), rows, cols);
  }

  gramAccumulate(x: F64Block, y: F64Block, rows: number, d: number, g: F64Block, b: F64Block): void {
    this.kernels.gramAccumulate(this.ptr(x, rows * d), this.ptr(y, rows), rows, d, this.ptr(g, d * d), this.ptr(b, d));
  }

  gramSymmetrize(g: F64Block, d: number): void {
    this.kernels.gramSymmetrize(this.ptr(g, d * d), d);
  }

  cholesky(a: F64Block, d: number, ridge: number): number {
    return this.kernels.cholesky(this.ptr(a, d * d), d, ridge);
  }

  choleskySolve(l: F64Block, d: number, b: F64Block): void {
    this.kernels.choleskySolve(this.ptr(l, d * d), d, this.ptr(b, d));
  }

  // Fused loops of scenarios.

  // verified-mixture (issue 3)
  filteredMixtureGram(rng: RandomStream, problem: FilteredMixtureProblem, g: F64Block, b: F64Block): FilteredMixtureCounts {
    checkFilteredMixtureProblem(problem, g, b);
    const { d, labelling, check } = problem;
    const blockRows = filteredMixtureBlockRows(d);
    const work = this.f64(this.kernels.filteredMixtureWorkLength(d, blockRows));
    const counts = this.f64(2);
    try {
      this.kernels.filteredMixtureGram(
        this.streamPtr(rng), d, problem.nFiltered, problem.nClean, problem.shift,
        labelling.kind === "flip" ? labelling.probability : 0,
        labelling.kind === "direction" ? this.ptr(labelling.direction, d) : 0,
        problem.keepIfAgree, problem.keepIfDisagree,
        CHECK_CODE[check.kind],
        check.kind === "direction" ? this.ptr(check.direction, d) : 0,
        check.kind === "none" ? 0 : check.margin,
        this.ptr(work), blockRows, this.ptr(g, d * d), this.ptr(b, d), this.ptr(counts),
      );
      return { kept: counts.view[0], keptAgree: counts.view[1] };
    } finally {
      counts.free();
      work.free();
    }
  }

  // verified-mixture, exact sufficient statistics (issue 6)
  projectedMixtureMoments(rng: RandomStream, problem: ProjectedMixtureProblem, moments: F64Block): FilteredMixtureCounts {
    checkProjectedMixtureProblem(problem, moments);
    const a = projectedMixtureArguments(problem);
    const work = this.f64(this.kernels.projectedMixtureWorkLength());
    const counts = this.f64(2);
    try {
      this.kernels.projectedMixtureMoments(
        this.streamPtr(rng), a.k, a.nFiltered, a.nClean, a.shift,
        a.labelRule, a.flipProb, a.c[0], a.c[1], a.c[2],
        a.keepIfAgree, a.keepIfDisagree,
        a.checkRule, a.v[0], a.v[1], a.v[2], a.margin,
        this.ptr(work), this.ptr(moments, (a.k + 1) ** 2), this.ptr(counts),
      );
      return { kept: counts.view[0], keptAgree: counts.view[1] };
    } finally {
      counts.free();
      work.free();
    }
  }

  fillWishart(rng: RandomStream, out: F64Block, p: number, dof: number, stride = p): void {
    checkWishart(out, p, dof, stride);
    if (p === 0) return;
    const work = this.f64(this.kernels.wishartWorkLength(p));
    try {
      this.kernels.fillWishart(this.streamPtr(rng), this.ptr(out), p, dof, stride, this.ptr(work));
    } finally {
      work.free();
    }
  }

  // ---- Filtered categorical refitting (weak-data) ----

  fillBetaCategoricalRows(rng: RandomStream, table: F64Block, shape: BetaCategoricalRows): void {
    checkBetaCategoricalRows(shape);
    const { rows, cols } = shape;
    this.kernels.fillBetaCategoricalRows(
      this.streamPtr(rng), this.ptr(table, rows * cols), rows, cols, shape.zeroRows, shape.betaA, shape.betaB, shape.dirichletTail,
    );
  }

  categoricalRowStats(table: F64Block, rows: number, cols: number, epsilon: number, stats: F64Block): void {
    checkRowStats(rows, cols, epsilon);
    this.kernels.categoricalRowStats(this.ptr(table, rows * cols), rows, cols, epsilon, this.ptr(stats, CATEGORICAL_STATS_LENGTH));
  }

  refitCategoricalRows(rng: RandomStream, buffers: CategoricalRefitBuffers, round: CategoricalRefitRound, stats: F64Block): void {
    checkRefitRound(round);
    const n = refitBufferLengths(round);
    this.kernels.refitCategoricalRows(
      this.streamPtr(rng), this.ptr(buffers.table, n.table), this.ptr(buffers.streak, n.streak), this.ptr(buffers.rejected, n.rejected),
      this.ptr(buffers.labels, n.labels), this.ptr(buffers.kept, n.kept), this.ptr(buffers.workspace, n.workspace),
      round.rows, round.cols, round.samples, round.gamma, round.rho, round.beta, LABEL_ALLOCATION[round.allocation],
      round.budget, round.alpha, round.expected, round.epsilon, this.ptr(stats, n.stats),
    );
  }
}
