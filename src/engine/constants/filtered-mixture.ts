// Codes and sizes of the filtered-mixture kernels (a two-class Gaussian mixture whose points
// are labelled, kept or dropped): filteredMixtureGram, filteredMixtureRows and filteredMixtureMoments
// (AssemblyScript reads this file too: see README.md here).

/** How a point gets its label: its class sign s, flipped with a probability. */
export const LABEL_FLIP = 0;
/** How a point gets its label: sign(direction . x), sign(0) = +1. */
export const LABEL_DIRECTION = 1;
/** How a point gets its label: drawn, +1 with probability sigma(sharpness * direction . x), sigma the logistic function. */
export const LABEL_SAMPLED = 2;

/** No geometric check: the acceptance draw alone decides. */
export const CHECK_NONE = 0;
/** Kept iff sign(check direction . x) equals the label and |check direction . x| >= margin. */
export const CHECK_DIRECTION = 1;
/** Kept iff |labelling direction . x| >= margin (the labelling direction's own margin). */
export const CHECK_LABEL_MARGIN = 2;

/** Frame coordinates filteredMixtureMoments draws a point through: the shift direction and at most two more. */
export const MAX_FRAME_DIMENSION = 3;
/** Points per block of filteredMixtureMoments: the stream is consumed one block at a time. */
export const MOMENTS_BLOCK = 256;
/** Candidate labels a point may be offered (best-of-k selection): a block of filteredMixtureMoments holds them all. */
export const MAX_CANDIDATES = MOMENTS_BLOCK;
/** Entries of the padded 4 x 4 moments' upper triangle, rows (p0, p1, p2, label). */
export const MOMENTS_ENTRIES = 10;
