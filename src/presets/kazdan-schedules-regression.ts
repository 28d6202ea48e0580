// Collapse or thrive, for the regression chain: replace, accumulate and accumulate-subsample side
// by side (kazdan-schedules draws the same schedules for the Gaussian), with the exact forms
// where they exist.
import * as regressionChain from "../scenarios/regression-chain/index.js";
import type { Marker } from "../report/chart-plan.js";
import type { Study } from "../study/spec.js";
import { definePreset } from "./preset.js";

const { theory } = regressionChain;

function markers(study: Study<regressionChain.Params>): Marker[] {
  const p = study.cells[0].params;
  const bound = theory.accumulateBound(p, p.samples);
  return [{ metric: "testError", value: bound, label: `accumulate bound (pi^2/6) sigma^2 d/(n - d - 1) = ${bound.toFixed(4)}` }];
}

export const kazdanSchedulesRegression = definePreset(regressionChain, {
  name: "kazdan-schedules-regression",
  title: "Replace, accumulate or accumulate-subsample for a regression chain: linear growth, a bounded error, or slow growth that flattens",
  source:
    "Kazdan, Schaeffer, Dey, Gerstgrasser, Rafailov, Donoho, Koyejo, \"Collapse or Thrive? Perils and Promises of Synthetic Data in a Self-Generating World\", arXiv:2410.16713 (the three schedules, linear regression); " +
    "Gerstgrasser et al., arXiv:2404.01413 (accumulate)",
  description:
    "The companion of kazdan-schedules (the Gaussian): linear regression in d = 10 dimensions on n = 100 fixed inputs, label noise 1, least squares. " +
    "Replace grows linearly (t sigma^2 d/(n - d - 1)); accumulate stays below (pi^2/6) sigma^2 d/(n - d - 1) = 0.1848; accumulate-subsample, which trains on n rows drawn without replacement from the pool, grows slowly and flattens (Kazdan et al.'s Monte Carlo: 0.111, 0.200, 0.316, 0.359 at t = 1, 2, 10, 100). " +
    "Dashed: the exact forms under replace and accumulate and the exact expectation given the inputs; accumulate-subsample has neither (no Markov recursion), so only its simulation is drawn.",
  spec: {
    params: { dim: 10, samples: 100, noise: 1, design: "fixed" },
    grid: { "schedule.kind": ["replace", "accumulate", "accumulate-subsample"] },
    generations: 100,
    seeds: 100,
    seed: 2410,
  },
  plot: {
    x: "generation", series: ["schedule.kind"], metrics: ["testError", "weightNormSq"], markers,
    title: "the three schedules and the subsample's Monte Carlo are Kazdan et al.'s; the exact forms and the conditional column are this project's",
  },
});
