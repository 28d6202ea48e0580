// How each allocation spends the budget: amounts, who gets labels, and the draws behind them.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assertWithinSE, chiSquareCritical, chiSquareStatistic } from "../helpers/stats.js";
import { wasm, startRun, sum } from "./helpers.js";
import type { TableModelRun } from "../../src/scenarios/weak-data/index.js";
import type { ParamsOf } from "../../src/index.js";

const base = {
  prompts: 6000,
  responses: 8,
  unsolvable: 0.2,
  accuracyBeta: [1, 3],
  samples: 4,
  alpha: 0.5,
  filter: { kind: "noisy", gamma: 0.1, rho: 0.05 },
} satisfies ParamsOf<"weak-data">;

function labelled(allocation: string, budget: number | null, expected = false) {
  return { ...base, expected, labeler: { beta: 0.5, allocation, budget } };
}

/** Per round: rejections and labels per prompt, and the streaks, after the round. */
function rounds(run: TableModelRun, count: number, check: (rejected: Float64Array, labels: Float64Array, streak: Int32Array) => void): void {
  try {
    for (let t = 0; t < count; t++) {
      run.step();
      check(run.buffers.rejected.view, run.buffers.labels.view, run.buffers.streak.view);
    }
  } finally {
    run.free();
  }
}

test("uniform and proportional spend the whole budget, hardest min(budget, rejections), replace-rejected every rejection", () => {
  const budget = 0.3;
  const offered = Math.round(budget * base.prompts);
  for (const allocation of ["uniform", "proportional"]) {
    rounds(startRun(wasm, labelled(allocation, budget), 41n), 5, (_, labels) => assert.is(sum(labels), offered, allocation));
  }
  for (const b of [budget, 2]) {
    rounds(startRun(wasm, labelled("hardest", b), 42n), 5, (rejected, labels) => {
      assert.is(sum(labels), Math.min(Math.round(b * base.prompts), sum(rejected)), `hardest at budget ${b}`);
      labels.forEach((l, x) => assert.ok(Number.isInteger(l) && l >= 0 && l <= rejected[x], `hardest: prompt ${x} gets at most one label per rejection`));
    });
    rounds(startRun(wasm, labelled("replace-rejected", b), 42n), 5, (rejected, labels) => assert.equal(labels, rejected));
  }
});

test("hardest serves prompts in order of rejections, then streak; only one prompt is partly served", () => {
  rounds(startRun(wasm, labelled("hardest", 0.15), 43n), 8, (rejected, labels, streak) => {
    const key = (x: number) => rejected[x] * 2 ** 32 + streak[x];
    let lowestServed = Infinity, highestUnserved = -Infinity, partly = 0;
    rejected.forEach((r, x) => {
      if (r === 0) return;
      if (labels[x] > 0) lowestServed = Math.min(lowestServed, key(x));
      if (labels[x] === 0) highestUnserved = Math.max(highestUnserved, key(x));
      if (labels[x] > 0 && labels[x] < r) partly += 1;
    });
    assert.ok(lowestServed >= highestUnserved, "no unserved prompt ranks above a served one");
    assert.ok(partly <= 1, `${partly} prompts partly served`);
  });
});

test("hardest breaks ties at random: a tied group's served prompts are a uniform subset of it", () => {
  // Round 1: every prompt with a rejection has streak 1, so ties within a rejection count are
  // broken at random. Under that, the served members of the boundary group fall in the first
  // half of the prompts in the proportion the group's members do.
  let served = 0, servedFirst = 0, members = 0, membersFirst = 0;
  for (let seed = 0n; seed < 6n; seed++) {
    rounds(startRun(wasm, labelled("hardest", 0.4), 100n + seed), 1, (rejected, labels) => {
      const boundary = Math.min(...Array.from(rejected.filter((r, x) => r > 0 && labels[x] > 0)));
      rejected.forEach((r, x) => {
        if (r !== boundary) return;
        const first = x < base.prompts / 2;
        members += 1;
        membersFirst += first ? 1 : 0;
        if (labels[x] > 0) {
          served += 1;
          servedFirst += first ? 1 : 0;
        }
      });
    });
  }
  assert.ok(served > 100 && served < members - 100, `the budget splits the tied group (${served} of ${members})`);
  const f = membersFirst / members;
  assertWithinSE(servedFirst / served, f, Math.sqrt((f * (1 - f)) / served), "share of the served tied prompts in the first half");
});

test("uniform and proportional draw their labels from the right multinomial", () => {
  // uniform: label counts of ten blocks of prompts; proportional: counts by rejections.
  const offered = Math.round(0.5 * base.prompts);
  rounds(startRun(wasm, labelled("uniform", 0.5), 44n), 3, (_, labels) => {
    const blocks = new Array(10).fill(0);
    labels.forEach((l, x) => (blocks[Math.floor((x * 10) / labels.length)] += l));
    const stat = chiSquareStatistic(blocks, new Array(10).fill(offered / 10));
    assert.ok(stat < chiSquareCritical(9), `uniform: chi-square ${stat}`);
  });
  rounds(startRun(wasm, labelled("proportional", 0.5), 45n), 3, (rejected, labels) => {
    const observed = new Array(base.samples + 1).fill(0), weight = new Array(base.samples + 1).fill(0);
    rejected.forEach((r, x) => {
      observed[r] += labels[x];
      weight[r] += r;
    });
    const total = sum(weight);
    const expected = weight.map((w) => (offered * w) / total);
    assert.is(observed[0], 0, "no labels for prompts without rejections");
    const stat = chiSquareStatistic(observed.slice(1), expected.slice(1));
    assert.ok(stat < chiSquareCritical(base.samples - 1), `proportional: chi-square ${stat}`);
  });
});

test("expected mode spends the expectation of each rule", () => {
  const budget = 0.5;
  const offered = budget * base.prompts;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  rounds(startRun(wasm, labelled("uniform", budget, true), 46n), 3, (_, labels) => {
    labels.forEach((l) => assert.ok(close(l, budget)));
  });
  rounds(startRun(wasm, labelled("proportional", budget, true), 47n), 3, (rejected, labels) => {
    const total = sum(rejected);
    labels.forEach((l, x) => assert.ok(close(l, (offered * rejected[x]) / total)));
  });
  rounds(startRun(wasm, labelled("replace-rejected", budget, true), 48n), 3, (rejected, labels) => assert.equal(labels, rejected));
  rounds(startRun(wasm, labelled("hardest", budget, true), 49n), 3, (rejected, labels) => {
    assert.ok(close(sum(labels), Math.min(offered, sum(rejected))), "spends min(budget, expected rejections)");
    // Filled in order: a prompt short of its demand has no more rejections than any prompt with labels;
    // prompts with equal expected rejections get equal labels.
    const short = Array.from(rejected.keys()).filter((x) => labels[x] < rejected[x] - 1e-12);
    const served = Array.from(rejected.keys()).filter((x) => labels[x] > 0);
    const mostShort = Math.max(...short.map((x) => rejected[x]));
    assert.ok(served.every((x) => rejected[x] >= mostShort), "served prompts rank at or above every short one");
    short.forEach((x) => {
      if (rejected[x] === mostShort) assert.ok(close(labels[x], labels[short.find((y) => rejected[y] === mostShort)!]), "ties share evenly");
    });
  });
});

test.run();
