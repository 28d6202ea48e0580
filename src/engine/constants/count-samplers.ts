// When multinomial counts switch from one binomial draw per symbol to placing the tokens left one
// by one (assembly/count-samplers.ts): at the first symbol whose expected count is below
// PLACE_BELOW_MEAN with at least PLACE_MIN_SYMBOLS symbols of positive weight to go. A binomial draw costs about a
// uniform and a division per symbol even when it is 0; placing costs a logarithm and an
// exponential per token and an addition per symbol, so it wins over a long tail of rare symbols.
export const PLACE_BELOW_MEAN = 0.25;
export const PLACE_MIN_SYMBOLS = 64;

// What multinomialCounts returns: its weights were valid, or none is positive (else the index of
// the first weight that is negative or not finite).
export const WEIGHTS_VALID = -1;
export const NO_POSITIVE_WEIGHT = -2;
