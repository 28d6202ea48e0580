// Every kernel, with its arguments in order: the one declaration that both implementations
// are checked against by the compiler (the wasm build through its generated bindings, in
// wasm-engine.ts; the TypeScript reference in reference/kernels.ts), and that the engine body
// (engine.ts) calls through. A kernel is its AssemblyScript function (exported from
// assembly/index.ts), its reference function, and one line here; samplers also become engine
// methods from this line alone (see Sampler). Kernels that need scratch memory declare its size
// as a `...WorkLength` kernel, so that each implementation owns its layout and the engine body
// allocates it. What each kernel computes, and the order in which it consumes the random
// stream, is documented with its AssemblyScript code.
import {
  stream, f64, i32, int, real, flag, positive, probability, count, kernel, returns, sampler,
  type KernelFunctions, type Pointers, type Arrays,
} from "./kernel-arguments.js";

export const KERNELS = {
  // Random streams (assembly/rng.ts).
  rngSeed: kernel(stream(), int("seedLo"), int("seedHi"), int("stream")),
  rngRefill: kernel(stream()),

  // Samplers (assembly/samplers.ts): engine methods fill(rng, out, ...parameters, n = out.length).
  /** Uniforms on [0, 1), 53 random bits each. */
  fillUniform: sampler("f64"),
  /** Standard normals (a 256-layer ziggurat). */
  fillNormal: sampler("f64"),
  /** 1 with probability p, else 0. */
  fillBernoulli: sampler("u8", probability("p")),
  /** Gamma(shape, 1) (Marsaglia & Tsang 2000). */
  fillGamma: sampler("f64", positive("shape")),
  /** Chi-square with dof degrees of freedom (2 Gamma(dof / 2)). */
  fillChiSquare: sampler("f64", positive("dof")),
  /** Beta(a, b), as X / (X + Y) for X ~ Gamma(a), Y ~ Gamma(b). */
  fillBeta: sampler("f64", positive("a"), positive("b")),
  /** Binomial(trials, p), exact (inversion below a mean of 10, else BTRS). */
  fillBinomial: sampler("f64", count("trials"), probability("p")),
  fillCategorical: kernel(stream(), i32("out"), int("n"), f64("cdf"), int("k")),
  fillWishart: kernel(stream(), f64("out"), int("p"), real("dof"), int("ld"), f64("work")),
  wishartWorkLength: returns("int", int("p")),

  // Count vectors, exact (assembly/count-samplers.ts): hypergeometric draws, and multinomial and
  // multivariate hypergeometric counts over k symbols by conditional draws in symbol order.
  fillHypergeometric: kernel(stream(), f64("out"), int("n"), real("good"), real("bad"), real("sample")),
  multinomialCounts: returns("int", stream(), f64("weights"), int("k"), real("tokens"), f64("counts")),
  hypergeometricCounts: kernel(stream(), f64("pool"), int("k"), real("tokens"), f64("counts")),

  // categorical-tails' passes over K symbols, and the live ones among them (assembly/categorical-tails.ts).
  temperatureTransform: kernel(f64("p"), int("k"), real("inverseTemperature"), f64("out")),
  categoricalTailsMetrics: kernel(f64("p"), f64("p0"), int("k"), int("tailRank"), f64("stats")),
  categoricalTailsConditional: kernel(
    f64("p0"), f64("q"), f64("fixed"), flag("hasFixed"), int("k"), real("real"), real("synthetic"), int("tailRank"), f64("stats"),
  ),
  liveSymbols: returns("int", f64("source"), f64("p0"), int("k"), i32("keep"), f64("dead")),

  // K-choice curation (assembly/curated-choice.ts): work holds 3 m + choices entries.
  curatedCounts: kernel(stream(), f64("p"), f64("w"), int("m"), int("choices"), real("samples"), f64("counts"), f64("work")),

  // Lower-triangular matrices, every sum in one fixed order (assembly/triangular.ts).
  fillBartlett: kernel(stream(), f64("out"), int("p"), real("dof"), int("ld")),
  lowerGram: kernel(f64("l"), int("d"), f64("out")),
  lowerProduct: kernel(f64("l"), f64("a"), int("d"), f64("work")),
  lowerInverse: kernel(f64("l"), int("d"), f64("work")),
  lowerSolve: kernel(f64("l"), int("d"), f64("b"), flag("transposed")),
  lowerTimes: kernel(f64("l"), int("d"), f64("x"), flag("transposed")),
  choleskyInOrder: returns("int", f64("a"), int("d"), real("ridge")),

  // Dense matrices, every sum in one fixed order (assembly/dense.ts).
  matrixProduct: kernel(f64("a"), f64("b"), f64("c"), int("m"), int("k"), int("n"), flag("accumulate")),
  transposeProduct: kernel(f64("a"), f64("b"), f64("c"), int("rows"), int("m"), int("n"), int("lda"), int("ldb"), flag("accumulate"), flag("upper")),
  rowGram: kernel(f64("a"), int("rows"), int("d"), int("lda"), f64("out")),
  symmetricEigenvalues: returns("int", f64("a"), int("d"), f64("values"), f64("work")),

  // Tables of points (assembly/point-rows.ts).
  fillGaussianRows: kernel(stream(), f64("out"), int("rows"), int("d"), f64("mean"), f64("factor"), real("scale")),
  rowMoments: kernel(f64("x"), int("rows"), int("d"), f64("mean"), f64("scatter"), f64("work")),
  subsampleRows: kernel(stream(), f64("table"), int("count"), int("width"), int("k")),
  fillLinearLabels: kernel(stream(), f64("x"), int("rows"), int("d"), f64("w"), real("noise"), f64("y")),

  // Deterministic exp and log (assembly/math.ts).
  detExp: returns("real", real("x")),
  detLog: returns("real", real("x")),

  // Dense linear algebra, row-major (assembly/linalg.ts).
  dot: returns("real", f64("x"), f64("y"), int("n")),
  axpy: kernel(real("a"), f64("x"), f64("y"), int("n")),
  scale: kernel(real("a"), f64("x"), int("n")),
  quotient: kernel(f64("x"), int("n"), real("divisor"), f64("out")),
  gemv: kernel(f64("a"), f64("x"), f64("y"), int("rows"), int("cols")),
  gramAccumulate: kernel(f64("x"), f64("y"), int("rows"), int("d"), f64("g"), f64("b")),
  gramSymmetrize: kernel(f64("g"), int("d")),
  cholesky: returns("int", f64("a"), int("d"), real("ridge")),
  choleskySolve: kernel(f64("l"), int("d"), f64("b")),

  // The filtered mixture: a labelled, filtered two-class Gaussian mixture (assembly/filtered-mixture-*.ts).
  filteredMixtureGram: kernel(
    stream(), int("d"), int("nFiltered"), int("nClean"), real("shift"),
    int("labelRule"), real("flipProb"), f64("labelDir"), real("sharpness"), int("candidates"),
    real("keepIfAgree"), real("keepIfDisagree"), int("checkRule"), f64("checkDir"), real("margin"),
    f64("work"), int("blockRows"), f64("g"), f64("b"), f64("counts"),
  ),
  filteredMixtureGramWorkLength: returns("int", int("d"), int("blockRows"), int("candidates")),
  filteredMixtureRows: kernel(
    stream(), int("d"), int("nFiltered"), int("nClean"), real("shift"),
    int("labelRule"), real("flipProb"), f64("labelDir"), real("sharpness"), int("candidates"),
    real("keepIfAgree"), real("keepIfDisagree"), int("checkRule"), f64("checkDir"), real("margin"),
    f64("work"), f64("rows"), f64("labels"), f64("counts"),
  ),
  filteredMixtureRowsWorkLength: returns("int", int("candidates")),
  filteredMixtureMoments: kernel(
    stream(), int("k"), real("nFiltered"), real("nClean"), real("shift"),
    int("labelRule"), real("flipProb"), real("c0"), real("c1"), real("c2"), real("sharpness"), int("candidates"),
    real("keepIfAgree"), real("keepIfDisagree"),
    int("checkRule"), real("v0"), real("v1"), real("v2"), real("margin"),
    f64("work"), f64("moments"), f64("counts"),
  ),
  filteredMixtureMomentsWorkLength: returns("int"),

  // Ridge-penalised logistic regression by Newton's method (assembly/logistic-fit.ts).
  logisticFit: returns(
    "int", f64("x"), f64("labels"), int("n"), int("d"), real("normaliser"), real("ridge"), real("tolerance"), f64("w"), f64("work"),
  ),
  logisticFitWorkLength: returns("int", int("n"), int("d")),

  // Categorical rows: a table of categorical distributions sampled, filtered, labelled and refit
  // (assembly/categorical-rows-*.ts).
  fillBetaCategoricalRows: kernel(
    stream(), f64("table"), int("rows"), int("cols"), int("zeroRows"), real("betaA"), real("betaB"), flag("dirichletTail"),
  ),
  categoricalRowStats: kernel(f64("table"), int("rows"), int("cols"), real("epsilon"), f64("stats")),
  refitCategoricalRows: kernel(
    stream(), f64("table"), i32("streak"), f64("rejected"), f64("labels"), i32("kept"), f64("workspace"),
    int("rows"), int("cols"), int("samples"), real("gamma"), real("rho"), real("beta"),
    int("allocation"), real("budget"), real("alpha"), flag("expected"), real("epsilon"), f64("stats"),
  ),

  // The softmax model: a linear softmax over responses, its probabilities as categorical rows,
  // trained on a round's curated pairs (assembly/softmax-model-*.ts).
  fillSoftmaxModel: kernel(
    stream(), f64("features"), i32("correct"), f64("testFeatures"), i32("testCorrect"), f64("teacher"), f64("weights"),
    int("rows"), int("testRows"), int("cols"), int("d"), real("initialScale"), real("initialAlignment"), f64("work"),
  ),
  softmaxModelRows: kernel(
    f64("weights"), f64("features"), i32("correct"), int("rows"), int("cols"), int("d"), f64("table"), f64("work"), f64("stats"),
  ),
  curateSoftmaxModel: kernel(
    stream(), f64("table"), i32("streak"), f64("rejected"), f64("labels"), i32("kept"), f64("workspace"),
    f64("features"), i32("correct"), int("rows"), int("cols"), int("d"), int("samples"), real("gamma"), real("rho"), real("beta"),
    int("allocation"), real("budget"), f64("curated"), f64("targets"), f64("stats"),
  ),
  softmaxModelGradient: kernel(
    f64("weights"), f64("features"), f64("curated"), f64("targets"), int("rows"), int("cols"), int("d"), real("ridge"),
    f64("gradient"), f64("work"),
  ),
  trainSoftmaxModel: kernel(
    f64("weights"), f64("features"), f64("curated"), f64("targets"), int("rows"), int("cols"), int("d"),
    int("steps"), real("learningRate"), real("ridge"), f64("work"),
  ),
  softmaxModelWorkLength: returns("int", int("cols"), int("d")),
} as const;

export type KernelTable = typeof KERNELS;
export type KernelName = keyof KernelTable;

/** The wasm build's kernels: pointers into linear memory. */
export type WasmKernels = KernelFunctions<KernelTable, Pointers>;
/** The TypeScript reference's kernels: typed arrays. */
export type ReferenceKernels = KernelFunctions<KernelTable, Arrays>;
