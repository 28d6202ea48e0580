// The toy walk against its closed forms, at tolerances from the Monte Carlo standard error
// (test/helpers/stats.ts): over R replicates, the mean position after t steps is within Z
// standard errors of expectedPosition, and its sample variance within Z standard errors of
// positionVariance (a normal sample's variance has standard error sigma^2 sqrt(2 / (R - 1))).
import { test } from "uvu";
import * as assert from "uvu/assert";
import "../fixtures/register-toy.js";
import { simulate } from "../../src/index.js";
import { assertMeanWithinSE, assertWithinSE, variance } from "../helpers/stats.js";
import { theory } from "../fixtures/toy-walk/index.js";

const R = 400;
const params = { n: 50, drift: 0.1, step: { kind: "scaled", scale: 2 } };
const rows = await simulate({ scenario: "toy-walk", params, generations: 5, seeds: R, seed: 7 });

for (const t of [1, 5]) {
  test(`after ${t} steps: the mean position and its variance follow the closed forms`, () => {
    const positions = rows.filter((row) => row.generation === t).map((row) => row.position as number);
    assert.is(positions.length, R);
    assertMeanWithinSE(positions, theory.expectedPosition(0.1, 2, t), `mean position at t = ${t}`);
    const expected = theory.positionVariance(2, 50, t);
    assertWithinSE(variance(positions), expected, expected * Math.sqrt(2 / (R - 1)), `variance at t = ${t}`);
  });
}

test("theoryPosition is the closed form in every row", () => {
  for (const row of rows) assert.is(row.theoryPosition, theory.expectedPosition(0.1, 2, row.generation as number));
});

test.run();
