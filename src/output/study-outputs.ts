// Everything a result directory holds besides rows and study.json, derived from them:
// summary.csv and derived.csv (always), plots/*.svg and report.html (unless plots are off),
// each written atomically.
import { join } from "node:path";
import type { Study } from "../study/spec.js";
import type { Task } from "../study/task.js";
import type { ReportSection } from "../report/report-html.js";
import type { PlotHints } from "../report/chart-plan.js";
import { findPreset } from "../presets/index.js";
import type { StudyRecord } from "./study-record.js";
import type { RowIndex } from "./rows-file.js";
import { writeTables } from "./study-tables.js";
import { REPORT_FILE, writePlotsAndReport } from "./plots-and-report.js";

export interface StudyOutputs {
  /** Set when plots and the report were written. */
  report?: string;
  section?: ReportSection;
}

/** What run, merge and plot write from a directory's rows: the tables, then (unless off) plots and report. */
export async function writeStudyOutputs(
  dir: string,
  study: Study,
  record: StudyRecord,
  tasks: readonly Task[],
  rows: RowIndex,
  options: { plots: boolean; hints?: PlotHints },
): Promise<StudyOutputs> {
  const preset = record.preset ? findPreset(record.preset) : undefined;
  const tables = writeTables(dir, study, preset, tasks, rows);
  if (!options.plots) return {};
  const section = await writePlotsAndReport(dir, study, record, preset, tables, options.hints);
  return { report: join(dir, REPORT_FILE), section };
}
