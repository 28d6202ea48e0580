// The gaussian-refit scenario: a Gaussian refitted, round after round, to points drawn from its
// previous fit (Shumailov et al., Nature 2024, and the papers that followed), under any of the
// schedule layer's data schedules. Exports the scenario contract every scenario folder shares.
import type { Scenario } from "../scenario.js";
import { params, checkParams, checkGenerations, type Params } from "./params.js";
import { metrics } from "./metrics.js";
import { runReplicate } from "./simulate.js";

export { params, checkParams, checkGenerations, type Params } from "./params.js";
export { metrics } from "./metrics.js";
export { runReplicate, RefitRun } from "./simulate.js";
export * as theory from "./theory.js";

export const scenario: Scenario<Params> = {
  name: "gaussian-refit",
  title: "A Gaussian refitted to its own samples: how fast does its variance vanish, and which data schedules keep it?",
  source:
    "Shumailov, Shumaylov, Zhao, Papernot, Anderson, Gal, \"AI models collapse when trained on recursively generated data\", Nature 2024, arXiv:2305.17493 (the Gaussian model); " +
    "with Bertrand et al., ICLR 2024, arXiv:2310.00429; Alemohammad et al., ICLR 2024, arXiv:2307.01850; Kazdan et al., arXiv:2410.16713; Suresh et al., arXiv:2412.17646",
  params,
  check: checkParams,
  checkGenerations,
  metrics,
  runReplicate,
};
