// The scenarios, their docs and their tests point only inside the repository: no path into a
// sibling folder of specifications, no design note or issue tracker by number. The thing
// itself is written down, or linked under docs/.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "../helpers/study-dirs.js";

const PLACES = ["src/scenarios", "src/schedules", "src/validation", "src/math", "test/verified-mixture", "test/weak-data", "test/gaussian-refit", "test/regression-chain", "src/presets", "bench", "examples", "docs", "README.md"];
const OUTSIDE = [/\.\.\/shared/, /shared\/theory/, /DESIGN\.md/, /\bissues? #?\d+/i];

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

test("no pointer outside the repository", () => {
  const found: string[] = [];
  for (const file of PLACES.flatMap((place) => files(join(root, place)))) {
    readFileSync(file, "utf8").split("\n").forEach((line, i) => {
      if (OUTSIDE.some((pattern) => pattern.test(line))) found.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.equal(found, []);
});

test.run();
