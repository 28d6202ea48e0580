// The generated docs match the code they are generated from: each file is generated again in
// memory and compared with the one in the repository.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generatedDocs, root } from "../../scripts/generated-docs.js";

/** Where two texts first differ, line by line, for the failure message. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split("\n"), e = expected.split("\n");
  const i = e.findIndex((line, k) => line !== a[k]);
  const line = i === -1 ? e.length : i;
  return `line ${line + 1}:\n  in the file: ${JSON.stringify(a[line] ?? "(end of file)")}\n  generated:   ${JSON.stringify(e[line] ?? "(end of file)")}`;
}

for (const [path, expected] of generatedDocs()) {
  test(`${path} is up to date`, () => {
    const file = join(root, path);
    const actual = existsSync(file) ? readFileSync(file, "utf8") : "";
    assert.ok(actual === expected, `${path} is stale: run \`npm run docs\` and commit the result (first difference at ${firstDifference(actual, expected)})`);
  });
}

test.run();
