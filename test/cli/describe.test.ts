// collapse-sim scenarios and collapse-sim describe, run as a user would: every scenario's
// parameters (name, allowed values, default, meaning); one scenario's parameters and metrics;
// an unknown name is a usage error naming the known ones (exit code 2).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cliSync } from "../helpers/study-dirs.js";
import { builtInScenarios } from "../../src/scenarios/index.js";
import { describeScenario } from "../../src/scenarios/describe.js";

test("describe weak-data prints every parameter with its range, default and meaning, then the metrics", () => {
  const { code, stdout, stderr } = cliSync(["describe", "weak-data"]);
  assert.is(code, 0, stderr);
  assert.match(stdout, /^weak-data\n/);
  assert.match(stdout, /\n {2}labeler\.budget +a number in \[0, 100\] \(labels per prompt per round\), or null for no limit;\n +default null\n +labels offered per prompt per round/);
  assert.match(stdout, /\n {2}accuracyBeta\.0 +a number in \[0\.1, 1000\]; default 1\n/);
  assert.match(stdout, /\n {2}filter\.gamma +\(kind "noisy"\) a number in \[0, 1\]; default 0\n/);
  assert.match(stdout, /\n +- "hardest": up to budget x prompts labels a round/);
  assert.match(stdout, /\n {2}theoryGini +predicts gini: /);
  const reference = describeScenario(builtInScenarios.find((s) => s.name === "weak-data")!);
  for (const { name } of [...reference.parameters, ...reference.metrics]) assert.match(stdout, `\n  ${name} `);
});

test("scenarios lists every scenario with its parameters, registered ones included", () => {
  const { code, stdout, stderr } = cliSync(["scenarios"]);
  assert.is(code, 0, stderr);
  for (const name of ["verified-mixture", "weak-data", "toy-walk"]) assert.match(stdout, new RegExp(`(^|\\n)${name}\\n`));
  assert.match(stdout, /\n {2}verifier\.phi +\(kind "noisy"\) a number in \[0, 1\]; required\n +probability that a correctly labelled point is kept\n/);
  assert.match(stdout, /\n {2}drift +a number in \[-1, 1\]; default 0\n/);
  assert.not.match(stdout, "Metrics (");
});

test("an unknown or missing scenario is a usage error naming the known ones", () => {
  const unknown = cliSync(["describe", "weak-dat"]);
  assert.is(unknown.code, 2);
  assert.is(unknown.stdout, "");
  assert.match(unknown.stderr, /^unknown scenario "weak-dat"; known scenarios: "verified-mixture", "weak-data", .*"toy-walk"/);
  const missing = cliSync(["describe"]);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /^describe takes one scenario name/);
});

test("help names both commands", () => {
  const { code, stdout } = cliSync(["help"]);
  assert.is(code, 0);
  assert.match(stdout, "collapse-sim scenarios ");
  assert.match(stdout, "collapse-sim describe SCENARIO ");
});

test.run();
