// The gaussian-refit scenario's metrics per generation and its closed-form columns: every
// theory column exact (a closed form under replace, an exact recursion elsewhere) or null where
// none exists; the one asymptotic column is named so.
import type { MetricDefinition, MetricValues } from "../scenario.js";
import { perCell } from "../replicate-rows.js";
import { SchedulePlan } from "../../schedules/index.js";
import type { Params } from "./params.js";
import {
  accumulateTheory, fixedRealTheory, freshRealTheory, replaceTheory, shumailovW2sq, subsampleTheory, type Expectations,
} from "./theory.js";

const EXACT_REPLACE = "exact under replace";
const RECURSION = "exact under every schedule (a closed form under replace, an exact recursion under the others)";

export const metrics: readonly MetricDefinition[] = [
  { name: "meanError", description: "|mu_t - mu_0|^2, the squared distance of the fitted mean from the truth's" },
  { name: "varianceRatio", description: "tr Sigma_t / tr Sigma_0" },
  { name: "sigmaRatio", description: "sqrt(varianceRatio): sigma_t / sigma_0 at dim 1" },
  { name: "logDetRatio", description: "ln det Sigma_t - ln det Sigma_0, kept as a sum of logarithms (finite long after Sigma_t underflows)" },
  { name: "w2sq", description: "squared 2-Wasserstein distance from the truth to the model, |mu_t|^2 + sum_i (sqrt(lambda_i(Sigma_t)) - sigma0)^2" },
  { name: "klForward", description: "KL(truth || model); null once Sigma_t^-1 overflows" },
  { name: "klReverse", description: "KL(model || truth)" },
  { name: "theoryMeanError", theoryOf: "meanError", closedForm: "exact", description: `E meanError, ${RECURSION}` },
  { name: "theoryVarianceRatio", theoryOf: "varianceRatio", closedForm: "exact", description: `E varianceRatio, ${RECURSION}` },
  { name: "theorySigmaRatio", theoryOf: "sigmaRatio", closedForm: "exact", description: `E sigmaRatio, ${EXACT_REPLACE} at dim 1 or with a scalar covariance (Bertrand's alpha^t); null elsewhere` },
  { name: "theoryLogDetRatio", theoryOf: "logDetRatio", closedForm: "exact", description: `E logDetRatio, ${EXACT_REPLACE} (sum of digamma terms); null under other schedules` },
  { name: "theoryW2sq", theoryOf: "w2sq", closedForm: "exact", description: `E w2sq, ${EXACT_REPLACE} at dim 1 or with a scalar covariance; null elsewhere (E tr Sigma^(1/2) has no closed form)` },
  { name: "theoryKlForward", theoryOf: "klForward", closedForm: "exact", description: `E klForward, ${EXACT_REPLACE} while every round has more than dim + 2 points (infinite, so null, otherwise); null under other schedules` },
  { name: "theoryKlReverse", theoryOf: "klReverse", closedForm: "exact", description: `E klReverse, ${EXACT_REPLACE}; null under other schedules` },
  {
    name: "asymptoticW2sq", theoryOf: "w2sq", closedForm: "asymptotic",
    description: "Shumailov's (d + 1/2) sigma0^2 sum_s 1/n_s: asymptotic (t much smaller than n), under replace at dim 1 or with a scalar covariance; null elsewhere",
  },
];

/** The theory columns of generations 0..generations for these parameters. */
export const theoryColumns = perCell(columnsOf);

function columnsOf(p: Params, generations: number): MetricValues[] {
  const plan = new SchedulePlan(p.schedule, p.samples);
  const settings = { dim: p.dim, estimator: p.estimator, covariance: p.covariance, temperature: p.temperature, sigma0: p.sigma0 };
  const rounds = Array.from({ length: generations }, (_, i) => plan.round(i + 1));
  const sizes = rounds.map((round) => round.size);
  let expected: Expectations[];
  switch (p.schedule.kind) {
    case "replace": expected = replaceTheory(settings, sizes); break;
    case "accumulate": expected = accumulateTheory(settings, sizes); break;
    case "accumulate-subsample": expected = subsampleTheory(settings, p.samples, generations); break;
    case "fixed-real": expected = fixedRealTheory(settings, plan.realSet, plan.syntheticPerRound, generations); break;
    case "fresh-real": expected = freshRealTheory(settings, rounds.map((round) => ({ size: round.size, real: round.freshReal }))); break;
  }
  const shumailov = p.schedule.kind === "replace" && (p.dim === 1 || p.covariance === "scalar") ? shumailovW2sq(p.dim, p.sigma0, sizes) : null;
  return expected.map((e, t) => ({
    theoryMeanError: e.meanError,
    theoryVarianceRatio: e.varianceRatio,
    theorySigmaRatio: e.sigmaRatio,
    theoryLogDetRatio: e.logDetRatio,
    theoryW2sq: e.w2sq,
    theoryKlForward: e.klForward,
    theoryKlReverse: e.klReverse,
    asymptoticW2sq: shumailov ? shumailov[t] : null,
  }));
}
