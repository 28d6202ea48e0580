// Everything a result directory holds besides rows and study.json, derived from them:
// summary.csv, plots/*.svg and report.html, each written atomically.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Study } from "../spec.js";
import type { Row } from "../rows.js";
import type { StudyRecord } from "./study-record.js";
import { writeFileAtomic } from "./atomic-write.js";
import { summarize, summaryColumns, type SummaryRow } from "../../report/summary.js";
import { derivedRows, derivedStudy } from "../../report/derived.js";
import { toCsv } from "../../report/csv.js";
import { planCharts, type ChartPlan } from "../../report/chart-plan.js";
import { chartSpec } from "../../report/chart-spec.js";
import { renderSvg } from "../../report/render-svg.js";
import { reportHtml, type ReportSection } from "../../report/report-html.js";
import { findPreset } from "../../presets/index.js";

export const SUMMARY_FILE = "summary.csv";
export const REPORT_FILE = "report.html";
export const PLOTS_DIR = "plots";
export const DERIVED_FILE = "derived.csv";

export function parseRows(text: string): Row[] {
  return text.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line) as Row);
}

export function writeSummary(dir: string, study: Study, rows: readonly Row[]): void {
  writeFileAtomic(join(dir, SUMMARY_FILE), toCsv(summaryColumns(study), summarize(study, rows)));
}

/** Charts and report of a complete study; returns the report's section for combined pages. */
export async function writePlots(dir: string, study: Study, record: StudyRecord, rows: readonly Row[], facts: Record<string, string> = {}): Promise<ReportSection> {
  const preset = record.preset ? findPreset(record.preset) : undefined;
  const summary = summarize(study, rows);
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
  let derivedTable: ReportSection["derived"];
  if (preset?.derived) {
    const perReplicate = derivedStudy(study, preset.derived);
    const derivedSummary = summarize(perReplicate, derivedRows(study, rows, preset.derived));
    const columns = summaryColumns(perReplicate);
    writeFileAtomic(join(dir, DERIVED_FILE), toCsv(columns, derivedSummary));
    await draw(planCharts(perReplicate, { generation: study.spec.generations, ...preset.derivedPlot }), derivedSummary);
    derivedTable = { columns, rows: derivedSummary };
  }
  await draw(planCharts(study, preset?.plot), summary);
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
      ...facts,
    },
    charts,
    summaryColumns: summaryColumns(study),
    summaryRows: summary,
    derived: derivedTable,
  };
  writeFileAtomic(join(dir, REPORT_FILE), reportHtml("collapse-sim report", [section]));
  return section;
}
