// Gerstgrasser et al.'s linear-regression result: replacing the data makes the test error grow
// linearly in the generations, accumulating it keeps the error below pi^2/6 times the first
// generation's, drawn beside the exact finite-sample forms and the bound.
import * as regressionChain from "../scenarios/regression-chain/index.js";
import type { Marker } from "../report/chart-plan.js";
import type { Study } from "../study/spec.js";
import { definePreset } from "./preset.js";

const { theory } = regressionChain;

/** The pi^2/6 bound on accumulate, and the first generation's error it multiplies. */
function markers(study: Study<regressionChain.Params>): Marker[] {
  const p = study.cells[0].params;
  const first = p.noise * p.noise * theory.inverseTrace(p.samples, p.dim);
  const bound = theory.accumulateBound(p, p.samples);
  return [
    { metric: "testError", value: bound, label: `accumulate bound (pi^2/6) sigma^2 d/(n - d - 1) = ${bound.toFixed(4)}` },
    { metric: "testError", value: first, label: `generation 1: sigma^2 d/(n - d - 1) = ${first.toFixed(4)}` },
  ];
}

export const gerstgrasserAccumulate = definePreset(regressionChain, {
  name: "gerstgrasser-accumulate",
  title: "Replace or accumulate: a regression chain's error grows linearly, or stays below pi^2/6 times its first generation's",
  source:
    "Gerstgrasser, Schaeffer, Dey, Rafailov, Sleight, Hughes, Korbak, Agrawal, Pai, Gromov, Roberts, Yang, Donoho, Koyejo, \"Is Model Collapse Inevitable? Breaking the Curse of Recursion by Accumulating Real and Synthetic Data\", arXiv:2404.01413 (the linear-regression theorems); " +
    "Dohmatob, Feng, Kempe, NeurIPS 2024, arXiv:2402.07712 (the linear growth under replace)",
  description:
    "Linear regression in d = 10 dimensions on n = 100 fixed inputs, label noise sigma = 1, least squares. Generation 1 fits the truth's labels; generation t fits labels drawn from generation t - 1. " +
    "Replace trains on the newest labels alone: E testError = t sigma^2 d/(n - d - 1), linear in t (1.1236 at t = 10). Accumulate trains on every generation's labels: E testError = sigma^2 d/(n - d - 1) sum_(j <= t) 1/j^2, below the (pi^2/6) sigma^2 d/(n - d - 1) = 0.1848 line (0.1741 at t = 10). " +
    "Dashed: the exact finite-sample forms (this project's; the papers give the leading order) and the exact expectation given the inputs.",
  spec: {
    params: { dim: 10, samples: 100, noise: 1, design: "fixed" },
    grid: { "schedule.kind": ["replace", "accumulate"] },
    generations: 50,
    seeds: 100,
    seed: 2404,
  },
  plot: {
    x: "generation", series: ["schedule.kind"], metrics: ["testError", "weightNormSq"], markers,
    title: "replace against accumulate and the pi^2/6 bound are Gerstgrasser et al.'s; the exact finite-sample forms and the conditional column are this project's",
  },
});
