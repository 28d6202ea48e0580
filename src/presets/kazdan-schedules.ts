// Collapse or thrive: a Gaussian refitted under replace, accumulate and accumulate-subsample,
// side by side, with the exact recursions and the limits they reach.
import * as gaussianRefit from "../scenarios/gaussian-refit/index.js";
import type { Marker } from "../report/chart-plan.js";
import type { Study } from "../study/spec.js";
import { definePreset } from "./preset.js";

const { theory } = gaussianRefit;

/** Generations after which the subsample recursion is taken as its plateau. */
const PLATEAU_ROUNDS = 20_000;

/** accumulate's limit (mle, temperature 1) and accumulate-subsample's plateau, from the cell's settings. */
function markers(study: Study<gaussianRefit.Params>): Marker[] {
  const p = study.cells[0].params;
  const out: Marker[] = [];
  if (p.estimator === "mle" && p.temperature === 1) {
    const limit = theory.accumulateVarianceLimit(p.samples);
    out.push({ metric: "varianceRatio", value: limit, label: `accumulate limit sin(pi/sqrt n)/(pi/sqrt n) = ${limit.toFixed(4)}` });
  }
  const plateau = theory.subsampleTheory(p, p.samples, PLATEAU_ROUNDS)[PLATEAU_ROUNDS].varianceRatio;
  out.push({ metric: "varianceRatio", value: plateau, label: `accumulate-subsample plateau ${plateau.toFixed(4)}` });
  return out;
}

export const kazdanSchedules = definePreset(gaussianRefit, {
  name: "kazdan-schedules",
  title: "Replace, accumulate or accumulate-subsample: a refitted Gaussian collapses, keeps most of its variance, or plateaus lower",
  source:
    "Kazdan, Schaeffer, Dey, Gerstgrasser, Rafailov, Donoho, Koyejo, \"Collapse or Thrive? Perils and Promises of Synthetic Data in a Self-Generating World\", arXiv:2410.16713 (the three schedules, the Gaussian model); " +
    "Gerstgrasser et al., arXiv:2404.01413 (accumulate)",
  description:
    "A Gaussian in 5 dimensions (full covariance) fitted by maximum likelihood to 10 points a generation; varianceRatio is tr Sigma_t / tr Sigma_0, whose recursions do not depend on the dimension. Replace trains on the new points alone: E sigma_t^2/sigma0^2 = 0.9^t -> 0. Accumulate trains on every point so far: E sigma_t^2/sigma0^2 = prod (1 - 1/(s^2 n)) -> sin(pi/sqrt n)/(pi/sqrt n) = 0.8434. Accumulate-subsample trains on 10 points drawn without replacement from that pool: it plateaus at 0.7391, below accumulate and far above replace (Kazdan's \"larger than accumulate, but plateaus\"). " +
    "Dashed: the exact recursions (this project's derivation); with the MLE, E meanError/sigma0^2 + E varianceRatio = 1 under every schedule. logDetRatio and w2sq have closed forms under replace only. " +
    "The same three schedules for the regression chain: the preset kazdan-schedules-regression.",
  spec: {
    params: { dim: 5, samples: 10, estimator: "mle" },
    grid: { "schedule.kind": ["replace", "accumulate", "accumulate-subsample"] },
    generations: 60,
    seeds: 150,
    seed: 2410,
  },
  plot: { x: "generation", series: ["schedule.kind"], metrics: ["varianceRatio", "meanError", "logDetRatio", "w2sq"], markers },
});
