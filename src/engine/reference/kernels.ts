// The TypeScript reference's kernels, one per entry of the kernel table, each consuming the
// random stream as its wasm twin does. The compiler checks this object against the table, so
// a kernel missing here, or taking other arguments than the table passes, fails the type check.
import { matchingTable } from "../kernel-arguments.js";
import type { ReferenceKernels } from "../kernel-table.js";
import { rngSeed, rngRefill } from "./rng.js";
import * as samplers from "./samplers.js";
import * as countSamplers from "./count-samplers.js";
import { curatedCounts } from "./curated-choice.js";
import { temperatureTransform, categoricalTailsMetrics, categoricalTailsConditional, liveSymbols } from "./categorical-tails.js";
import { fillWishart, wishartWorkLength } from "./wishart.js";
import { fillBartlett, lowerGram, lowerProduct, lowerInverse, lowerSolve, lowerTimes, choleskyInOrder } from "./triangular.js";
import { matrixProduct, transposeProduct, rowGram, symmetricEigenvalues } from "./dense.js";
import { fillGaussianRows, rowMoments, subsampleRows, fillLinearLabels } from "./point-rows.js";
import { detExp, detLog } from "../../math/fdlibm.js";
import { dot, axpy, scale, quotient, gemv, gramAccumulate, gramSymmetrize, cholesky, choleskySolve } from "./linalg.js";
import { filteredMixtureGram, filteredMixtureGramWorkLength, filteredMixtureRows, filteredMixtureRowsWorkLength } from "./filtered-mixture-points.js";
import { filteredMixtureMoments, filteredMixtureMomentsWorkLength } from "./filtered-mixture-moments.js";
import { logisticFit, logisticFitWorkLength } from "./logistic-fit.js";
import { fillBetaCategoricalRows } from "./categorical-rows-fill.js";
import { categoricalRowStats } from "./categorical-rows-stats.js";
import { refitCategoricalRows } from "./categorical-rows-refit.js";
import { fillSoftmaxModel } from "./softmax-model-fill.js";
import { softmaxModelRows } from "./softmax-model-rows.js";
import { curateSoftmaxModel } from "./softmax-model-curate.js";
import { softmaxModelGradient, trainSoftmaxModel, softmaxModelWorkLength } from "./softmax-model-train.js";

export const referenceKernels = matchingTable<ReferenceKernels>()({
  rngSeed, rngRefill,
  ...samplers, ...countSamplers, curatedCounts, temperatureTransform, categoricalTailsMetrics, categoricalTailsConditional, liveSymbols, fillWishart, wishartWorkLength,
  fillBartlett, lowerGram, lowerProduct, lowerInverse, lowerSolve, lowerTimes, choleskyInOrder,
  matrixProduct, transposeProduct, rowGram, symmetricEigenvalues,
  fillGaussianRows, rowMoments, subsampleRows, fillLinearLabels,
  detExp, detLog,
  dot, axpy, scale, quotient, gemv, gramAccumulate, gramSymmetrize, cholesky, choleskySolve,
  filteredMixtureGram, filteredMixtureGramWorkLength, filteredMixtureRows, filteredMixtureRowsWorkLength,
  filteredMixtureMoments, filteredMixtureMomentsWorkLength,
  logisticFit, logisticFitWorkLength,
  fillBetaCategoricalRows, categoricalRowStats, refitCategoricalRows,
  fillSoftmaxModel, softmaxModelRows, curateSoftmaxModel, softmaxModelGradient, trainSoftmaxModel, softmaxModelWorkLength,
});
