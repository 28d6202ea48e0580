// The playground's pure parts, in Node: the parameter tree and the params it writes (every
// preset's spec, read into the form's leaves and written back, makes the same cells, so the
// same rows), the control each parameter gets, grid values as text, and the address.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { builtInScenarios, describeScenario, presets, resolveStudy, type ParameterDoc } from "../../src/index.js";
import { coveredByGrid, leafValues, paramsOf, parameterTree } from "../../web/app/parameter-tree.js";
import { controlKind } from "../../web/app/control-kind.js";
import { formatGridValues, parseGridValues } from "../../web/app/grid-values.js";
import { decodeState, encodeState } from "../../web/app/url-state.js";

const reference = (name: string) => describeScenario(builtInScenarios.find((s) => s.name === name)!);
const doc = (scenario: string, name: string, kind?: string): ParameterDoc =>
  reference(scenario).parameters.find((p) => p.name === name && (kind === undefined || p.kind === kind))!;
const cellKeys = (spec: unknown) => resolveStudy(spec).cells.map((cell) => cell.key);

test("the tree: objects, tuples and kind-unions hold their keys; the rest are leaves", () => {
  const shapes = (name: string) => Object.fromEntries(parameterTree(reference(name).parameters).map((node) => [node.key, node.shape]));
  assert.equal(shapes("verified-mixture"), { d: "leaf", mu: "leaf", nSynthetic: "leaf", nReal: "leaf", ridge: "leaf", generator: "kinds", verifier: "kinds", method: "leaf", learner: "leaf", selection: "kinds" });
  const weak = shapes("weak-data");
  assert.is(weak.accuracyBeta, "tuple");
  assert.is(weak.filter, "kinds");
  assert.is(weak.labeler, "object");
  const verifier = parameterTree(reference("verified-mixture").parameters).find((node) => node.key === "verifier")!;
  // verifier.margin twice: one key of kind linear (default 0), one of kind self (required).
  assert.equal(verifier.children.map((c) => `${c.key}${c.doc.kind ? `@${c.doc.kind}` : ""}`), ["kind", "keep@random", "phi@noisy", "psi@noisy", "angle@linear", "margin@linear", "margin@self"]);
});

test("every preset's spec, through the form's leaves and back, makes the same cells", () => {
  for (const preset of presets) {
    const tree = parameterTree(reference(String(preset.spec.scenario)).parameters);
    const gridKeys = Object.keys((preset.spec.grid as object | undefined) ?? {});
    const params = paramsOf(tree, leafValues(tree, preset.spec.params), gridKeys);
    assert.equal(cellKeys({ ...preset.spec, params }), cellKeys(preset.spec), preset.name);
  }
});

test("with an arm, the form leaves out what the arm sets (filter.kind, labeler.allocation); without one, writes them", () => {
  const tree = parameterTree(reference("weak-data").parameters);
  const given = { filter: { gamma: 0.1, rho: 0 }, labeler: { beta: 0.5, budget: 0.25 } };
  const gridded = paramsOf(tree, leafValues(tree, given), ["arm"]);
  assert.equal([gridded.filter, gridded.labeler], [{ gamma: 0.1, rho: 0 }, { beta: 0.5, budget: 0.25 }]);
  const armed = paramsOf(tree, leafValues(tree, { ...given, arm: "no-curation" }), []);
  assert.equal([armed.arm, armed.filter, armed.labeler], ["no-curation", { gamma: 0.1, rho: 0 }, { beta: 0.5, budget: 0.25 }]);
  cellKeys({ scenario: "weak-data", params: armed });
  const plain = paramsOf(tree, leafValues(tree, given), []);
  assert.equal([plain.arm, plain.filter, plain.labeler], [null, { kind: "noisy", gamma: 0.1, rho: 0 }, { beta: 0.5, allocation: "replace-rejected", budget: 0.25 }]);
  // An arm beside a filter of kind none in the form: nothing of the filter is written, the arm sets it.
  const none = paramsOf(tree, leafValues(tree, { filter: { kind: "none" }, arm: "filter-only" }), []);
  assert.is(none.filter, undefined);
  cellKeys({ scenario: "weak-data", params: none });
});

test("no params at all: the form holds every default, written out, and they make the default cell", () => {
  for (const scenario of builtInScenarios) {
    const tree = parameterTree(describeScenario(scenario).parameters);
    const params = paramsOf(tree, leafValues(tree, undefined), []);
    assert.equal(cellKeys({ scenario: scenario.name, params }), cellKeys({ scenario: scenario.name }), scenario.name);
  }
  const tree = parameterTree(reference("verified-mixture").parameters);
  assert.equal(paramsOf(tree, leafValues(tree, undefined), []).verifier, { kind: "noisy", phi: 0.8, psi: 0.3 });
});

test("a kind the spec chooses takes its own keys; the grid's keys are left out of params", () => {
  const tree = parameterTree(reference("verified-mixture").parameters);
  const values = leafValues(tree, { verifier: { kind: "linear", angle: 20 } });
  assert.equal(paramsOf(tree, values, []).verifier, { kind: "linear", angle: 20, margin: 0 });
  assert.equal(paramsOf(tree, values, ["verifier.angle"]).verifier, { kind: "linear", margin: 0 });
  assert.is(paramsOf(tree, values, ["verifier.kind"]).verifier, undefined);
  assert.ok(coveredByGrid("verifier.phi", ["verifier.kind"]));
  assert.ok(coveredByGrid("generator.eps", ["generator"]));
  assert.not.ok(coveredByGrid("generator", ["generator.eps"]));
  // A required key left empty stays missing, for validation to name.
  const self = leafValues(tree, { verifier: { kind: "self" } });
  assert.equal(paramsOf(tree, self, []).verifier, { kind: "self" });
});

test("a parameter of one model only is written with that model alone: the softmax model's with model softmax, the table's without it", () => {
  const tree = parameterTree(reference("weak-data").parameters);
  const table = paramsOf(tree, leafValues(tree, undefined), []);
  assert.ok("unsolvable" in table && "alpha" in table && !("features" in table) && !("steps" in table));
  const softmax = paramsOf(tree, leafValues(tree, { model: "softmax", features: 8 }), []);
  assert.ok(!("unsolvable" in softmax) && !("alpha" in softmax) && !("expected" in softmax));
  assert.is(softmax.features, 8);
  assert.is(softmax.steps, 30, "the softmax model's other parameters at their defaults");
  assert.equal(cellKeys({ scenario: "weak-data", params: softmax }), cellKeys({ scenario: "weak-data", params: { model: "softmax", features: 8 } }));
  assert.equal(cellKeys({ scenario: "weak-data", params: table }), cellKeys({ scenario: "weak-data" }), "the table model written out is the default cell");
});

test("controls follow the allowed text: ranges, integers, lists with null, booleans", () => {
  assert.equal(controlKind(doc("verified-mixture", "d")), { type: "number", integer: true, min: 1, max: 11585, nullable: false });
  assert.equal(controlKind(doc("verified-mixture", "ridge")), { type: "number", integer: false, min: undefined, max: 1000000, nullable: false });
  assert.equal(controlKind(doc("verified-mixture", "verifier.margin", "linear")), { type: "number", integer: false, min: 0, max: undefined, nullable: false });
  assert.equal(controlKind(doc("weak-data", "labeler.budget")), { type: "number", integer: false, min: 0, max: 100, nullable: true });
  assert.equal(controlKind(doc("weak-data", "expected")), { type: "boolean" });
  const arm = controlKind(doc("weak-data", "arm"));
  assert.ok(arm.type === "choice" && arm.choices.length === 8 && arm.choices[7].value === null);
  const kind = controlKind(doc("verified-mixture", "verifier.kind"));
  assert.ok(kind.type === "choice" && kind.choices.map((c) => c.value).join() === "none,oracle,random,noisy,linear,self");
  assert.equal(controlKind({ name: "x", allowed: "an object with keys a, b", required: true, description: "" }), { type: "json", nullable: false });
});

test("grid values: numbers, bare strings, JSON objects, ranges; formatted to read back the same", () => {
  assert.equal(parseGridValues("0.1, 0.3,0.5"), [0.1, 0.3, 0.5]);
  assert.equal(parseGridValues("filter-only, no-curation"), ["filter-only", "no-curation"]);
  assert.equal(parseGridValues('{"kind": "oracle"}, {"kind": "linear", "angle": 20}'), [{ kind: "oracle" }, { kind: "linear", angle: 20 }]);
  assert.equal(parseGridValues("0:0.05:0.2"), [0, 0.05, 0.1, 0.15, 0.2]);
  assert.equal(parseGridValues("1e2:100:300, null"), [100, 200, 300, null]);
  for (const values of [[0.1, 1e7], ["a", "1", "x, y", true], [{ kind: "none" }, [1, 3]], [null, "null"]]) {
    assert.equal(parseGridValues(formatGridValues(values)), values);
  }
});

test("the address holds the spec, the preset and the metric", () => {
  const spec = { scenario: "weak-data", params: { labeler: { budget: 0.25 } }, grid: { arm: ["filter+hardest", "filter+uniform"] }, seeds: 3 };
  const hash = encodeState({ spec, preset: "amin-arms", metric: "accuracy" });
  assert.equal(decodeState(hash), { spec, preset: "amin-arms", metric: "accuracy" });
  assert.is(decodeState(""), undefined);
  assert.instance(decodeState("#spec=%7Bnot"), Error);
});

test.run();
