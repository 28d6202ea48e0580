// The coefficients of musl's fdlibm-derived exp and log (src/math/exp.c, log.c), which the
// deterministic detExp and detLog use in every build and the TypeScript reference
// (AssemblyScript reads this file too: see README.md here).

/** ln 2 split in a high part with trailing zeros and the rest, for exact k ln 2. */
export const LN2_HI = 6.93147180369123816490e-01;
export const LN2_LO = 1.90821492927058770002e-10;
export const INV_LN2 = 1.44269504088896338700e+00;

/** exp's polynomial for R(x^2) on [-ln2/2, ln2/2]. */
export const EXP_P1 = 1.66666666666666019037e-01;
export const EXP_P2 = -2.77777777770155933842e-03;
export const EXP_P3 = 6.61375632143793436117e-05;
export const EXP_P4 = -1.65339022054652515390e-06;
export const EXP_P5 = 4.13813679705723846039e-08;

/** log's polynomial for log(1 + f) around f = 0. */
export const LOG_LG1 = 6.666666666666735130e-01;
export const LOG_LG2 = 3.999999999940941908e-01;
export const LOG_LG3 = 2.857142874366239149e-01;
export const LOG_LG4 = 2.222219843214978396e-01;
export const LOG_LG5 = 1.818357216161805012e-01;
export const LOG_LG6 = 1.531383769920937332e-01;
export const LOG_LG7 = 1.479819860511658591e-01;
