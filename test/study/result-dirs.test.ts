// Result directories: what is refused and why, and what a finished directory holds.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import "../fixtures/register-toy.js";
import { recordDifferences, type StudyRecord } from "../../src/study/node/study-record.js";
import { resolveStudy } from "../../src/study/spec.js";
import { scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("result-dirs");
const spec = { scenario: "toy-walk", params: { n: 20 }, grid: { drift: [0, 0.1] }, generations: 2, seeds: 2, seed: 5 };

function record(input: unknown, shard: StudyRecord["shard"] = null): StudyRecord {
  return { collapseSim: "0.1.0", engineBuild: "release-simd", spec: resolveStudy(input).spec, preset: null, shard, cells: 2, tasks: 4 };
}

test("records that differ are told apart at their differing leaves, not as cut-off texts", () => {
  const a = record(spec);
  const b = record({ ...spec, seed: 2502, grid: { drift: [0, 0.2] }, params: { n: 20, step: { kind: "scaled" } } }, { index: 1, count: 3 });
  assert.equal(recordDifferences(a, b, ["spec", "collapseSim", "engineBuild", "shard"]), [
    "spec.params.step: (none) vs {\"kind\":\"scaled\"}",
    "spec.grid.drift: [0,0.1] vs [0,0.2]",
    "spec.seed: 5 vs 2502",
    "shard: null vs {\"index\":1,\"count\":3}",
  ]);
  assert.equal(recordDifferences(a, record(spec), ["spec", "collapseSim", "engineBuild", "shard"]), []);
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
