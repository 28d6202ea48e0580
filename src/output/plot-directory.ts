// `collapse-sim plot DIR`: the summary, charts and report of a result directory, from its
// study.json and rows.jsonl (complete tasks only; the rows file itself is left as it is, since
// a study may still be appending to it).
import { join } from "node:path";
import { resolveStudy } from "../study/spec.js";
import { studyTasks } from "../study/task.js";
import { shardTasks } from "../study/shard.js";
import { ROWS_FILE, readRows } from "./rows-file.js";
import { readStudyRecord } from "./study-record.js";
import { writeStudyOutputs } from "./study-outputs.js";
import { REPORT_FILE } from "./plots-and-report.js";
import { ResultDirError } from "./result-dir-error.js";
import { parameterColumns } from "../study/columns.js";
import type { PlotHints } from "../report/chart-plan.js";

/** `hints` (the command's --x, --facet, --log-x, --log-y) over the preset's; an unknown column is refused. */
export async function plotDirectory(dir: string, hints: PlotHints = {}): Promise<{ report: string; missing: number }> {
  const record = readStudyRecord(dir);
  const study = resolveStudy(record.spec);
  const columns = ["generation", ...parameterColumns(study)];
  for (const [flag, column] of [["--x", hints.x], ["--facet", hints.facet]] as const) {
    if (column !== undefined && !columns.includes(column)) {
      throw new ResultDirError(`${flag} ${column}: not a column of ${dir}; one of ${columns.join(", ")}`);
    }
  }
  const tasks = shardTasks(studyTasks(study), record.shard ?? undefined);
  const stored = readRows(join(dir, ROWS_FILE), study);
  if (stored.complete.size === 0) throw new ResultDirError(`${dir} holds no complete rows to plot`);
  await writeStudyOutputs(dir, study, record, tasks, stored.complete, { plots: true, hints });
  return { report: join(dir, REPORT_FILE), missing: tasks.length - stored.complete.size };
}
