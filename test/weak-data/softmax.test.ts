// The softmax model's behaviour, judged over replicates: a replicate's held-out metrics are one
// draw (its world, its teacher, its rounds), independent across replicates, so a difference of
// means is significant beyond Z standard errors. Arms are compared by their values at the last
// generation; an arm against its own start by its gain. The setting is the theory page's,
// smaller: a sharply peaked start (initialScale 8), where sampling rarely finds the answer of a
// prompt the model gets wrong, and a flat one (initialScale 1), where it does and weak labels
// (beta 0.3: 70% wrong) mostly add noise.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { simulate, type Row } from "../../src/index.js";
import { aminGeneralization } from "../../src/presets/amin-generalization.js";
import { Z, mean, standardError } from "../helpers/stats.js";

const GENERATIONS = 8;
const SEEDS = 10;

// The amin-generalization preset's setting, with fewer prompts.
const setting = { ...aminGeneralization.spec.params, prompts: 1000, testPrompts: 1000 };

const arms = ["no-curation", "filter-only", "filter+resample", "filter+uniform", "filter+hardest"];

const rows: Row[] = await simulate({
  scenario: "weak-data",
  params: setting,
  grid: { initialScale: [8, 1], arm: arms },
  generations: GENERATIONS,
  seeds: SEEDS,
  seed: 12,
});

/** One value per replicate of a metric at a generation, for an arm and a start. */
function values(arm: string, initialScale: number, metric: string, generation = GENERATIONS): number[] {
  return rows.filter((r) => r.arm === arm && r.initialScale === initialScale && r.generation === generation).map((r) => r[metric] as number);
}

/** Change of a metric from generation 0 to the last, per replicate. */
function gains(arm: string, initialScale: number, metric: string): number[] {
  const start = values(arm, initialScale, metric, 0);
  return values(arm, initialScale, metric).map((v, i) => v - start[i]);
}

/** Fails unless mean(a) exceeds mean(b) by more than Z standard errors of the difference. */
function assertAbove(a: number[], b: number[], what: string): void {
  assert.is(a.length, SEEDS);
  const margin = mean(a) - mean(b);
  const se = Math.hypot(standardError(a), standardError(b));
  assert.ok(margin > Z * se, `${what}: ${mean(a).toFixed(4)} vs ${mean(b).toFixed(4)} (${(margin / se).toFixed(1)} SE)`);
}

test("no curation does not raise held-out accuracy; filtering does", () => {
  for (const scale of [8, 1]) {
    const none = gains("no-curation", scale, "testAccuracy");
    assert.ok(mean(none) < Z * standardError(none), `no curation, initialScale ${scale}: gain ${mean(none).toFixed(4)} +- ${standardError(none).toFixed(4)}`);
    assertAbove(gains("filter-only", scale, "testAccuracy"), none, `filter-only's gain over no curation's, initialScale ${scale}`);
    const filtered = gains("filter-only", scale, "testAccuracy");
    assert.ok(mean(filtered) > Z * standardError(filtered), `filter-only raises held-out accuracy, initialScale ${scale}`);
  }
});

test("with a peaked start, hardest-first weak labels beat filtering only and resampling on held-out top-1", () => {
  const hardest = values("filter+hardest", 8, "testTop1");
  assertAbove(hardest, values("filter-only", 8, "testTop1"), "hardest over filter-only");
  assertAbove(hardest, values("filter+resample", 8, "testTop1"), "hardest over resample");
});

test("labels on training prompts raise held-out accuracy: the model generalizes them", () => {
  // Labels go to training prompts only; the held-out prompts are never curated.
  for (const arm of ["filter+uniform", "filter+hardest"]) assertAbove(values(arm, 8, "testAccuracy"), values("filter-only", 8, "testAccuracy"), `${arm} over filter-only`);
});

test("with a flat start, weak labels that are mostly wrong cost held-out accuracy: filtering only beats hardest-first labels", () => {
  assertAbove(values("filter-only", 1, "testAccuracy"), values("filter+hardest", 1, "testAccuracy"), "filter-only over hardest");
});

test("the arms spend what they should: labels for the labelled arms, extra samples for resampling, at most the budget", () => {
  for (const arm of arms) {
    const labels = values(arm, 8, "labelsTotal"), extra = values(arm, 8, "extraSamplesTotal");
    const labelled = arm === "filter+uniform" || arm === "filter+hardest";
    labels.forEach((l) => assert.ok(labelled ? l > 0 && l <= 0.25 * GENERATIONS + 1e-12 : l === 0, `${arm}: labels ${l}`));
    extra.forEach((e) => assert.ok(arm === "filter+resample" ? e > 0 && e <= 0.25 * GENERATIONS + 1e-12 : e === 0, `${arm}: extra samples ${e}`));
  }
  const table = rows.filter((r) => r.generation === GENERATIONS);
  for (const name of ["solvedFraction", "unsolved", "gini", "theoryAccuracy", "theoryGini", "theoryLabelsTotal"]) {
    assert.ok(table.every((r) => r[name] === null), `${name} is null for the softmax model`);
  }
});

test.run();
