// Every command answers --help (and collapse-sim help COMMAND) with exit 0, its options and an
// example, and runs nothing.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cliSync } from "../helpers/study-dirs.js";

const options: Record<string, string[]> = {
  run: ["--set", "--out", "--format", "--workers", "--resume", "--shard", "--no-plots", "--quiet", "--dry-run", "--max-hours", "--accept-cost"],
  merge: ["--out", "--no-plots", "--quiet"],
  plot: ["--x", "--facet", "--log-x, --log-y", "--quiet"],
  presets: [],
  scenarios: [],
  describe: [],
  default: ["--out", "--workers", "--quiet"],
  demo: [],
  serve: ["--port", "--host"],
  bench: ["--"],
};

test("COMMAND --help exits 0 with the command's usage, options and an example", () => {
  for (const [command, flags] of Object.entries(options)) {
    const { code, stdout, stderr } = cliSync([command, "--help"]);
    assert.is(code, 0, command);
    assert.is(stderr, "", command);
    assert.match(stdout, `collapse-sim ${command}`, command);
    for (const flag of [...flags, "--help"]) assert.match(stdout, new RegExp(`^ +${flag} `, "m"), `${command} ${flag}`);
    assert.match(stdout, new RegExp(`Example:\\n  collapse-sim ${command}`), command);
  }
});

test("demo --help and run --help run nothing; -h is --help", () => {
  const demo = cliSync(["demo", "--help"]);
  assert.not.match(demo.stdout, /normals in/);
  const run = cliSync(["run", "--preset", "amin-rate", "-h"]);
  assert.is(run.code, 0);
  assert.match(run.stdout, /^Usage:\n  collapse-sim run /);
  assert.is(cliSync(["help", "run"]).stdout, run.stdout, "help run");
});

test("the overview points to each command's help", () => {
  assert.match(cliSync(["--help"]).stdout, "collapse-sim COMMAND --help");
});

test.run();
