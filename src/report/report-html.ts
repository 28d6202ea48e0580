// report.html: one self-contained page (inline SVG and CSS, no scripts, nothing fetched) with
// the study's charts, its summary table, the spec and, for a preset, its source.
import { CORRELATION_COLUMNS } from "./scatter-plan.js";

export interface ReportSection {
  /** Heading of the study, e.g. the preset's title. */
  title: string;
  /** Where the numbers come from: a preset's citation, else the scenario's. */
  source: string;
  description?: string;
  /** The study spec as run. */
  spec: unknown;
  /** Facts shown under the heading: version, engine build, time, ... */
  facts: Record<string, string>;
  charts: Array<{ name: string; svg: string }>;
  summaryColumns: readonly string[];
  summaryRows: ReadonlyArray<Record<string, unknown>>;
  /** Metrics of whole replicates, summarised per cell (derived.csv). */
  derived?: { columns: readonly string[]; rows: ReadonlyArray<Record<string, unknown>> };
  /** Rank correlations across cells of the scatter plots' pairs (correlations.csv). */
  correlations?: ReadonlyArray<Record<string, unknown>>;
}

const MAX_TABLE_ROWS = 500;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isInteger(value)) return Number(value.toPrecision(4)).toString();
  return String(value);
}

function table(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, file: string): string {
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  const head = `<tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr>`;
  const body = shown.map((row) => `<tr>${columns.map((c) => `<td>${escapeHtml(cellText(row[c]))}</td>`).join("")}</tr>`).join("\n");
  const note = rows.length > shown.length ? `<p>First ${shown.length} of ${rows.length} rows; all of them are in ${file}.</p>` : "";
  return `<div class="table"><table>${head}\n${body}</table></div>${note}`;
}

export function sectionHtml(section: ReportSection): string {
  const facts = Object.entries(section.facts).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("");
  const charts = section.charts.map((c) => `<figure id="${escapeHtml(`${section.title}-${c.name}`)}">${c.svg}</figure>`).join("\n");
  return `<section>
<h2>${escapeHtml(section.title)}</h2>
<p class="source">Source: ${escapeHtml(section.source)}</p>
${section.description ? `<p>${escapeHtml(section.description)}</p>` : ""}
<dl>${facts}</dl>
<div class="charts">${charts}</div>
<p class="legend-note">Solid lines: mean over replicates, band: one standard error; dashed lines: closed-form theory.</p>
${section.correlations ? `<h3>Rank correlations across cells (Spearman, of the cells' means)</h3>\n${table(CORRELATION_COLUMNS, section.correlations, "correlations.csv")}` : ""}
${section.derived ? `<h3>Per replicate, summarised per cell (mean, sd, se, n over replicates)</h3>\n${table(section.derived.columns, section.derived.rows, "derived.csv")}` : ""}
<h3>Summary (mean, sd, se, n over replicates, per cell and generation)</h3>
${table(section.summaryColumns, section.summaryRows, "summary.csv")}
<h3>Study spec</h3>
<pre>${escapeHtml(JSON.stringify(section.spec, null, 2))}</pre>
</section>`;
}

export function reportHtml(title: string, sections: readonly ReportSection[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: sans-serif; margin: 2em auto; max-width: 1200px; padding: 0 1em; color: #222; }
section { border-top: 1px solid #ccc; margin-top: 2em; }
.source { color: #555; font-style: italic; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dt { font-weight: bold; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
figure { margin: 0; }
.table { max-height: 30em; overflow: auto; border: 1px solid #ddd; }
table { border-collapse: collapse; font-size: 0.8em; }
th, td { padding: 0.2em 0.5em; border-bottom: 1px solid #eee; text-align: right; white-space: nowrap; }
th { position: sticky; top: 0; background: #f4f4f4; }
pre { background: #f7f7f7; padding: 1em; overflow: auto; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${sections.map(sectionHtml).join("\n")}
</body>
</html>
`;
}
