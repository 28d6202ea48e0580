// Model Collapse Demystified: a regression chain with fresh or fixed inputs, under- and
// over-parametrised, with least squares and with ridge, beside the exact OLS forms and the
// Marchenko-Pastur limits of ridge.
import * as regressionChain from "../scenarios/regression-chain/index.js";
import type { Marker } from "../report/chart-plan.js";
import type { Study } from "../study/spec.js";
import { definePreset } from "./preset.js";

/** The null predictor's error: w = 0 has testError = signal^2. */
function markers(study: Study<regressionChain.Params>): Marker[] {
  const p = study.cells[0].params;
  return [{ metric: "testError", value: p.signal * p.signal, label: `the null predictor w = 0: signal^2 = ${p.signal * p.signal}` }];
}

export const demystifiedRegression = definePreset(regressionChain, {
  name: "demystified-regression",
  title: "Fresh or fixed inputs, n < d or n > d, least squares or ridge: linear growth, collapse to the null predictor, or a bounded error",
  source:
    "Dohmatob, Feng, Kempe, \"Model Collapse Demystified: The Case of Regression\", NeurIPS 2024, arXiv:2402.07712 (Theorems 4.1, 4.5 and 4.6: the error of fresh and fixed designs, the over-parametrised collapse; ridge as a remedy)",
  description:
    "Linear regression in d = 40 dimensions, label noise 0.5, n = 20 (n < d) or n = 100 (n > d) labelled rows a generation, replacing the data, with fresh or fixed inputs. Charts: least squares (ridge 0), and ridge 0.1. " +
    "n > d: the error grows linearly, t sigma^2 d/(n - d - 1) with either design (Thm 4.1, exact finite-sample form). " +
    "n < d, fixed inputs: the first fit projects the truth on the inputs' row space, s^2 (1 - n/d), and the noise then adds t sigma^2 n/(d - n - 1) (Thm 4.5). " +
    "n < d, fresh inputs: each round keeps a random n/d of the signal, so the error rises to the null predictor's s^2 like s^2 (1 - (n/d)^t), plus a bounded noise term (Thm 4.6): collapse to w = 0. " +
    "Ridge (by this project's derivation): under replace the error converges to the null predictor's plus a bounded term instead of growing linearly; its asymptotic Marchenko-Pastur limit is dashed (not a test). " +
    "Dashed: the exact OLS forms and the exact expectation given the inputs.",
  spec: {
    params: { dim: 40, noise: 0.5, signal: 1 },
    grid: { design: ["fresh", "fixed"], samples: [20, 100], ridge: [0, 0.1] },
    generations: 30,
    seeds: 60,
    seed: 2402,
  },
  plot: {
    x: "generation", series: ["design", "samples"], facet: "ridge", metrics: ["testError", "weightNormSq"], markers,
    title: "the OLS rates of fresh and fixed designs are Dohmatob et al.'s; the exact finite-sample forms, the conditional column and the ridge limits are this project's",
  },
});
