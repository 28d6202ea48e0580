// plots/*.svg and report.html: a study's charts, drawn from its summary tables with the
// preset's plot hints, and the one page that shows them with the tables, the spec and the source.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Study } from "../study/spec.js";
import { summaryColumns, type SummaryRow } from "../report/summary.js";
import { planCharts, type ChartPlan, type PlotHints } from "../report/chart-plan.js";
import { chartSpec } from "../report/chart-spec.js";
import { planScatters } from "../report/scatter-plan.js";
import { scatterSpec } from "../report/scatter-spec.js";
import { renderSvg } from "../report/render-svg.js";
import { reportHtml, type ReportSection } from "../report/report-html.js";
import type { Preset } from "../presets/index.js";
import type { StudyRecord } from "./study-record.js";
import type { StudyTables } from "./study-tables.js";
import { writeFileAtomic } from "./atomic-write.js";

export const PLOTS_DIR = "plots";
export const REPORT_FILE = "report.html";

/** Charts and report of a study from its tables; returns the report's section for combined pages. */
/** `hints` (collapse-sim plot's options) take precedence over the preset's plot hints. */
export async function writePlotsAndReport(dir: string, study: Study, record: StudyRecord, preset: Preset | undefined, tables: StudyTables, hints: PlotHints = {}): Promise<ReportSection> {
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
  // Another x axis than the preset's: its series, generation and axis title no longer apply.
  const chosen = hints.x === undefined ? { ...preset?.plot, ...hints } : { ...preset?.plot, series: undefined, generation: undefined, xTitle: undefined, ...hints };
  await draw(planCharts(study, chosen), tables.summary);
  for (const plan of planScatters(study, preset?.plot)) {
    const svg = await renderSvg(scatterSpec(plan, tables.summary));
    writeFileAtomic(join(plotsDir, `${plan.name}.svg`), svg);
    charts.push({ name: plan.name, svg });
  }
  // Charts of an earlier plot (another --facet) would sit beside these, unexplained.
  const drawn = new Set(charts.map((chart) => `${chart.name}.svg`));
  for (const file of readdirSync(plotsDir)) if (file.endsWith(".svg") && !drawn.has(file)) rmSync(join(plotsDir, file));
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
    correlations: tables.correlations,
  };
  writeFileAtomic(join(dir, REPORT_FILE), reportHtml("collapse-sim report", [section]));
  return section;
}
