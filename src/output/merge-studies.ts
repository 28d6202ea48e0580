// Merging result directories (shards of one study) into what one machine would have written:
// they must come from the same spec, version and engine build, and together hold every task
// exactly once.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { resolveStudy, type Study } from "../study/spec.js";
import { studyTasks } from "../study/task.js";
import { ROWS_FILE, readRows, taskKey, type RowIndex } from "./rows-file.js";
import { writeCanonicalRows } from "./canonical-rows.js";
import { STUDY_FILE, readStudyRecord, recordDifferences, writeStudyRecord, type StudyRecord } from "./study-record.js";
import { writeStudyOutputs } from "./study-outputs.js";
import { ResultDirError } from "./result-dir-error.js";
import { checkOutDirectory, makeOutDirectory } from "./out-directory.js";

export interface MergeResult {
  study: Study;
  tasks: number;
  report?: string;
}

function examples(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => {
    const [cell, replicate] = k.split("/");
    return `cell ${cell} replicate ${replicate}`;
  });
  return `${shown.join(", ")}${keys.length > shown.length ? ", ..." : ""}`;
}

export async function mergeStudies(dirs: readonly string[], out: string, options: { plots?: boolean } = {}): Promise<MergeResult> {
  if (dirs.length === 0) throw new ResultDirError("merge needs at least one result directory");
  const target = resolve(out);
  checkOutDirectory(out, target);
  if (existsSync(join(target, STUDY_FILE))) throw new ResultDirError(`${out} already holds a study; choose another --out`);
  const records = dirs.map((dir) => readStudyRecord(dir));
  records.forEach((record, i) => {
    const differences = recordDifferences(records[0], record, ["spec", "collapseSim", "engineBuild"]);
    if (differences.length > 0) {
      throw new ResultDirError(`${dirs[i]} holds a different study than ${dirs[0]}:\n  ${differences.join("\n  ")}`);
    }
  });
  const study = resolveStudy(records[0].spec);
  const tasks = studyTasks(study);
  const rows: RowIndex = new Map();
  const from = new Map<string, string>();
  const duplicated: string[] = [];
  for (const dir of dirs) {
    for (const [key, stored] of readRows(join(dir, ROWS_FILE), study).complete) {
      if (rows.has(key)) {
        duplicated.push(key);
        continue;
      }
      rows.set(key, stored);
      from.set(key, dir);
    }
  }
  if (duplicated.length > 0) {
    throw new ResultDirError(`${duplicated.length} tasks appear in more than one directory (${examples(duplicated)}), e.g. ${duplicated[0]} in ${from.get(duplicated[0])}; is a shard given twice?`);
  }
  const missing = tasks.map(taskKey).filter((key) => !rows.has(key));
  if (missing.length > 0) {
    const shards = records.map((r) => (r.shard ? `${r.shard.index}/${r.shard.count}` : "whole")).join(", ");
    throw new ResultDirError(`${missing.length} of ${tasks.length} tasks are missing (${examples(missing)}); shards given: ${shards}. Is a shard missing or unfinished (resume it)?`);
  }
  makeOutDirectory(out, target);
  const record: StudyRecord = { ...records[0], shard: null, cells: study.cells.length, tasks: tasks.length };
  const canonical = writeCanonicalRows(join(target, ROWS_FILE), tasks, rows);
  const outputs = await writeStudyOutputs(target, study, record, tasks, canonical, { plots: options.plots !== false });
  // Last: a directory with study.json is a finished merge. One that failed before holds none,
  // and a merge into it again simply writes it over.
  writeStudyRecord(target, record);
  return { study, tasks: tasks.length, report: outputs.report };
}
