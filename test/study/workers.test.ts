// The worker pool as users start it: from dist with V8 options on the command line, and
// workers that end without finishing their task. The dist test needs `npm run build` first
// (npm test builds).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root, scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("workers");

test("node --max-old-space-size=... dist/cli/main.js run: workers start and the rows come out", () => {
  const specFile = join(scratch, "small.json");
  writeFileSync(specFile, JSON.stringify({ scenario: "verified-mixture", params: { d: 5, nSynthetic: 100 }, generations: 1, seeds: 2 }));
  const result = spawnSync(
    process.execPath,
    ["--max-old-space-size=1024", join(root, "dist/cli/main.js"), "run", specFile, "--workers", "2", "--quiet"],
    { cwd: root, encoding: "utf8" },
  );
  assert.is(result.stderr, "");
  assert.is(result.status, 0);
  assert.is(result.stdout.trimEnd().split("\n").length, 2 * 2);
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
