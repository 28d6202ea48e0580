// Closed forms of the weak-data scenario (docs/theory/weak-data.md). Per prompt, with error
// e = 1 - p_t(0|x), a filter keeping wrong samples with probability gamma and rejecting
// correct ones with probability rho, and a labeler right with probability beta. Each example
// in a doc comment is checked by test/docs/examples.test.ts.
import { powInt } from "../../math/power.js";
import { detLog } from "../../math/fdlibm.js";

export interface Curation {
  alpha: number;
  beta: number;
  gamma: number;
  rho: number;
}

/**
 * Replace-rejected in expected mode is affine in the error:
 *   e' = (1 - alpha) e + alpha [e gamma + (rho (1 - e) + e (1 - gamma)) (1 - beta)] = c e + d,
 * with c = 1 - alpha (beta (1 - gamma) + rho (1 - beta)) and d = alpha rho (1 - beta). Being
 * affine, the mean error over prompts follows the same recursion, and so does the expected
 * error of the sampling mode (k samples and k - kept labels always make k data points).
 *
 * @example
 * errorRecursion({ alpha: 0.5, beta: 0.3, gamma: 0.2, rho: 0 }) // => { c: 0.88, d: 0 }
 */
export function errorRecursion({ alpha, beta, gamma, rho }: Curation): { c: number; d: number } {
  return { c: 1 - alpha * (beta * (1 - gamma) + rho * (1 - beta)), d: alpha * rho * (1 - beta) };
}

/**
 * e* = rho (1 - beta) / (rho (1 - beta) + beta (1 - gamma)): the floor false rejections leave; NaN when nothing contracts.
 *
 * @example
 * errorFloor({ beta: 0.7, gamma: 0.1, rho: 0.05 }) // => 0.023255813953488375
 */
export function errorFloor({ beta, gamma, rho }: Omit<Curation, "alpha">): number {
  const wrong = rho * (1 - beta);
  return wrong / (wrong + beta * (1 - gamma));
}

/**
 * Error after t rounds of the recursion from e0: e* + (e0 - e*) c^t (e0 when c = 1).
 *
 * @example
 * errorAfter(0.6, 10, { alpha: 0.5, beta: 0.3, gamma: 0.2, rho: 0 }) // => 0.16710058560564126
 */
export function errorAfter(e0: number, t: number, curation: Curation): number {
  const { c } = errorRecursion(curation);
  if (c === 1) return e0;
  const floor = errorFloor(curation);
  return floor + (e0 - floor) * powInt(c, t);
}

/**
 * Sum of the errors of rounds 0..t-1: t e* + (e0 - e*) (1 - c^t) / (1 - c).
 *
 * @example
 * errorSum(0.6, 10, { alpha: 0.5, beta: 0.3, gamma: 0.2, rho: 0 }) // => 3.6074951199529894
 */
export function errorSum(e0: number, t: number, curation: Curation): number {
  const { c } = errorRecursion(curation);
  if (c === 1) return t * e0;
  const floor = errorFloor(curation);
  return t * floor + ((e0 - floor) * (1 - powInt(c, t))) / (1 - c);
}

/**
 * With rho = 0 (e_t = e0 c^t): the rounds until a prompt of error e0 is within epsilon,
 * ceil(ln(e0 / epsilon) / -ln c); Infinity when c = 1.
 *
 * @example
 * roundsToEpsilon(1, 0.01, { alpha: 0.5, beta: 0.3, gamma: 0.2 }) // => 37
 */
export function roundsToEpsilon(e0: number, epsilon: number, curation: Omit<Curation, "rho">): number {
  if (e0 <= epsilon) return 0;
  const { c } = errorRecursion({ ...curation, rho: 0 });
  if (c === 0) return 1;
  if (c === 1) return Infinity;
  return Math.ceil(detLog(e0 / epsilon) / -detLog(c));
}

/**
 * A round count for every prompt at once (e0 <= 1, rho = 0): -ln c >= alpha beta (1 - gamma),
 * so ceil(ln(1 / epsilon) / (alpha beta (1 - gamma))) rounds suffice. This project's
 * reconstruction from the recursion above, not the paper's own bound (whose form and constants
 * are not reproduced here).
 *
 * @example
 * roundsToEpsilonBound(0.01, { alpha: 0.5, beta: 0.3, gamma: 0.2 }) // => 39
 */
export function roundsToEpsilonBound(epsilon: number, { alpha, beta, gamma }: Omit<Curation, "rho">): number {
  return Math.ceil(detLog(1 / epsilon) / (alpha * beta * (1 - gamma)));
}

/**
 * Expected labels per prompt spent by replace-rejected over rounds 0..t-1, k samples a round:
 * a round rejects k (rho (1 - e) + (1 - gamma) e) samples and replaces each by a label.
 *
 * @example
 * expectedLabels(0.6, 10, 4, { alpha: 0.5, beta: 0.3, gamma: 0.2, rho: 0 }) // => 11.543984383849567
 */
export function expectedLabels(e0: number, t: number, samples: number, curation: Curation): number {
  const { gamma, rho } = curation;
  return samples * (t * rho + (1 - gamma - rho) * errorSum(e0, t, curation));
}

/**
 * The label cost with rho = 0: over all rounds a prompt of error e0 costs
 * k (1 - gamma) e0 / (1 - c) = k e0 / (alpha beta) labels, in expectation (e0 / beta for one
 * sample per round and alpha = 1): the limit of expectedLabels as t grows.
 *
 * @example
 * labelCostBound(0.6, 4, { alpha: 0.5, beta: 0.3 }) // => 16
 * expectedLabels(0.6, 1000, 4, { alpha: 0.5, beta: 0.3, gamma: 0.2, rho: 0 }) // => 16
 */
export function labelCostBound(e0: number, samples: number, { alpha, beta }: Pick<Curation, "alpha" | "beta">): number {
  return (samples * e0) / (alpha * beta);
}

/**
 * Filter only, expected mode, with a filter that keeps no wrong sample (gamma = 0, rho < 1):
 * the kept data are all correct, so a prompt with p0 > 0 has e' = (1 - alpha) e (solved in one
 * round only when alpha = 1), and one with p0 = 0 keeps nothing and never moves. Mean accuracy
 * from the initial accuracy and unsolved share:
 * 1 - unsolved - (1 - alpha)^t (1 - accuracy0 - unsolved), which plateaus at 1 - unsolved.
 * filter+resample follows it too: its extra samples keep the same share of correct ones.
 *
 * @example
 * filterOnlyAccuracy(0.25, 0.1, 0.5, 3) // => 0.81875
 */
export function filterOnlyAccuracy(accuracy0: number, unsolved0: number, alpha: number, t: number): number {
  return 1 - unsolved0 - powInt(1 - alpha, t) * (1 - accuracy0 - unsolved0);
}

/**
 * The filter-only plateau: only prompts the model can solve at all ever improve.
 *
 * @example
 * filterOnlyPlateau(0.1) // => 0.9
 */
export function filterOnlyPlateau(unsolvable: number): number {
  return 1 - unsolvable;
}

/**
 * With k samples a round, a prompt of accuracy a draws a correct sample with this probability.
 * Under the oracle filter with alpha = 1 that solves it in the round (with alpha < 1 the round
 * only moves it: e' = (1 - alpha) e). filter+resample without a budget limit gives a prompt
 * whose k samples all fail k more: 2k tries.
 *
 * @example
 * firstSolveProbability(0.25, 4) // => 0.68359375
 */
export function firstSolveProbability(accuracy: number, samples: number): number {
  return 1 - powInt(1 - accuracy, samples);
}

/**
 * No curation (every sample kept, no labels) refits p on k of its own samples: a Wright-Fisher
 * process. Each p(i|x) is a martingale absorbed at 0 or 1, so response i takes over with
 * probability p_0(i|x) (the correct one with the prompt's initial accuracy), and the Gini
 * diversity 1 - sum p^2 shrinks in expectation by (1 - alpha^2 / k) a round
 * (E sum p'^2 = sum p^2 + alpha^2 (1 - sum p^2) / k): (1 - 1/k)^t for alpha = 1.
 *
 * @example
 * giniAfter(0.5, 10, 4, 1) // => 0.028156757354736328
 */
export function giniAfter(gini0: number, t: number, samples: number, alpha: number): number {
  return gini0 * powInt(1 - (alpha * alpha) / samples, t);
}
