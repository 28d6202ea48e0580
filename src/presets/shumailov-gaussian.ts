// Shumailov's Gaussian: a one-dimensional Gaussian refitted to n of its own samples, round after
// round, with the MLE and with the unbiased estimator, beside the exact expectations, and the
// share of replicates whose variance has collapsed.
import * as gaussianRefit from "../scenarios/gaussian-refit/index.js";
import type { Row } from "../study/rows.js";
import { definePreset } from "./preset.js";

const { theory } = gaussianRefit;

/** sigma_t^2 below this share of sigma0^2 counts as collapsed. */
const COLLAPSED = 0.1;

export const shumailovGaussian = definePreset(gaussianRefit, {
  name: "shumailov-gaussian",
  title: "A Gaussian refitted to its own samples: the MLE's variance shrinks geometrically, the unbiased one's stays 1 in mean yet collapses almost surely",
  source:
    "Shumailov, Shumaylov, Zhao, Papernot, Anderson, Gal, \"AI models collapse when trained on recursively generated data\", Nature 2024, arXiv:2305.17493 (the single-dimensional Gaussian and its W2 bound); " +
    "Bertrand et al., ICLR 2024, arXiv:2310.00429 (E sigma_t = alpha^t sigma0); Suresh et al., arXiv:2412.17646 (collapse in about n generations)",
  description:
    "Each generation fits N(mu, sigma^2) to n points drawn from the previous fit (generation 1 fits the truth's points), for n = 10, 20 and 50. Dashed, exact: with the MLE, E sigma_t^2/sigma0^2 = ((n - 1)/n)^t (0.5987 at n = 20, t = 10); with the unbiased estimator it stays 1 (a martingale) while E ln sigma_t^2 falls linearly (t (psi((n - 1)/2) + ln(2/(n - 1)))) and E sigma_t = alpha^t (0.8768 at n = 20, t = 10): sigma_t -> 0 almost surely, the median losing a factor e every n generations or so. " +
    "w2sq: the exact E W2^2 (0.6432 for the MLE at n = 20, t = 10) beside Shumailov's (3/2) sigma0^2 sum 1/n_s, asymptotic for t much smaller than n. " +
    "The derived share of replicates with sigma_40^2 < 0.1 sigma0^2 stands beside its normal approximation (asymptotic; 0.815 for the MLE and 0.470 for the unbiased estimator at n = 20).",
  spec: {
    params: { dim: 1, samples: 20, sigma0: 1, schedule: { kind: "replace" } },
    grid: { estimator: ["mle", "unbiased"], samples: [10, 20, 50] },
    generations: 40,
    seeds: 100,
    seed: 2305,
  },
  plot: { x: "generation", series: ["estimator", "samples"], metrics: ["sigmaRatio", "varianceRatio", "logDetRatio", "w2sq", "meanError", "klReverse"] },
  derived: [
    {
      name: "collapsed",
      description: `1 when sigma_T^2 < ${COLLAPSED} sigma0^2 at the last generation T: its mean is the share of replicates whose variance has collapsed`,
      compute: (rows: readonly Row[]) => ((rows[rows.length - 1].varianceRatio as number) < COLLAPSED ? 1 : 0),
      theories: [
        {
          name: "asymptoticCollapsed",
          description: "P(sigma_T^2 < 0.1 sigma0^2) by the central limit theorem for the sum of T log chi-squares (asymptotic)",
          closedForm: "asymptotic",
          compute: (params, generations) => theory.collapseProbability(params.estimator, params.temperature, params.samples, generations, COLLAPSED),
        },
      ],
    },
  ],
  derivedPlot: { x: "samples", series: ["estimator"], xTitle: "samples (n, points per generation)" },
});
