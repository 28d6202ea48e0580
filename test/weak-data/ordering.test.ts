// At an equal label budget: hardest > uniform > filter only > no curation, by margins judged in
// standard errors across replicates. The setting is one where theory expects this order: a
// fifth of the prompts cannot be solved by the model, so only labels fix them (filter only
// stalls below 1 - unsolvable, and without curation accuracy is a martingale that goes
// nowhere); hardest sends the labels to exactly those prompts, while uniform spends most of
// them on prompts already solved, where a wrong label (beta = 1/2) only adds error.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate } from "../../src/index.js";
import { aminArms } from "../../src/presets/amin-arms.js";
import { Z, mean, standardError } from "../helpers/stats.js";

const arms = ["no-curation", "filter-only", "filter+uniform", "filter+hardest"];

test("hardest > uniform > filter only > no curation at an equal budget", async () => {
  const rows = await simulate({
    scenario: "weak-data",
    // The amin-arms preset's setting, smaller, and with a filter that also rejects correct samples.
    params: { ...aminArms.spec.params, prompts: 3000, filter: { gamma: 0.1, rho: 0.05 } },
    grid: { arm: arms },
    generations: 12,
    seeds: 6,
    seed: 7,
  });
  const final = arms.map((arm) => rows.filter((r) => r.arm === arm && r.generation === 12).map((r) => r.accuracy as number));
  const spent = arms.map((arm) => rows.filter((r) => r.arm === arm && r.generation === 12).map((r) => r.labelsTotal as number));
  for (let i = 1; i < arms.length; i++) {
    const margin = mean(final[i]) - mean(final[i - 1]);
    const se = Math.hypot(standardError(final[i]), standardError(final[i - 1]));
    assert.ok(margin > Z * se, `${arms[i]} (${mean(final[i]).toFixed(4)}) beats ${arms[i - 1]} (${mean(final[i - 1]).toFixed(4)}) by ${(margin / se).toFixed(1)} SE`);
  }
  // An equal spend, not only an equal offer: here hardest finds at least the budget's worth of
  // rejected samples in every round, so both arms spend all of it (0.25 per prompt a round).
  // That hardest spends no more than uniform needs no test: it spends min(budget, rejections).
  const wholeBudget = Array(6).fill(0.25 * 12);
  assert.equal(spent[2], wholeBudget, "uniform spends the whole budget");
  assert.equal(spent[3], wholeBudget, "hardest spends the whole budget: the budget binds in every round");
  assert.equal(spent[0], [0, 0, 0, 0, 0, 0]);
  assert.equal(spent[1], [0, 0, 0, 0, 0, 0]);
});

test.run();
