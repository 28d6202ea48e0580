// Limits and constants of the logistic-regression fit, logisticFit (AssemblyScript reads this
// file too: see README.md here).

/** Newton iterations before the fit gives up (it needs about 5 to 15 from w = 0). */
export const LOGISTIC_MAX_NEWTON = 100;
/** Conjugate-gradient iterations on one Newton system before the preconditioner is rebuilt at the current point. */
export const LOGISTIC_MAX_CG = 10;
/** The Newton decrement per point at or below which the whole step is taken: Newton's quadratic region. */
export const LOGISTIC_FULL_STEP_DECREMENT = 1e-8;
/** One-dimensional Newton iterations that choose a step's length, at most. */
export const LOGISTIC_MAX_LINE_NEWTON = 8;
/** The step length is settled when an iteration moves it by at most this fraction. */
export const LOGISTIC_STEP_TOLERANCE = 0.01;
/** The gradient norm (of the loss per point plus the ridge term) at which the fit stops, unless told another. */
export const LOGISTIC_TOLERANCE = 1e-10;
