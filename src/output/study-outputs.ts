// Everything a result directory holds besides rows and study.json, derived from them:
// summary.csv and derived.csv (always), plots/*.svg and report.html (unless plots are off),
// each written atomically.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Study } from "../study/spec.js";
import type { Task } from "../study/task.js";
import type { Row } from "../study/rows.js";
import type { StudyRecord } from "./study-record.js";
import { AtomicWriter, writeFileAtomic } from "./atomic-write.js";
import { RowsReader, taskKey, type RowIndex } from "./rows-file.js";
import { summarizeCell, summaryColumns, type SummaryRow } from "../report/summary.js";
import { derivedRows, derivedStudy } from "../report/derived.js";
import { csvCell, csvLine } from "../report/csv.js";
import { planCharts, type ChartPlan } from "../report/chart-plan.js";
import { chartSpec } from "../report/chart-spec.js";
import { renderSvg } from "../report/render-svg.js";
import { reportHtml, type ReportSection } from "../report/report-html.js";
import { findPreset, type Preset } from "../presets/index.js";

export const SUMMARY_FILE = "summary.csv";
export const REPORT_FILE = "report.html";
export const PLOTS_DIR = "plots";
export const DERIVED_FILE = "derived.csv";

/** A CSV file written row by row. */
class CsvWriter {
  private readonly writer: AtomicWriter;

  constructor(path: string, private readonly columns: readonly string[]) {
    this.writer = new AtomicWriter(path);
    this.writer.write(`${columns.map(csvCell).join(",")}\n`);
  }

  write(rows: readonly SummaryRow[]): void {
    for (const row of rows) this.writer.write(csvLine(this.columns, row));
  }

  commit(): void {
    this.writer.commit();
  }

  abort(): void {
    this.writer.abort();
  }
}

/** The summary tables of a study, as summary.csv and derived.csv hold them. */
export interface StudyTables {
  summary: SummaryRow[];
  /** For presets with metrics of whole replicates: those metrics seen as a study, and their summary. */
  derived?: { study: Study; rows: SummaryRow[] };
}

/**
 * summary.csv and, for a preset with derived metrics, derived.csv, from the rows of `tasks`.
 * Tasks come cell by cell (canonical order), so one cell's rows are parsed at a time; what is
 * kept is the summary (one row per cell and generation), which the charts need.
 */
export function writeTables(dir: string, study: Study, preset: Preset | undefined, tasks: readonly Task[], rows: RowIndex): StudyTables {
  const tables: StudyTables = { summary: [] };
  const summaryFile = new CsvWriter(join(dir, SUMMARY_FILE), summaryColumns(study));
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
    derivedFile?.abort();
    throw error;
  } finally {
    reader.close();
  }
  summaryFile.commit();
  derivedFile?.commit();
  return tables;
}

/** Charts and report of a study from its tables; returns the report's section for combined pages. */
export async function writePlots(dir: string, study: Study, record: StudyRecord, tables: StudyTables): Promise<ReportSection> {
  const preset = record.preset ? findPreset(record.preset) : undefined;
  const plotsDir = join(dir, PLOTS_DIR);
  mkdirSync(plotsDir, { recursive: true });
  const charts: ReportSection["charts"] = [];
  const draw = async (plans: ChartPlan[], rows: SummaryRow[]) => {
    for (const plan of plans) {
      const svg = await renderSvg(chartSpec(plan, rows));
      writeFileAtomic(join(plotsDir, `${plan.name}.svg`), svg);
      charts.push({ name: plan.name, svg });
    }
  };
  if (tables.derived) {
    await draw(planCharts(tables.derived.study, { generation: study.spec.generations, ...preset?.derivedPlot }), tables.derived.rows);
  }
  await draw(planCharts(study, preset?.plot), tables.summary);
  const section: ReportSection = {
    title: preset ? `${preset.name}: ${preset.title}` : `${study.scenario.name}: ${study.scenario.title}`,
    source: preset?.source ?? study.scenario.source,
    description: preset?.description,
    spec: record.spec,
    facts: {
      cells: String(study.cells.length),
      replicates: String(study.spec.seeds),
      generations: String(study.spec.generations),
      "collapse-sim": record.collapseSim,
      engine: `${record.spec.engine} (${record.engineBuild})`,
    },
    charts,
    summaryColumns: summaryColumns(study),
    summaryRows: tables.summary,
    derived: tables.derived ? { columns: summaryColumns(tables.derived.study), rows: tables.derived.rows } : undefined,
  };
  writeFileAtomic(join(dir, REPORT_FILE), reportHtml("collapse-sim report", [section]));
  return section;
}

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
  options: { plots: boolean },
): Promise<StudyOutputs> {
  const tables = writeTables(dir, study, record.preset ? findPreset(record.preset) : undefined, tasks, rows);
  if (!options.plots) return {};
  const section = await writePlots(dir, study, record, tables);
  return { report: join(dir, REPORT_FILE), section };
}
