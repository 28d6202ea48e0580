// Stats indices and sizes of the softmax-model kernels (a linear softmax over responses, trained
// on curated pairs, that also fills a table of categorical rows)
// (AssemblyScript reads this file too: see README.md here).

/** After the categorical rows' stats (STATS_LENGTH = 8 there): the share of rows whose correct outcome is strictly the most probable. */
export const STAT_TOP1 = 8;
export const SOFTMAX_STATS_LENGTH = 9;

/** Prompts whose gradient terms are added to the gradient together, each entry loaded and stored once per block (addBlock takes four). */
export const GRADIENT_BLOCK = 4;
/** Features per prompt: the largest d the kernels take (the scenario allows less). */
export const MAX_SOFTMAX_FEATURES = 65536;
