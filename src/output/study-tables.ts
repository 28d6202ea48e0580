// summary.csv (and the same in long form, summary-long.csv) and derived.csv: the summaries over replicates of a study's rows, per cell and
// generation, and, for a preset with metrics of whole replicates, per cell; correlations.csv,
// for a preset with scatter plots: the rank correlation across cells of each plotted pair.
import { join } from "node:path";
import type { Study } from "../study/spec.js";
import type { Task } from "../study/task.js";
import type { Row } from "../study/rows.js";
import { summarizeCell, summaryColumns, type SummaryRow } from "../report/summary.js";
import { longSummaryColumns, longSummaryRows } from "../report/long-summary.js";
import { derivedRows, derivedStudy } from "../report/derived.js";
import { CORRELATION_COLUMNS, correlationRow, planScatters, type CorrelationRow } from "../report/scatter-plan.js";
import { writeFileAtomic } from "./atomic-write.js";
import { toCsv } from "../report/csv.js";
import type { Preset } from "../presets/index.js";
import { taskKey, type RowIndex } from "./rows-file.js";
import { RowsReader } from "./rows-reader.js";
import { CsvWriter } from "./csv-writer.js";

export const SUMMARY_FILE = "summary.csv";
export const LONG_SUMMARY_FILE = "summary-long.csv";
export const DERIVED_FILE = "derived.csv";
export const CORRELATIONS_FILE = "correlations.csv";

/** The summary tables of a study, as summary.csv and derived.csv hold them. */
export interface StudyTables {
  summary: SummaryRow[];
  /** For presets with metrics of whole replicates: those metrics seen as a study, and their summary. */
  derived?: { study: Study; rows: SummaryRow[] };
  /** For presets with scatter plots: each plotted pair's rank correlation across cells. */
  correlations?: CorrelationRow[];
}

/**
 * summary.csv and, for a preset with derived metrics, derived.csv, from the rows of `tasks`.
 * Tasks come cell by cell (canonical order), so one cell's rows are parsed at a time; what is
 * kept is the summary (one row per cell and generation), which the charts need.
 */
export function writeTables(dir: string, study: Study, preset: Preset | undefined, tasks: readonly Task[], rows: RowIndex): StudyTables {
  const tables: StudyTables = { summary: [] };
  const summaryFile = new CsvWriter(join(dir, SUMMARY_FILE), summaryColumns(study));
  const longFile = new CsvWriter(join(dir, LONG_SUMMARY_FILE), longSummaryColumns(study));
  const perReplicate = preset?.derived ? derivedStudy(study, preset.derived) : undefined;
  const derivedFile = perReplicate ? new CsvWriter(join(dir, DERIVED_FILE), summaryColumns(perReplicate)) : undefined;
  if (perReplicate) tables.derived = { study: perReplicate, rows: [] };
  const reader = new RowsReader();
  let cellRows: Row[] = [];
  const summarizeRows = () => {
    if (cellRows.length === 0) return;
    const cell = study.cells[cellRows[0].cell as number];
    const summary = summarizeCell(study, cell, cellRows);
    summaryFile.write(summary);
    longFile.write(longSummaryRows(study, summary));
    tables.summary.push(...summary);
    if (perReplicate && tables.derived) {
      const derived = summarizeCell(perReplicate, cell, derivedRows(study, cellRows, preset!.derived!));
      derivedFile!.write(derived);
      tables.derived.rows.push(...derived);
    }
    cellRows = [];
  };
  try {
    for (const task of tasks) {
      const stored = rows.get(taskKey(task));
      if (stored === undefined) continue;
      if (cellRows.length > 0 && cellRows[0].cell !== task.cell) summarizeRows();
      for (const line of reader.text(stored).split("\n")) if (line !== "") cellRows.push(JSON.parse(line) as Row);
    }
    summarizeRows();
  } catch (error) {
    summaryFile.abort();
    longFile.abort();
    derivedFile?.abort();
    throw error;
  } finally {
    reader.close();
  }
  summaryFile.commit();
  longFile.commit();
  derivedFile?.commit();
  const scatters = planScatters(study, preset?.plot);
  if (scatters.length > 0) {
    tables.correlations = scatters.map((plan) => correlationRow(plan, tables.summary));
    writeFileAtomic(join(dir, CORRELATIONS_FILE), toCsv(CORRELATION_COLUMNS, tables.correlations));
  }
  return tables;
}
