// The module's exports: every kernel takes pointers and lengths into linear memory.
export { alloc, free } from "./memory";
export { rngStateBytes } from "./rng-state";
export { rngSeed, rngRefill } from "./rng";
export { fillUniform, fillNormal, fillBernoulli, fillCategorical, fillGamma, fillChiSquare } from "./samplers";
export { detExp, detLog } from "./math";
export { dot, axpy, scale, gemv, gramAccumulate, gramSymmetrize, cholesky, choleskySolve } from "./linalg";
export { filteredMixtureGram, filteredMixtureWorkLength } from "./verified-mixture";
export { fillBetaCategoricalRows, categoricalRowStats, refitCategoricalRows } from "./weak-data";
