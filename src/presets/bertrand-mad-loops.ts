// Bertrand's and MAD's loops with real data: a fixed real set with lambda synthetic points per
// real one, fresh real data every round, and the fully synthetic loop, each with and without a
// sampling bias (a temperature below 1).
import * as gaussianRefit from "../scenarios/gaussian-refit/index.js";
import type { Marker } from "../report/chart-plan.js";
import type { Study } from "../study/spec.js";
import { SchedulePlan } from "../schedules/index.js";
import { definePreset } from "./preset.js";

const { theory } = gaussianRefit;

/** The stationary variance of each fixed-real cell (exact: the recursion's fixed point). */
function markers(study: Study<gaussianRefit.Params>): Marker[] {
  const out: Marker[] = [];
  for (const { params } of study.cells) {
    if (params.schedule.kind !== "fixed-real") continue;
    const plan = new SchedulePlan(params.schedule, params.samples);
    const { varianceRatio } = theory.fixedRealStationary(params, plan.realSet, plan.syntheticPerRound);
    out.push({ metric: "varianceRatio", value: varianceRatio, label: `v*(lambda ${params.schedule.lambda}, tau ${params.temperature}) = ${varianceRatio.toFixed(3)}` });
  }
  return out;
}

export const bertrandMadLoops = definePreset(gaussianRefit, {
  name: "bertrand-mad-loops",
  title: "Real data in the loop: a fixed real set (lambda synthetic points per real one) and fresh real data keep a refitted Gaussian stable, even with a sampling bias",
  source:
    "Bertrand, Bose, Duplessis, Jiralerspong, Gidel, \"On the Stability of Iterative Retraining of Generative Models on their own Data\", ICLR 2024, arXiv:2310.00429 (fixed real data, lambda); " +
    "Alemohammad, Casco-Rodriguez, Luzi, Humayun, Babaei, LeJeune, Siahkoohi, Baraniuk, \"Self-Consuming Generative Models Go MAD\", ICLR 2024, arXiv:2307.01850 (fully synthetic, synthetic augmentation and fresh data loops; sampling bias)",
  description:
    "A Gaussian in 4 dimensions (full covariance) fitted by maximum likelihood to each round's training set; varianceRatio is tr Sigma_t / tr Sigma_0, whose recursions do not depend on the dimension. replace (MAD's fully synthetic loop) collapses, and faster with the sampling bias tau = 0.8 (E sigma_t^2 = (tau (n - 1)/n)^t). fixed-real (Bertrand's setting, MAD's synthetic augmentation) adds M = lambda N fresh synthetic points to one real set of N = 20 points: it is stable for every lambda, far beyond Bertrand's sufficient lambda < 1/2, and its stationary variance v* = (N - 1)/(c - tau (M - 1 + (1 + lambda)/(1 + 2 lambda))) (marked; exact) sits just below the real-data fit, lower with the bias. fresh-real (MAD's fresh data loop) draws half of each round's 20 points from the truth and stays bounded. " +
    "Dashed: the exact recursions (this project's derivation).",
  spec: {
    params: { dim: 4, samples: 20, estimator: "mle" },
    grid: {
      schedule: [{ kind: "replace" }, { kind: "fixed-real", lambda: 0.5 }, { kind: "fixed-real", lambda: 4 }, { kind: "fresh-real", realFraction: 0.5 }],
      temperature: [1, 0.8],
    },
    generations: 50,
    seeds: 60,
    seed: 2310,
  },
  plot: { x: "generation", series: ["schedule.kind", "schedule.lambda", "temperature"], metrics: ["varianceRatio", "meanError", "w2sq"], markers },
});
