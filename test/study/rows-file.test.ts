// Rows files read and written in pieces: lines across chunk boundaries (multi-byte characters
// included), a torn end, tasks out of order or incomplete, the canonical rewrite, and the
// chunked atomic writer. Large files only differ in the number of chunks.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import "../fixtures/register-toy.js";
import { forEachLine } from "../../src/output/line-reader.js";
import { readRows } from "../../src/output/rows-file.js";
import { RowsReader } from "../../src/output/rows-reader.js";
import { RowsAppender } from "../../src/output/rows-appender.js";
import { writeCanonicalRows } from "../../src/output/canonical-rows.js";
import { AtomicWriter } from "../../src/output/atomic-write.js";
import { writeTables } from "../../src/output/study-tables.js";
import { resolveStudy } from "../../src/study/spec.js";
import { studyTasks } from "../../src/study/task.js";
import { simulate } from "../../src/study/simulate.js";
import { summarize, summaryColumns } from "../../src/report/summary.js";
import { toCsv } from "../../src/report/csv.js";
import { scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("rows-file");

test("lines come whole across chunk boundaries, with their byte ranges; the torn end is counted", () => {
  const path = join(scratch, "lines.txt");
  const lines = ["first", "", "ünïcödé across €hunks", "x".repeat(40), "last"];
  const torn = "partial é";
  writeFileSync(path, `${lines.join("\n")}\n${torn}`);
  const bytes = readFileSync(path);
  for (const chunk of [1, 2, 3, 7, 64, 1 << 20]) {
    const seen: string[] = [];
    const tornBytes = forEachLine(path, (text, start, end) => {
      assert.is(bytes.subarray(start, end).toString("utf8"), `${text}\n`, `chunk ${chunk}: range of ${JSON.stringify(text)}`);
      seen.push(text);
    }, chunk);
    assert.equal(seen, lines, `chunk ${chunk}`);
    assert.is(tornBytes, Buffer.byteLength(torn), `chunk ${chunk}`);
  }
});

const spec = { scenario: "toy-walk", params: { n: 20 }, grid: { drift: [0, 0.1, 0.2] }, generations: 2, seeds: 2, seed: 9 };

test("reading keeps exactly the complete tasks wherever their lines are; the canonical rewrite puts them in order", async () => {
  const study = resolveStudy(spec);
  const rows = (await simulate(spec)).map((row) => `${JSON.stringify(row)}\n`);
  // rows are canonical: task t holds lines 3t .. 3t + 2 (3 generations).
  const task = (t: number) => rows.slice(3 * t, 3 * t + 3);
  const path = join(scratch, "rows.jsonl");
  const scrambled = [
    ...task(3),
    task(0)[2], task(0)[0], "not json\n", task(0)[1], // out of order, with a bad line between
    ...task(5).slice(0, 2), // partial: dropped
    ...task(1),
    `${JSON.stringify({ cell: 7, replicate: 0, generation: 0 })}\n`, // no such cell
    ...task(4),
    task(2)[0], task(2)[1], // partial, then repeated whole: the last line of each generation counts
    ...task(2),
    task(4)[1], // written again later: kept from here
    task(4)[0].slice(0, 10), // torn
  ];
  writeFileSync(path, scrambled.join(""));
  const stored = readRows(path, study);
  assert.equal([...stored.complete.keys()].sort(), ["0/0", "0/1", "1/0", "1/1", "2/0"]);
  assert.is(stored.discarded, 1 + 2 + 1 + 1);
  assert.equal(stored.complete.get("1/1")!.ranges.length, 2, "contiguous lines are one range");
  assert.equal(stored.complete.get("0/0")!.ranges.length, 6, "lines out of order: one range each");
  assert.equal(stored.complete.get("1/0")!.ranges.length, 2, "the repeated task's last copy");
  assert.equal(stored.complete.get("2/0")!.ranges.length, 6, "generation 1 from its later line, between the first copy's 0 and 2");
  const reader = new RowsReader();
  assert.is(reader.text(stored.complete.get("0/0")!), task(0).join(""), "read back in generation order");
  assert.is(reader.text(stored.complete.get("2/0")!), task(4).join(""));
  reader.close();

  const canonical = join(scratch, "canonical.jsonl");
  const placed = writeCanonicalRows(canonical, studyTasks(study), stored.complete);
  assert.is(readFileSync(canonical, "utf8"), [0, 1, 2, 3, 4].flatMap(task).join(""));
  const bytes = (tasks: number[]) => Buffer.byteLength(tasks.flatMap(task).join(""));
  assert.equal(placed.get("1/1"), { path: canonical, ranges: [bytes([0, 1, 2]), bytes([0, 1, 2, 3])] });
  // Rewritten in place, from its own bytes.
  writeCanonicalRows(path, studyTasks(study), stored.complete);
  assert.is(readFileSync(path, "utf8"), readFileSync(canonical, "utf8"));

  // Appends report where they went.
  const appender = new RowsAppender(canonical);
  const appended = appender.append(task(5).join(""));
  appender.close();
  assert.equal(appended.ranges, [bytes([0, 1, 2, 3, 4]), bytes([0, 1, 2, 3, 4, 5])]);
  const again = new RowsReader();
  assert.is(again.text(appended), task(5).join(""));
  again.close();
});

test("summary.csv, written a cell at a time, equals the summary of all rows at once", async () => {
  const study = resolveStudy({ ...spec, seeds: 3 });
  const rows = await simulate(study.spec);
  const path = join(scratch, "summary-rows.jsonl");
  // Tasks appended in a finishing order, not the canonical one.
  const text = rows.map((row) => `${JSON.stringify(row)}\n`);
  const order = [4, 0, 8, 2, 6, 1, 7, 3, 5];
  writeFileSync(path, order.map((t) => text.slice(3 * t, 3 * t + 3).join("")).join(""));
  const dir = join(scratch, "tables");
  mkdirSync(dir);
  const tables = writeTables(dir, study, undefined, studyTasks(study), readRows(path, study).complete);
  const expected = summarize(study, rows);
  assert.equal(tables.summary, expected);
  assert.is(readFileSync(join(dir, "summary.csv"), "utf8"), toCsv(summaryColumns(study), expected));
});

test("the chunked atomic writer: pieces of any size make the file; an abort leaves the old one", () => {
  const path = join(scratch, "big.txt");
  writeFileSync(path, "old");
  const writer = new AtomicWriter(path);
  const piece = "0123456789".repeat(1000);
  for (let i = 0; i < 300; i++) writer.write(i % 2 === 0 ? piece : Buffer.from(piece));
  assert.is(readFileSync(path, "utf8"), "old", "nothing visible before commit");
  writer.commit();
  const written = readFileSync(path, "utf8");
  assert.is(written.length, 300 * piece.length);
  assert.ok(written === piece.repeat(300));
  const aborted = new AtomicWriter(path);
  aborted.write("new");
  aborted.abort();
  assert.is(readFileSync(path, "utf8").length, 300 * piece.length);
  assert.equal(readdirSync(scratch).filter((f) => f.includes(".tmp-")), [], "no temporary file left");
  assert.ok(existsSync(path));
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
