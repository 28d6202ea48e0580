// The parameter reference read from schemas: every parameter of every built-in scenario is
// documented with a meaning, under the dotted names rows use, with the defaults resolution gives;
// and the walk handles what schemas are made of (kind-unions, tuples, nullable, prefault,
// transform).
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod/mini";
import { builtInScenarios, resolveParams } from "../../src/scenarios/index.js";
import { describeScenario } from "../../src/scenarios/describe.js";
import { describeParameters, defaultText } from "../../src/validation/describe-schema.js";
import { boolean, byKind, integer, oneOf, param, real, strictObject, tuple } from "../../src/validation/schema.js";
import { flattenParams, getDotted } from "../../src/study/flatten.js";

test("every parameter, kind and metric of the built-in scenarios has a meaning and an allowed range", () => {
  for (const scenario of builtInScenarios) {
    const reference = describeScenario(scenario);
    for (const doc of reference.parameters) {
      assert.ok(doc.description.length > 0, `${scenario.name} ${doc.name}: no description`);
      assert.ok(doc.allowed.length > 0, `${scenario.name} ${doc.name}: no allowed range`);
      for (const value of doc.values ?? []) assert.ok(value.meaning.length > 0, `${scenario.name} ${doc.name} = ${value.value}: no meaning`);
    }
    for (const metric of reference.metrics) assert.ok(metric.description.length > 0, `${scenario.name} ${metric.name}: no description`);
  }
});

test("every column of the default parameters' rows is documented, with the default resolution gives", () => {
  for (const scenario of builtInScenarios) {
    const docs = describeParameters(scenario.params);
    const resolved = resolveParams(scenario, {});
    for (const [name, value] of Object.entries(flattenParams(resolved))) {
      // A key of a kind-union belongs to the kind of an enclosing object: its parent's, or further up for a nested object.
      const parts = name.split(".");
      const kinds = parts.slice(1).map((_, i) => getDotted(resolved, `${parts.slice(0, parts.length - 1 - i).join(".")}.kind`));
      const doc = docs.find((d) => d.name === name && (d.kind === undefined || kinds.includes(d.kind)));
      assert.ok(doc, `${scenario.name}: row column ${name} is not documented`);
      if (!doc.required) assert.equal(doc.default, value, `${scenario.name} ${name}`);
    }
  }
});

test("a kind-union: the union, its kind with each kind's meaning and keys, then each kind's keys", () => {
  const schema = strictObject({
    shape: param(byKind([
      param(strictObject({ kind: z.literal("dot") }), { description: "a point" }),
      param(strictObject({ kind: z.literal("ring"), radius: param(real(0, 5), { default: 1, description: "how wide" }) }), { description: "a circle" }),
    ]), { default: { kind: "dot" }, description: "what is drawn" }),
  });
  assert.equal(describeParameters(schema), [
    { name: "shape", allowed: 'an object whose kind is one of "dot", "ring"', required: false, default: { kind: "dot" }, description: "what is drawn" },
    {
      name: "shape.kind", allowed: 'one of "dot", "ring"', required: false, default: "dot", description: "which kind of shape",
      values: [{ value: "dot", meaning: "a point", keys: [] }, { value: "ring", meaning: "a circle", keys: ["radius"] }],
    },
    { name: "shape.radius", allowed: "a number in [0, 5]", required: false, default: 1, description: "how wide", kind: "ring" },
  ]);
});

test("tuples, nullable, enums with meanings, booleans, prefault and transform", () => {
  const schema = z.pipe(strictObject({
    pair: param(tuple([param(integer(1, 9), { description: "first" }), param(integer(1, 9), { description: "second" })], "a pair of integers in [1, 9]"), {
      default: [2, 3],
      description: "two counts",
    }),
    limit: param(z.nullable(real(0, 1)), { default: null, description: "a cap" }),
    mode: param(oneOf(["a", "b"], { a: "the first", b: "the second" }), { default: "b", description: "which mode" }),
    loud: param(boolean(), { default: false, description: "whether to shout" }),
    inner: param(strictObject({ size: param(integer(0, 4), { default: 4, description: "how many" }) }), { prefault: {}, description: "a group" }),
    needed: param(integer(0, 9), { description: "no default" }),
  }), z.transform((p) => ({ ...p, extra: 1 })));
  const docs = describeParameters(schema);
  assert.equal(docs.map((d) => d.name), ["pair", "pair.0", "pair.1", "limit", "mode", "loud", "inner", "inner.size", "needed"]);
  const byName = Object.fromEntries(docs.map((d) => [d.name, d]));
  assert.equal([byName.pair.allowed, defaultText(byName.pair)], ["a pair of integers in [1, 9]", "[2, 3]"]);
  assert.equal([byName["pair.1"].allowed, byName["pair.1"].default, byName["pair.1"].description], ["an integer in [1, 9]", 3, "second"]);
  assert.equal([byName.limit.allowed, defaultText(byName.limit)], ["a number in [0, 1], or null", "null"]);
  assert.equal(byName.mode.values, [{ value: "a", meaning: "the first" }, { value: "b", meaning: "the second" }]);
  assert.equal([byName.loud.allowed, byName.loud.default], ["true or false", false]);
  assert.equal([byName.inner.default, byName["inner.size"].default], [{ size: 4 }, 4]);
  assert.equal([byName.needed.required, defaultText(byName.needed)], [true, "required"]);
});

test.run();
