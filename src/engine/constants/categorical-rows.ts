// Codes, stats indices and sizes of the categorical-rows kernels (a table of categorical
// distributions, one row per prompt, that is sampled, filtered, labelled and refit)
// (AssemblyScript reads this file too: see README.md here).

// How a round's labels are spread over rows (resample: hardest's amounts, spent on extra samples instead).
export const ALLOCATE_NONE = 0;
export const ALLOCATE_REPLACE_REJECTED = 1;
export const ALLOCATE_UNIFORM = 2;
export const ALLOCATE_PROPORTIONAL = 3;
export const ALLOCATE_HARDEST = 4;
export const ALLOCATE_RESAMPLE = 5;

// Where each statistic lands in the stats block of categoricalRowStats and refitCategoricalRows.
export const STAT_ACCURACY = 0;
export const STAT_SOLVED = 1;
export const STAT_UNSOLVED = 2;
export const STAT_ACCEPTED = 3;
export const STAT_LABELS = 4;
export const STAT_ENTROPY = 5;
export const STAT_GINI = 6;
export const STAT_EXTRA_SAMPLES = 7;
export const STATS_LENGTH = 8;

/** Buckets of one 16-bit digit of a selection key (hardest-first allocation, expected mode). */
export const DIGIT_BUCKETS = 65536;
/** f64 entries of the refit workspace: two digit histograms; it also holds one row's outcome counts and rows by rejections and streak. */
export const REFIT_WORKSPACE_LENGTH = 2 * DIGIT_BUCKETS;
/** Outcomes per row: a row's counts fit the workspace. */
export const MAX_CATEGORICAL_COLS = 65536;
/** Samples per row per round: the workspace counts rows by rejections (0..samples) beside rows by streak. */
export const MAX_CATEGORICAL_SAMPLES = 65536;

/** The smallest normal double: below it an entry's -p ln p (< 1e-305) counts as 0. */
export const MIN_NORMAL = 2.2250738585072014e-308;
