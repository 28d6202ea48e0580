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

/**
 * Which shards the missing tasks belong to, one line each: a shard given but unfinished (its
 * directory, and how to finish it) or a shard not given. Empty when the directories do not
 * share one shard count.
 */
function shortShards(keys: readonly string[], rows: RowIndex, dirs: readonly string[], records: readonly StudyRecord[]): string {
  const counts = new Set(records.map((r) => r.shard?.count ?? 1));
  if (counts.size !== 1) return "";
  const count = [...counts][0];
  const missingPerShard = new Array<number>(count).fill(0);
  const totalPerShard = new Array<number>(count).fill(0);
  keys.forEach((key, i) => {
    totalPerShard[i % count]++;
    if (!rows.has(key)) missingPerShard[i % count]++;
  });
  const lines: string[] = [];
  missingPerShard.forEach((missing, index) => {
    if (missing === 0) return;
    const given = records.findIndex((r) => (r.shard?.index ?? 0) === index);
    lines.push(given >= 0
      ? `shard ${index}/${count} (${dirs[given]}) is short: ${missing} of its ${totalPerShard[index]} tasks are not complete; rerun it with the same command and --resume, then merge again`
      : `shard ${index}/${count} was not given (${missing} tasks); run it (--shard ${index}/${count}), then merge again`);
  });
  return `\n  ${lines.join("\n  ")}`;
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
    throw new ResultDirError(`${missing.length} of ${tasks.length} tasks are missing (${examples(missing)}); shards given: ${shards}. Is a shard missing or unfinished (resume it)?${shortShards(tasks.map(taskKey), rows, dirs, records)}`);
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
