// The 256-layer ziggurat for the standard normal (Marsaglia & Tsang 2000, in Doornik's 2005
// ZIGNOR form), whose tables every build and the reference compute from these numbers
// (AssemblyScript reads this file too: see README.md here).

export const ZIG_LAYERS = 256;
/** Start of the tail, solved so that the 256 layers tile the density exactly (mpmath, 40 digits). */
export const ZIG_R = 3.6541528853610088;
/** Area of each layer under exp(-x^2 / 2). */
export const ZIG_V = 0.004928673233974655;
