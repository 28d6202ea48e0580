// The module's exports: every kernel of src/engine/kernel-table.ts (which the TypeScript
// compiler checks these against, through the generated bindings), taking pointers and lengths
// into linear memory; and the allocator the engine's blocks come from.
export { alloc, free } from "./memory";
export { rngSeed, rngRefill } from "./rng";
export * from "./samplers";
export { fillBinomial, fillHypergeometric, multinomialCounts, hypergeometricCounts } from "./count-samplers";
export { detExp, detLog } from "./math";
export { dot, axpy, scale, quotient, gemv, gramAccumulate, gramSymmetrize, cholesky, choleskySolve } from "./linalg";
export { fillWishart, wishartWorkLength } from "./wishart";
export { filteredMixtureGram, filteredMixtureGramWorkLength, filteredMixtureRows, filteredMixtureRowsWorkLength } from "./filtered-mixture-points";
export { fillBartlett, lowerGram, lowerProduct, lowerInverse, lowerSolve, lowerTimes, choleskyInOrder } from "./triangular";
export { matrixProduct, transposeProduct, rowGram, symmetricEigenvalues } from "./dense";
export { fillGaussianRows, rowMoments, subsampleRows, fillLinearLabels } from "./point-rows";
export { filteredMixtureMoments, filteredMixtureMomentsWorkLength } from "./filtered-mixture-moments";
export { logisticFit, logisticFitWorkLength } from "./logistic-fit";
export { fillBetaCategoricalRows } from "./categorical-rows-fill";
export { categoricalRowStats } from "./categorical-rows-stats";
export { refitCategoricalRows } from "./categorical-rows-refit";
export { fillSoftmaxModel } from "./softmax-model-fill";
export { softmaxModelRows } from "./softmax-model-rows";
export { curateSoftmaxModel } from "./softmax-model-curate";
export { softmaxModelGradient, trainSoftmaxModel, softmaxModelWorkLength } from "./softmax-model-train";
export { temperatureTransform, categoricalTailsMetrics, categoricalTailsConditional, liveSymbols } from "./categorical-tails";
export { curatedCounts } from "./curated-choice";
