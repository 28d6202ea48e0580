// accumulate-subsample has no closed form (the fit depends on which old rows are drawn, not a
// Markov recursion in w_(t-1)); besides the bit-identical engines it is tested against the
// published Monte Carlo of Kazdan et al. ("Collapse or Thrive?", arXiv:2410.16713): d = 10,
// n = 100, noise 1, fixed inputs, least squares: 0.111, 0.200 and 0.316 at t = 1, 2 and 10.
// Their replicate count is not stated: the tolerance takes 1000 (their standard error then
// about ours times sqrt(2000/1000)), combined with ours, at Z = 4.5.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Z, mean, standardError } from "../helpers/stats.js";
import { runChain, valuesAt } from "./helpers.js";

const PUBLISHED: Array<[t: number, value: number]> = [[1, 0.111], [2, 0.2], [10, 0.316]];
const THEIR_REPLICATES = 1000;

test("accumulate-subsample reproduces Kazdan et al.'s Monte Carlo at t = 1, 2, 10", async () => {
  const seeds = 2000;
  const rows = await runChain({ dim: 10, samples: 100, noise: 1, design: "fixed", conditional: false, schedule: { kind: "accumulate-subsample" } }, 10, seeds, 13);
  for (const [t, value] of PUBLISHED) {
    const errors = valuesAt(rows, t, "testError");
    const ours = standardError(errors), theirs = ours * Math.sqrt(seeds / THEIR_REPLICATES);
    const tolerance = Z * Math.sqrt(ours * ours + theirs * theirs);
    assert.ok(Math.abs(mean(errors) - value) <= tolerance, `t = ${t}: ${mean(errors)} vs published ${value} (tolerance ${tolerance})`);
  }
});

test.run();
