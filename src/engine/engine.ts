// The engine API, written once over the kernel table (kernel-table.ts): argument checks, buffer
// sizes, the kernels' codes and scratch memory are handled here for every engine, the same way,
// before any random number is drawn. An engine supplies three hooks: its kernels (the table's
// functions over its kind of address), how it allocates a block, and a block's address. The wasm
// kernels (wasm-engine.ts) and the plain-TypeScript reference (reference-engine.ts) are the two.
import type { Block, F64Block, I32Block, RandomStream, TypedArray, TypedArrayConstructor, U32Block, U8Block } from "./block.js";
import type { Addressing, KernelFunctions, Parameter, Sampler } from "./kernel-arguments.js";
import { KERNELS, type KernelName, type KernelTable } from "./kernel-table.js";
import { EngineStream, STREAM_STATE_WORDS, checkStreamNumber, seedWords } from "./random-stream.js";
import {
  CHECK_CODE, COUNTS, checkGramProblem, checkMomentsProblem, checkRowsProblem, countsOf, gramBlockRows, labellingArguments, paddedCoordinates,
  type FilteredMixtureCounts, type FilteredMixtureMomentsProblem, type FilteredMixtureProblem,
} from "./filtered-mixture.js";
import { LOGISTIC_TOLERANCE, checkLogisticProblem } from "./logistic-fit.js";
import {
  LABEL_ALLOCATION, CATEGORICAL_STATS_LENGTH, checkBetaCategoricalRows, checkCuration, checkRefitRound, checkRowStats, refitBufferLengths,
  type BetaCategoricalRows, type CategoricalCuration, type CategoricalRefitBuffers, type CategoricalRefitRound,
} from "./categorical-rows.js";
import { checkWishart } from "./wishart.js";
import { checkCount, checkPool, checkWeights, weightsError } from "./count-samplers.js";
import { WEIGHTS_VALID } from "./constants/count-samplers.js";
import { TAILS_CONDITIONAL_LENGTH, TAILS_METRICS_LENGTH, checkSymbols, checkTemperature } from "./categorical-tails.js";
import {
  SOFTMAX_STATS_LENGTH, checkSoftmaxShape, checkSoftmaxStart, checkSoftmaxTraining, softmaxModelBufferLengths,
  type SoftmaxModelBuffers, type SoftmaxModelShape, type SoftmaxPrompts, type SoftmaxStart, type SoftmaxTraining,
} from "./softmax-model.js";

export type EngineKind = "wasm" | "js";
export type WasmBuild = "release-simd" | "release" | "debug";

/** How an engine of addressing M hands a block of T to its kernels. */
export type Address<M extends Addressing, T extends TypedArray> =
  T extends Float64Array ? M["f64"] : T extends Int32Array ? M["i32"] : T extends Uint32Array ? M["u32"] : M["u8"];

type SamplerName = { [K in KernelName]: KernelTable[K] extends Sampler ? K : never }[KernelName];

type Elements<O> = O extends "f64" ? Float64Array : O extends "i32" ? Int32Array : Uint8Array;

type Numbers<P extends readonly unknown[]> = { -readonly [I in keyof P]: number };

/** Every sampler of the table as a method: (rng, out, ...its parameters, n = out.length). */
type SamplerMethods = {
  [K in SamplerName]: (
    rng: RandomStream, out: Block<Elements<KernelTable[K]["out"]>>, ...rest: [...Numbers<KernelTable[K]["parameters"]>, n?: number]
  ) => void;
};

// The sampler methods, installed from the table by the class's static block.
export interface Engine<M extends Addressing = any> extends SamplerMethods {}

/**
 * An engine: blocks of memory, random streams, and the kernels on them. `Engine` (M = any) is
 * the type every engine has; M is how the engine's kernels address memory.
 */
export abstract class Engine<M extends Addressing = any> {
  abstract readonly kind: EngineKind;
  /** Which code runs the kernels: a wasm build's name, or "reference". */
  abstract readonly build: WasmBuild | "reference";
  /**
   * The kernels themselves, on addresses from addressOf: the zero-copy tier, for callers who
   * manage blocks and check arguments themselves (nothing is checked here).
   */
  abstract readonly kernels: KernelFunctions<KernelTable, M>;

  /** A fresh block of `length` zeros. */
  protected abstract allocate<T extends TypedArray>(type: TypedArrayConstructor<T>, length: number): Block<T>;

  /** Where a block of this engine lives, as its kernels take it; refuses another engine's block. */
  abstract addressOf<T extends TypedArray>(block: Block<T>): Address<M, T>;

  // Every sampler of the table becomes a method (see samplerMethod).
  static {
    for (const name of Object.keys(KERNELS) as KernelName[]) {
      if (!("parameters" in KERNELS[name])) continue;
      const method = Engine.samplerMethod(name as SamplerName);
      Object.defineProperty(Engine.prototype, name, { value: method, writable: true, configurable: true });
    }
  }

  /**
   * A zero-filled block. On the wasm engine a RangeError says when memory is exhausted (wasm32
   * holds at most 4 GiB); that engine must not be used again afterwards.
   */
  f64(length: number): F64Block {
    return this.allocate(Float64Array, checkLength(length));
  }

  i32(length: number): I32Block {
    return this.allocate(Int32Array, checkLength(length));
  }

  u32(length: number): U32Block {
    return this.allocate(Uint32Array, checkLength(length));
  }

  u8(length: number): U8Block {
    return this.allocate(Uint8Array, checkLength(length));
  }

  /** A stream for a 64-bit seed (0 <= seed < 2^64) and a stream number (0 <= stream < 2^32). */
  stream(seed: bigint | number, stream = 0): RandomStream {
    const words = seedWords(seed);
    checkStreamNumber(stream);
    const state = this.u32(STREAM_STATE_WORDS);
    const rng = new EngineStream(this, state, this.addressOf(state), words.seed, stream);
    this.kernels.rngSeed(this.streamAddress(rng), words.lo, words.hi, stream);
    return rng;
  }

  /** Categories drawn from a cumulative table (cdf[j] = p_0 + ... + p_j, total need not be 1). */
  fillCategorical(rng: RandomStream, out: I32Block, cdf: F64Block, n = out.length): void {
    if (cdf.length === 0) throw new RangeError("fillCategorical: the cumulative table is empty");
    this.kernels.fillCategorical(this.streamAddress(rng), this.address(out, n), n, this.address(cdf), cdf.length);
  }

  /** Good items among `sample` drawn without replacement from good + bad (exact; counts below 2^53). */
  fillHypergeometric(rng: RandomStream, out: F64Block, good: number, bad: number, sample: number, n = out.length): void {
    checkCount("fillHypergeometric", "good", good);
    checkCount("fillHypergeometric", "bad", bad);
    if (checkCount("fillHypergeometric", "sample", sample) > good + bad) {
      throw new RangeError(`fillHypergeometric: sample = ${sample} is more than good + bad = ${good + bad}`);
    }
    this.kernels.fillHypergeometric(this.streamAddress(rng), this.address(out, n), n, good, bad, sample);
  }

  /** counts (k = weights.length entries) = Multinomial(tokens, weights / their sum), in O(k) exact binomial draws. */
  multinomialCounts(rng: RandomStream, weights: F64Block, tokens: number, counts: F64Block, k = weights.length): void {
    checkCount("multinomialCounts", "tokens", tokens);
    // The kernel checks the weights on its first pass, before it draws (a pass here would cost as much).
    const verdict = this.kernels.multinomialCounts(this.streamAddress(rng), this.address(weights, k), k, tokens, this.address(counts, k));
    if (verdict !== WEIGHTS_VALID) throw weightsError("multinomialCounts", weights, verdict);
  }

  /** out = p^(1/temperature) on the support of p, normalised (k = p.length entries). */
  temperatureTransform(p: F64Block, temperature: number, out: F64Block, k = p.length): void {
    checkSymbols("temperatureTransform", k);
    checkTemperature(p, this.checkedLength(p, k), temperature);
    this.kernels.temperatureTransform(this.address(p, k), k, 1 / temperature, this.address(out, k));
  }

  /** stats = supportSize, lostMass, tailMass, gini, entropy of the model p against the base p0 (k = p.length symbols). */
  categoricalTailsMetrics(p: F64Block, p0: F64Block, tailRank: number, stats: F64Block, k = p.length): void {
    checkSymbols("categoricalTailsMetrics", k, tailRank);
    this.kernels.categoricalTailsMetrics(this.address(p, k), this.address(p0, k), k, tailRank, this.address(stats, TAILS_METRICS_LENGTH));
  }

  /** keep = the entries i < k with source_i > 0, in order; returns how many, and the p0 mass of the others (k = source.length). */
  liveSymbols(source: F64Block, p0: F64Block, keep: I32Block, k = source.length): { live: number; deadMass: number } {
    checkSymbols("liveSymbols", k);
    return this.withScratch([1], (dead) => {
      const live = this.kernels.liveSymbols(this.address(source, k), this.address(p0, k), k, this.address(keep, k), this.address(dead));
      return { live, deadMass: dead.view[0] };
    });
  }

  /**
   * stats = E[supportSize, lostMass, tailMass, gini | now] of a round training on the counts
   * `fixed` (or none), `real` tokens from p0 and `synthetic` tokens from q (k = p0.length symbols).
   */
  categoricalTailsConditional(
    p0: F64Block, q: F64Block, fixed: F64Block | null, real: number, synthetic: number, tailRank: number, stats: F64Block, k = p0.length,
  ): void {
    checkSymbols("categoricalTailsConditional", k, tailRank);
    checkCount("categoricalTailsConditional", "real", real);
    checkCount("categoricalTailsConditional", "synthetic", synthetic);
    this.kernels.categoricalTailsConditional(
      this.address(p0, k), this.address(q, k), fixed ? this.address(fixed, k) : this.address(p0, k), fixed !== null, k, real, synthetic, tailRank,
      this.address(stats, TAILS_CONDITIONAL_LENGTH),
    );
  }

  /**
   * counts (m = p.length entries) = the atoms of `samples` curated samples of p: each draws
   * `choices` atoms iid from p and keeps one with probability proportional to its weight w.
   */
  curatedCounts(rng: RandomStream, p: F64Block, w: F64Block, choices: number, samples: number, counts: F64Block, m = p.length): void {
    checkWeights("curatedCounts", p, this.checkedLength(p, m));
    const weights = w.view.subarray(0, this.checkedLength(w, m));
    const bad = weights.findIndex((x) => !(x > 0 && x < Infinity));
    if (bad >= 0) throw new RangeError(`curatedCounts: w[${bad}] must be finite and > 0, got ${weights[bad]}`);
    if (!Number.isInteger(choices) || choices < 1 || choices > 1 << 20) throw new RangeError(`curatedCounts: choices must be an integer in [1, 2^20], got ${choices}`);
    checkCount("curatedCounts", "samples", samples);
    this.withScratch([3 * m + choices], (work) => {
      this.kernels.curatedCounts(this.streamAddress(rng), this.address(p, m), this.address(w, m), m, choices, samples, this.address(counts, m), this.address(work));
    });
  }

  /** counts (k = pool.length entries) = `tokens` of the pool's tokens drawn without replacement (multivariate hypergeometric). */
  hypergeometricCounts(rng: RandomStream, pool: F64Block, tokens: number, counts: F64Block, k = pool.length): void {
    checkPool("hypergeometricCounts", pool, this.checkedLength(pool, k), tokens);
    this.kernels.hypergeometricCounts(this.streamAddress(rng), this.address(pool, k), k, tokens, this.address(counts, k));
  }

  /**
   * A Wishart_p(dof, I) draw (the law of Z^T Z, Z a dof x p standard normal matrix) written into
   * out, both triangles, row i at out[i * stride] (stride defaults to p, so a block of a larger
   * matrix can be filled in place). dof > p - 1: the Bartlett decomposition, O(p^3) whatever
   * dof; an integer dof in [0, p - 1]: the Gram matrix of dof drawn rows. Bit-identical in every
   * build and the reference (assembly/wishart.ts).
   */
  fillWishart(rng: RandomStream, out: F64Block, p: number, dof: number, stride = p): void {
    checkWishart(out, p, dof, stride);
    if (p === 0) return;
    this.withScratch([this.kernels.wishartWorkLength(p)], (work) => {
      this.kernels.fillWishart(this.streamAddress(rng), this.address(out), p, dof, stride, this.address(work));
    });
  }

  /**
   * A Bartlett factor of Wishart_p(dof, I), dof > p - 1, into out (row i at out[i * stride]): the
   * lower-triangular A with A A^T ~ Wishart_p(dof, I), zeros above the diagonal. Row i draws its
   * i normals, then the chi-square of dof - i degrees of freedom (assembly/triangular.ts).
   */
  fillBartlett(rng: RandomStream, out: F64Block, p: number, dof: number, stride = p): void {
    checkWishart(out, p, dof, stride);
    if (!(dof > p - 1)) throw new RangeError(`fillBartlett: dof must be > p - 1 = ${p - 1}, got ${dof}`);
    this.kernels.fillBartlett(this.streamAddress(rng), this.address(out), p, dof, stride);
  }

  /** out = L L^T (d x d, both triangles) for the lower triangle of l; every sum in one order in every engine. */
  lowerGram(l: F64Block, d: number, out: F64Block): void {
    this.kernels.lowerGram(this.address(l, square(d)), d, this.address(out, d * d));
  }

  /** l <- l a in place, both d x d lower triangular. */
  lowerProduct(l: F64Block, a: F64Block, d: number): void {
    this.withScratch([dimension(d)], (work) => this.kernels.lowerProduct(this.address(l, d * d), this.address(a, d * d), d, this.address(work)));
  }

  /** l <- l^-1 in place (lower triangular, non-zero diagonal). */
  lowerInverse(l: F64Block, d: number): void {
    this.withScratch([dimension(d)], (work) => this.kernels.lowerInverse(this.address(l, d * d), d, this.address(work)));
  }

  /** Solves l x = b, or l^T x = b when transposed, in place (b becomes x). */
  lowerSolve(l: F64Block, d: number, b: F64Block, transposed = false): void {
    this.kernels.lowerSolve(this.address(l, square(d)), d, this.address(b, d), transposed);
  }

  /** x <- l x, or x <- l^T x when transposed, in place (l d x d lower triangular); every sum in one order in every engine. */
  lowerTimes(l: F64Block, d: number, x: F64Block, transposed = false): void {
    this.kernels.lowerTimes(this.address(l, square(d)), d, this.address(x, d), transposed);
  }

  /**
   * Factorises a + ridge I in place (lower triangle), every sum in one order in every engine:
   * 0, or 1 + the first non-positive pivot.
   */
  choleskyInOrder(a: F64Block, d: number, ridge = 0): number {
    return this.kernels.choleskyInOrder(this.address(a, square(d)), d, ridge);
  }

  /** c = a b, or c += a b (accumulate), with a m x k, b k x n, c m x n, row-major; each entry summed in order of k. */
  matrixProduct(a: F64Block, b: F64Block, c: F64Block, m: number, k: number, n: number, accumulate = false): void {
    for (const [name, size] of [["m", m], ["k", k], ["n", n]] as const) count(name, size);
    this.kernels.matrixProduct(this.address(a, m * k), this.address(b, k * n), this.address(c, m * n), m, k, n, accumulate);
  }

  /**
   * c = a^T b, or c += a^T b (accumulate), with a rows x m and b rows x n whose rows are lda and
   * ldb entries apart (a table's columns, a labels column), c m x n; each entry summed in order of the rows.
   * `upper` (a symmetric product, m = n): only the entries j >= i are summed, the lower triangle copied.
   */
  transposeProduct(a: F64Block, b: F64Block, c: F64Block, rows: number, m: number, n: number, lda = m, ldb = n, accumulate = false, upper = false): void {
    if (upper && m !== n) throw new RangeError(`transposeProduct: upper needs m = n, got ${m} and ${n}`);
    for (const [name, size] of [["rows", rows], ["m", m], ["n", n]] as const) count(name, size);
    if (!(count("lda", lda) >= m && count("ldb", ldb) >= n)) throw new RangeError(`transposeProduct: lda = ${lda} < m = ${m} or ldb = ${ldb} < n = ${n}`);
    const span = (ld: number, width: number) => (rows === 0 ? 0 : (rows - 1) * ld + width);
    this.kernels.transposeProduct(this.address(a, span(lda, m)), this.address(b, span(ldb, n)), this.address(c, m * n), rows, m, n, lda, ldb, accumulate, upper);
  }

  /** out = a a^T (rows x rows) for a rows x d with rows lda entries apart; each entry a dot product in one order. */
  rowGram(a: F64Block, rows: number, d: number, out: F64Block, lda = d): void {
    count("rows", rows);
    if (!(count("lda", lda) >= dimension(d))) throw new RangeError(`rowGram: lda = ${lda} < d = ${d}`);
    this.kernels.rowGram(this.address(a, rows === 0 ? 0 : (rows - 1) * lda + d), rows, d, lda, this.address(out, rows * rows));
  }

  /**
   * The eigenvalues of the symmetric d x d matrix a (lower triangle read, a destroyed) into
   * values, unsorted: 0, or 1 when the QL iteration did not converge.
   */
  symmetricEigenvalues(a: F64Block, d: number, values: F64Block): number {
    return this.withScratch([dimension(d)], (work) => this.kernels.symmetricEigenvalues(this.address(a, d * d), d, this.address(values, d), this.address(work)));
  }

  /** rows points of N(mean, scale^2 L L^T) into out (rows x d), L the lower triangle of factor (assembly/point-rows.ts). */
  fillGaussianRows(rng: RandomStream, out: F64Block, rows: number, d: number, mean: F64Block, factor: F64Block, scale = 1): void {
    count("rows", rows);
    this.kernels.fillGaussianRows(
      this.streamAddress(rng), this.address(out, rows * d), rows, d, this.address(mean, d), this.address(factor, square(d)), scale,
    );
  }

  /** The mean of rows x d points into mean, their scatter about it (both triangles) into scatter. */
  rowMoments(x: F64Block, rows: number, d: number, mean: F64Block, scatter: F64Block): void {
    count("rows", rows);
    this.withScratch([dimension(d)], (work) => {
      this.kernels.rowMoments(this.address(x, rows * d), rows, d, this.address(mean, d), this.address(scatter, d * d), this.address(work));
    });
  }

  /** Moves a uniform k-subset of the count rows of table (width entries each) to its front, without replacement, one uniform per row moved. */
  subsampleRows(rng: RandomStream, table: F64Block, rowCount: number, width: number, k: number): void {
    count("width", width);
    if (!(count("k", k) <= count("count", rowCount))) throw new RangeError(`subsampleRows: k = ${k} rows out of ${rowCount}`);
    this.kernels.subsampleRows(this.streamAddress(rng), this.address(table, rowCount * width), rowCount, width, k);
  }

  /** y = x w + noise z for rows x d inputs x, z drawn (rows normals) from rng. */
  fillLinearLabels(rng: RandomStream, x: F64Block, rows: number, d: number, w: F64Block, noise: number, y: F64Block): void {
    count("rows", rows);
    count("d", d);
    this.kernels.fillLinearLabels(this.streamAddress(rng), this.address(x, rows * d), rows, d, this.address(w, d), noise, this.address(y, rows));
  }

  dot(x: F64Block, y: F64Block, n = x.length): number {
    return this.kernels.dot(this.address(x, n), this.address(y, n), n);
  }

  /** y += a x over n entries. */
  axpy(a: number, x: F64Block, y: F64Block, n = x.length): void {
    this.kernels.axpy(a, this.address(x, n), this.address(y, n), n);
  }

  /** x *= a over n entries. */
  scale(a: number, x: F64Block, n = x.length): void {
    this.kernels.scale(a, this.address(x, n), n);
  }

  /** out = x / divisor, entry by entry (n = x.length entries); out may be x. */
  quotient(x: F64Block, divisor: number, out: F64Block, n = x.length): void {
    this.kernels.quotient(this.address(x, n), n, divisor, this.address(out, n));
  }

  /** y = A x, A of rows x cols, row-major. */
  gemv(a: F64Block, x: F64Block, y: F64Block, rows: number, cols: number): void {
    this.kernels.gemv(this.address(a, rows * cols), this.address(x, cols), this.address(y, rows), rows, cols);
  }

  /** Upper triangle of G += X^T X and b += X^T y over `rows` rows of X (rows x d). */
  gramAccumulate(x: F64Block, y: F64Block, rows: number, d: number, g: F64Block, b: F64Block): void {
    this.kernels.gramAccumulate(this.address(x, rows * d), this.address(y, rows), rows, d, this.address(g, d * d), this.address(b, d));
  }

  /** Copies G's upper triangle into its lower one. */
  gramSymmetrize(g: F64Block, d: number): void {
    this.kernels.gramSymmetrize(this.address(g, d * d), d);
  }

  /** Factorises A + ridge I in place (lower triangle); 0, or 1 + the first non-positive pivot. */
  cholesky(a: F64Block, d: number, ridge: number): number {
    return this.kernels.cholesky(this.address(a, d * d), d, ridge);
  }

  /** Solves L L^T x = b in place with L from cholesky. */
  choleskySolve(l: F64Block, d: number, b: F64Block): void {
    this.kernels.choleskySolve(this.address(l, d * d), d, this.address(b, d));
  }

  /**
   * Draws problem.nFiltered + problem.nClean points of a two-class Gaussian mixture from rng,
   * labels, selects and filters them (FilteredMixtureProblem), and adds the kept points' X^T X
   * (upper triangle, see gramSymmetrize) to g and X^T labels to b, unnormalised, in
   * O(block * d + d^2) memory. assembly/filtered-mixture-points.ts documents the rules and the
   * stream order.
   */
  filteredMixtureGram(rng: RandomStream, problem: FilteredMixtureProblem, g: F64Block, b: F64Block): FilteredMixtureCounts {
    checkGramProblem(problem, g, b);
    const { d } = problem;
    const blockRows = gramBlockRows(d);
    const workLength = this.kernels.filteredMixtureGramWorkLength(d, blockRows, problem.candidates ?? 1);
    return this.withScratch([workLength, COUNTS, 0], (work, counts, none) => {
      this.kernels.filteredMixtureGram(
        this.streamAddress(rng), ...this.pointsRules(problem, none),
        this.address(work), blockRows, this.address(g, d * d), this.address(b, d), this.address(counts),
      );
      return countsOf(counts);
    });
  }

  /**
   * The same points, rules and stream use as filteredMixtureGram, the kept points stored rather
   * than summed: the n-th kept point (the nClean points last) as row n of rows (row-major, d
   * entries a row, room for nFiltered + nClean rows) and its label as labels[n]. Returns the
   * counts and the rows written, kept + nClean.
   */
  filteredMixtureRows(rng: RandomStream, problem: FilteredMixtureProblem, rows: F64Block, labels: F64Block): FilteredMixtureCounts & { rows: number } {
    checkRowsProblem(problem, rows, labels);
    const { d, nFiltered, nClean } = problem;
    return this.withScratch([this.kernels.filteredMixtureRowsWorkLength(problem.candidates ?? 1), COUNTS, 0], (work, counts, none) => {
      this.kernels.filteredMixtureRows(
        this.streamAddress(rng), ...this.pointsRules(problem, none),
        this.address(work), this.address(rows, (nFiltered + nClean) * d), this.address(labels, nFiltered + nClean), this.address(counts),
      );
      const result = countsOf(counts);
      return { ...result, rows: result.kept + nClean };
    });
  }

  /**
   * The same points, labels and keep rule as filteredMixtureGram, drawn only through their k <= 3
   * coordinates p in an orthonormal frame (FilteredMixtureMomentsProblem): sets moments
   * ((k+1) x (k+1), row-major, symmetric) to M^T M over the kept points, M's rows being
   * (p, label), in O(m k) time and O(1) memory; with label-only rules (flip labels, no check, one
   * candidate) in O(k^3) whatever m, the group sizes drawn as one multinomial. Counts are f64, so
   * up to 2^53 points. Bit-identical in
   * every build and the reference; assembly/filtered-mixture-moments.ts documents the stream order.
   */
  filteredMixtureMoments(rng: RandomStream, problem: FilteredMixtureMomentsProblem, moments: F64Block): FilteredMixtureCounts {
    checkMomentsProblem(problem, moments);
    const { k, labelling, check } = problem;
    const label = labellingArguments(labelling);
    const [c0, c1, c2] = paddedCoordinates(labelling.kind === "flip" ? null : labelling.direction);
    const [v0, v1, v2] = paddedCoordinates(check.kind === "direction" ? check.direction : null);
    return this.withScratch([this.kernels.filteredMixtureMomentsWorkLength(), COUNTS], (work, counts) => {
      this.kernels.filteredMixtureMoments(
        this.streamAddress(rng), k, problem.nFiltered, problem.nClean, problem.shift,
        label.code, label.flipProb, c0, c1, c2, label.sharpness, problem.candidates ?? 1,
        problem.keepIfAgree, problem.keepIfDisagree,
        CHECK_CODE[check.kind], v0, v1, v2, check.kind === "none" ? 0 : check.margin,
        this.address(work), this.address(moments, (k + 1) ** 2), this.address(counts),
      );
      return countsOf(counts);
    });
  }

  /**
   * Fits ridge-penalised logistic regression to the n points of x (row-major, n x d) with labels
   * +-1 by Newton's method: w (d entries) minimises (1/normaliser) sum_i log(1 + e^(-y_i w . x_i))
   * + (ridge / 2) |w|^2, to a gradient of norm at most `tolerance`. normaliser: the count the loss
   * is divided by (>= 1; it may exceed n). Returns the Newton iterations taken; throws if the
   * fit does not converge. assembly/logistic-fit.ts documents the method.
   */
  logisticFit(x: F64Block, labels: F64Block, n: number, d: number, normaliser: number, ridge: number, w: F64Block, tolerance = LOGISTIC_TOLERANCE): number {
    checkLogisticProblem(x, labels, n, d, normaliser, ridge, w, tolerance);
    const iterations = this.withScratch([this.kernels.logisticFitWorkLength(n, d)], (work) => this.kernels.logisticFit(
      this.address(x, n * d), this.address(labels, n), n, d, normaliser, ridge, tolerance, this.address(w, d), this.address(work),
    ));
    if (iterations < 0) throw new Error(`logisticFit: no convergence to a gradient of ${tolerance} within the Newton iterations allowed (n = ${n}, d = ${d}, ridge = ${ridge})`);
    return iterations;
  }

  /** Fills a table of categorical rows (see BetaCategoricalRows). */
  fillBetaCategoricalRows(rng: RandomStream, table: F64Block, shape: BetaCategoricalRows): void {
    checkBetaCategoricalRows(shape);
    const { rows, cols } = shape;
    this.kernels.fillBetaCategoricalRows(
      this.streamAddress(rng), this.address(table, rows * cols), rows, cols, shape.zeroRows, shape.betaA, shape.betaB, shape.dirichletTail,
    );
  }

  /** Accuracy (mean p0), solved and unsolved fractions, mean entropy and Gini diversity into stats (CATEGORICAL_STATS). */
  categoricalRowStats(table: F64Block, rows: number, cols: number, epsilon: number, stats: F64Block): void {
    checkRowStats(rows, cols, epsilon);
    this.kernels.categoricalRowStats(this.address(table, rows * cols), rows, cols, epsilon, this.address(stats, CATEGORICAL_STATS_LENGTH));
  }

  /** One round: sample, filter, allocate labels, refit every row; all CATEGORICAL_STATS of the new table into stats. */
  refitCategoricalRows(rng: RandomStream, buffers: CategoricalRefitBuffers, round: CategoricalRefitRound, stats: F64Block): void {
    checkRefitRound(round);
    const n = refitBufferLengths(round);
    this.kernels.refitCategoricalRows(
      this.streamAddress(rng), this.address(buffers.table, n.table), this.address(buffers.streak, n.streak),
      this.address(buffers.rejected, n.rejected), this.address(buffers.labels, n.labels), this.address(buffers.kept, n.kept),
      this.address(buffers.workspace, n.workspace), round.rows, round.cols, round.samples, round.gamma, round.rho, round.beta,
      LABEL_ALLOCATION[round.allocation], round.budget, round.alpha, round.expected, round.epsilon, this.address(stats, n.stats),
    );
  }

  /**
   * The arguments that filteredMixtureGram and filteredMixtureRows share after the stream, from
   * d to margin; a direction the rules do not use is passed as `none`, an empty block the kernel does not read.
   */
  private pointsRules(problem: FilteredMixtureProblem, none: F64Block) {
    const { d, labelling, check } = problem;
    const label = labellingArguments(labelling);
    return [
      d, problem.nFiltered, problem.nClean, problem.shift,
      label.code, label.flipProb, labelling.kind === "flip" ? this.addressOf(none) : this.address(labelling.direction, d),
      label.sharpness, problem.candidates ?? 1, problem.keepIfAgree, problem.keepIfDisagree,
      CHECK_CODE[check.kind], check.kind === "direction" ? this.address(check.direction, d) : this.addressOf(none),
      check.kind === "none" ? 0 : check.margin,
    ] as const;
  }

  /**
   * Draws a softmax model's world into model: the teacher, the training and held-out prompts
   * with their correct responses, and the starting weights. assembly/softmax-model-fill.ts
   * documents the stream order.
   */
  fillSoftmaxModel(rng: RandomStream, model: SoftmaxModelBuffers, shape: SoftmaxModelShape, start: SoftmaxStart): void {
    checkSoftmaxShape("fillSoftmaxModel", shape);
    checkSoftmaxStart(start);
    const { rows, testRows, cols, features } = shape;
    const n = softmaxModelBufferLengths(shape);
    this.withScratch([features * cols + cols], (work) => {
      this.kernels.fillSoftmaxModel(
        this.streamAddress(rng), this.address(model.train.features, n.features), this.address(model.train.correct, n.correct),
        this.address(model.test.features, n.testFeatures), this.address(model.test.correct, n.testCorrect),
        this.address(model.teacher, n.teacher), this.address(model.weights, n.weights),
        rows, testRows, cols, features, start.initialScale, start.initialAlignment, this.address(work),
      );
    });
  }

  /**
   * The probabilities softmax(W x) of `rows` prompts as categorical rows, correct response first,
   * into table (rows x cols), and their statistics into stats: CATEGORICAL_STATS (a row solved only
   * at p = 1) and SOFTMAX_STATS.
   */
  softmaxModelRows(weights: F64Block, prompts: SoftmaxPrompts, rows: number, cols: number, features: number, table: F64Block, stats: F64Block): void {
    checkSoftmaxShape("softmaxModelRows", { rows, testRows: 1, cols, features });
    this.withScratch([features * cols + cols], (work) => {
      this.kernels.softmaxModelRows(
        this.address(weights, cols * features), this.address(prompts.features, rows * features), this.address(prompts.correct, rows),
        rows, cols, features, this.address(table, rows * cols), this.address(work), this.address(stats, SOFTMAX_STATS_LENGTH),
      );
    });
  }

  /**
   * One round's curation of the training prompts, whose probabilities are refit.table
   * (softmaxModelRows): drawn, filtered and given labels or extra samples as refitCategoricalRows
   * does, the curated pairs summed into model.curated and model.targets; the accepted, labels and
   * extra samples shares into stats. assembly/softmax-model-curate.ts documents the stream order.
   */
  curateSoftmaxModel(
    rng: RandomStream, refit: CategoricalRefitBuffers, model: SoftmaxModelBuffers, shape: SoftmaxModelShape,
    curation: CategoricalCuration, stats: F64Block,
  ): void {
    checkSoftmaxShape("curateSoftmaxModel", shape);
    // The training prompts are sampled: a whole budget, or Infinity.
    checkCuration("curateSoftmaxModel", curation, false);
    const { rows, cols, features } = shape;
    const r = refitBufferLengths({ rows, cols, samples: curation.samples, expected: false });
    const n = softmaxModelBufferLengths(shape);
    this.kernels.curateSoftmaxModel(
      this.streamAddress(rng), this.address(refit.table, r.table), this.address(refit.streak, r.streak),
      this.address(refit.rejected, r.rejected), this.address(refit.labels, r.labels), this.address(refit.kept, r.kept),
      this.address(refit.workspace, r.workspace), this.address(model.train.features, n.features), this.address(model.train.correct, n.correct),
      rows, cols, features, curation.samples, curation.gamma, curation.rho, curation.beta,
      LABEL_ALLOCATION[curation.allocation], curation.budget, this.address(model.curated, n.curated), this.address(model.targets, n.targets),
      this.address(stats, CATEGORICAL_STATS_LENGTH),
    );
  }

  /** The gradient of the last round's loss (assembly/softmax-model-train.ts) at model.weights into gradient (cols x features). */
  softmaxModelGradient(model: SoftmaxModelBuffers, shape: SoftmaxModelShape, ridge: number, gradient: F64Block): void {
    checkSoftmaxShape("softmaxModelGradient", shape);
    checkSoftmaxTraining({ steps: 0, learningRate: 0, ridge });
    const { rows, cols, features } = shape;
    const n = softmaxModelBufferLengths(shape);
    this.withScratch([this.kernels.softmaxModelWorkLength(cols, features)], (work) => {
      this.kernels.softmaxModelGradient(
        this.address(model.weights, n.weights), this.address(model.train.features, n.features), this.address(model.curated, n.curated),
        this.address(model.targets, n.targets), rows, cols, features, ridge, this.address(gradient, n.weights), this.address(work),
      );
    });
  }

  /** The strong learner: full-batch gradient steps on the last round's curated pairs, from model.weights (SoftmaxTraining). */
  trainSoftmaxModel(model: SoftmaxModelBuffers, shape: SoftmaxModelShape, training: SoftmaxTraining): void {
    checkSoftmaxShape("trainSoftmaxModel", shape);
    checkSoftmaxTraining(training);
    const { rows, cols, features } = shape;
    const n = softmaxModelBufferLengths(shape);
    this.withScratch([this.kernels.softmaxModelWorkLength(cols, features)], (work) => {
      this.kernels.trainSoftmaxModel(
        this.address(model.weights, n.weights), this.address(model.train.features, n.features), this.address(model.curated, n.curated),
        this.address(model.targets, n.targets), rows, cols, features, training.steps, training.learningRate, training.ridge, this.address(work),
      );
    });
  }

  /** The address of a block of this engine, checked to hold at least n entries. */
  protected address<T extends TypedArray>(block: Block<T>, n = block.length): Address<M, T> {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`a kernel's entry count must be a non-negative integer, got ${n}`);
    if (n > block.length) throw new RangeError(`kernel needs ${n} entries but the block holds ${block.length}`);
    return this.addressOf(block);
  }

  /** n, checked to be an entry count the block holds. */
  private checkedLength(block: Block<TypedArray>, n: number): number {
    this.address(block, n);
    return n;
  }

  /** Runs `use` with fresh f64 blocks of these lengths, freed afterwards. */
  private withScratch<R>(lengths: number[], use: (...blocks: F64Block[]) => R): R {
    const blocks: F64Block[] = [];
    try {
      for (const length of lengths) blocks.push(this.f64(length));
      return use(...blocks);
    } finally {
      blocks.forEach((block) => block.free());
    }
  }

  /** The address of the state of a stream of this engine. */
  private streamAddress(rng: RandomStream): M["u32"] {
    if (!(rng instanceof EngineStream) || rng.owner !== this) throw new TypeError("random stream belongs to another engine");
    return rng.address as M["u32"];
  }

  /**
   * The engine method of a sampler of the table: (rng, out, ...parameters, n = out.length), its
   * parameters checked by their descriptors, then n entries of out filled. Written out per number
   * of parameters rather than with rest arguments: samplers are called in loops on small blocks.
   */
  private static samplerMethod(name: SamplerName) {
    const [first, second, ...more] = KERNELS[name].parameters as readonly Parameter[];
    if (more.length > 0) throw new Error(`${name}: samplers with more than two parameters need a method template here`);
    const check = (parameter: Parameter, value: number) => {
      if (!parameter.accepts(value)) throw new RangeError(`${name}: ${parameter.name} must be ${parameter.allowed}, got ${value}`);
    };
    type Fill = (state: unknown, out: unknown, n: number, ...parameters: number[]) => void;
    if (second !== undefined) {
      return function (this: Engine, rng: RandomStream, out: Block<TypedArray>, a: number, b: number, n = out.length): void {
        check(first, a);
        check(second, b);
        (this.kernels[name] as Fill)(this.streamAddress(rng), this.address(out, n), n, a, b);
      };
    }
    if (first !== undefined) {
      return function (this: Engine, rng: RandomStream, out: Block<TypedArray>, a: number, n = out.length): void {
        check(first, a);
        (this.kernels[name] as Fill)(this.streamAddress(rng), this.address(out, n), n, a);
      };
    }
    return function (this: Engine, rng: RandomStream, out: Block<TypedArray>, n = out.length): void {
      (this.kernels[name] as Fill)(this.streamAddress(rng), this.address(out, n), n);
    };
  }
}

/** A count a kernel takes: a non-negative 32-bit integer. */
function count(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** A matrix dimension d, checked. */
function dimension(d: number): number {
  return count("d", d);
}

/** d x d for a matrix dimension d, checked. */
function square(d: number): number {
  return dimension(d) * d;
}

function checkLength(length: number): number {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`block length must be a non-negative integer, got ${length}`);
  return length;
}
