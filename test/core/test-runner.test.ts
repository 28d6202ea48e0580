// The test command's promise: non-zero when any test fails, and when no test ran at all (no
// file matched, or the files registered no test), zero only when every test passed.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
// Fixtures import uvu by URL: the same module the runner's uvu CLI loads, from any folder.
const uvu = pathToFileURL(join(root, "node_modules/uvu/dist/index.mjs")).href;
const uvuAssert = pathToFileURL(join(root, "node_modules/uvu/assert/index.mjs")).href;

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "collapse-sim-runner-"));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), `import { test } from "${uvu}";\nimport * as assert from "${uvuAssert}";\n${body}\ntest.run();\n`);
  }
  return dir;
}

function runTests(dir: string, ...filters: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(root, "test/run.mjs"), ...filters], {
    encoding: "utf8",
    env: { ...process.env, COLLAPSE_SIM_TEST_DIR: dir },
  });
  rmSync(dir, { recursive: true, force: true });
  return { status: run.status, output: run.stdout + run.stderr };
}

const passing = `test("passes", () => assert.is(1, 1));`;
const failing = `test("fails", () => assert.is(1, 2));`;

test("every test passing: exit 0", () => {
  const { status, output } = runTests(fixture({ "a.test.ts": passing, "nested/b.test.ts": passing }));
  assert.is(status, 0, output);
  assert.match(output, /Total:\s+2/);
});

test("one failing test among passing ones: non-zero", () => {
  const { status, output } = runTests(fixture({ "a.test.ts": passing, "b.test.ts": failing }));
  assert.is.not(status, 0, output);
});

test("files that register no test: non-zero, with the reason", () => {
  const { status, output } = runTests(fixture({ "a.test.ts": "if (false) test(\"never\", () => {});" }));
  assert.is.not(status, 0, output);
  assert.match(output, /no test ran/);
});

test("a filter that matches no file: non-zero, with the reason", () => {
  const { status, output } = runTests(fixture({ "a.test.ts": passing }), "no-such-file");
  assert.is.not(status, 0, output);
  assert.match(output, /no test files match no-such-file/);
});

test.run();
