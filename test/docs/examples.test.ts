// The @example lines in the doc comments of the closed forms are run and their results
// compared, exactly, with the value written after "// =>", so an example cannot go stale; and
// every exported function of those files has one.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "../helpers/study-dirs.js";
import { docExamples } from "../helpers/doc-examples.js";

/** Every scenario's theory.ts, the maths they use (normal distributions, integer powers, the logistic-normal mean, special functions), schedule sizes, and the toy scenario the guide builds. */
function filesWithExamples(): string[] {
  const scenarios = join(root, "src/scenarios");
  const theories = readdirSync(scenarios, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(scenarios, entry.name, "theory.ts"))
    .filter(existsSync);
  return [...theories, ...["normal", "power", "bivariate-normal", "logistic-normal", "special"].map((name) => join(root, `src/math/${name}.ts`)), join(root, "src/schedules/sizes.ts"), join(root, "test/fixtures/toy-walk/theory.ts")].filter(existsSync);
}

test("docExamples: one-line and multi-line examples, comment lines skipped, other tags end them", () => {
  const source = [
    "/**",
    " * Doubles.",
    " *",
    " * @example",
    " * // why this one",
    " * twice(2) // => 4",
    " * twice(",
    " *   3) // => 6",
    " * @returns not an example // => 0",
    " */",
  ].join("\n");
  assert.equal(docExamples(source), [
    { code: "twice(2)", expected: "4", line: 6 },
    { code: "twice(   3)", expected: "6", line: 8 },
  ]);
});

for (const file of filesWithExamples()) {
  const name = relative(root, file);
  test(`${name}: every exported function has an @example, and each gives its value`, async () => {
    const module: Record<string, unknown> = await import(pathToFileURL(file).href);
    const examples = docExamples(readFileSync(file, "utf8"));
    const names = Object.keys(module), values = Object.values(module);
    for (const [exported, value] of Object.entries(module)) {
      if (typeof value !== "function") continue;
      assert.ok(examples.some((e) => new RegExp(`\\b${exported}\\(`).test(e.code)), `${name}: ${exported} has no @example`);
    }
    for (const { code, expected, line } of examples) {
      const run = (expression: string) => new Function(...names, `return (${expression});`)(...values);
      assert.equal(run(code), run(expected), `${name}:${line}: ${code} should give ${expected}, gives ${JSON.stringify(run(code))}`);
    }
  });
}

test.run();
