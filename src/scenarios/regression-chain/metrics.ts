// The regression-chain scenario's metrics per generation and its closed-form columns: the exact
// OLS table (theoryTestError), the exact expectation given the inputs (conditionalTestError,
// computed in the replicate) and the Marchenko-Pastur limits for ridge > 0 (asymptoticTestError).
import type { MetricDefinition } from "../scenario.js";
import { perCell } from "../replicate-rows.js";
import { SchedulePlan } from "../../schedules/index.js";
import type { Params } from "./params.js";
import { accumulateTheory, fixedRidgeLimit, freshRealLimit, freshRidgeLimit, replaceTheory } from "./theory.js";

export const metrics: readonly MetricDefinition[] = [
  { name: "testError", description: "|w_t - w*|^2, the exact excess risk E_x[(x . w_t - x . w*)^2] (add noise^2 for the risk on noisy labels); above signal^2 the model is worse than w = 0" },
  { name: "weightNormSq", description: "|w_t|^2" },
  {
    name: "conditionalTestError", theoryOf: "testError", closedForm: "conditional",
    description: "E[testError_t | every input drawn so far], exact (the label noises propagated through the fits); null under accumulate-subsample (no Markov recursion) and with conditional false",
  },
  {
    name: "theoryTestError", theoryOf: "testError", closedForm: "exact",
    description: "E testError, exact for ridge 0 under replace and accumulate (fixed design: constant round size); null at the interpolation peak |n - dim| <= 1 (with noise), for ridge > 0 and under the other schedules",
  },
  {
    name: "asymptoticTestError", theoryOf: "testError", closedForm: "asymptotic",
    description:
      "an asymptotic form of E testError (dim, samples -> infinity, dim/samples fixed): for ridge > 0 the Marchenko-Pastur limit under replace (either design, constant round size) and accumulate with a fixed design; " +
      "for ridge 0 under fresh-real with fresh inputs, the exact recursion with its contraction kappa2 to leading order (b^2 + a b (dim + 1)/samples); null elsewhere",
  },
];

/** theoryTestError and asymptoticTestError for generations 0..generations. */
export const theoryColumns = perCell(columnsOf);

function columnsOf(p: Params, generations: number): Array<{ theoryTestError: number | null; asymptoticTestError: number | null }> {
  const plan = new SchedulePlan(p.schedule, p.samples);
  const settings = { dim: p.dim, signal: p.signal, noise: p.noise, shift: p.shift };
  const sizes = Array.from({ length: generations }, (_, i) => plan.size(i + 1));
  let exact: Array<number | null> | null = null;
  let limit: number[] | null = null;
  const kind = p.schedule.kind;
  const constant = !("growth" in p.schedule) || p.schedule.growth.kind === "constant";
  if (p.ridge === 0) {
    if (kind === "replace") exact = replaceTheory(settings, p.design, sizes);
    else if (kind === "accumulate") exact = accumulateTheory(settings, p.design, sizes);
    else if (kind === "fresh-real" && p.design === "fresh" && constant) limit = freshRealLimit(settings, p.samples, plan.freshRealOf(1), generations);
  } else {
    const gamma = p.dim / p.samples;
    if (kind === "replace" && constant) {
      limit = p.design === "fresh" ? freshRidgeLimit(settings, gamma, p.ridge, generations) : fixedRidgeLimit(settings, "replace", gamma, p.ridge, generations);
    } else if (kind === "accumulate" && p.design === "fixed") {
      limit = fixedRidgeLimit(settings, "accumulate", gamma, p.ridge, generations);
    }
  }
  return Array.from({ length: generations + 1 }, (_, t) => ({ theoryTestError: exact ? exact[t] : null, asymptoticTestError: limit ? limit[t] : null }));
}
