// A chart plan and the summary rows as a vega-lite specification: each series (a group of
// cells) the mean over replicates as a line with its 95% confidence band, told apart by colour
// and dash together (ten colours, then the same ten dashed, so no two series look alike); each
// theory column as a thin dark dashed line drawn over the simulation, so that it stays visible
// where the two coincide (labelled by the kind of closed form its column declares, else
// "theory" when there is one and by column name when there are several); markers as labelled
// reference rules. Legends show every label whole; generation axes have integer ticks; a
// constant metric gets an axis around its value.
import type { TopLevelSpec } from "vega-lite";
import type { ChartPlan } from "./chart-plan.js";
import type { SummaryRow } from "./summary.js";
import { t975 } from "./statistics.js";

export interface ChartPoint {
  x: number | string;
  series: string;
  /** "simulation", or the curve's theory label. */
  kind: string;
  mean: number;
  /** mean - se and mean + se (one standard error), for a simulation point with two replicates or more. */
  lo: number | null;
  hi: number | null;
  /** The replicates behind a simulation point's mean. */
  n?: number;
}

/** Ten colours (vega's category10) told apart in print and by most colour-blind readers in pairs. */
export const SERIES_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
/** Series 0-9 solid, 10-19 long dashes, and so on: colour and dash together tell 50 series apart. */
export const SERIES_DASHES = [[1, 0], [9, 3], [2, 2], [12, 3, 3, 3], [5, 2, 1, 2]];
/** The closed forms' dashes (black, thin, over the simulation). */
export const THEORY_DASHES = [[4, 3], [1, 2], [8, 3, 1, 3], [2, 5]];
const THEORY_COLOUR = "#111";
/** How the subtitle names THEORY_DASHES. */
const THEORY_WORDS = ["dashes", "dots", "dash-dots", "sparse dots"];

/** The colour and dash of the i-th series. */
export function seriesStyle(i: number): { colour: string; dash: number[] } {
  return { colour: SERIES_COLOURS[i % SERIES_COLOURS.length], dash: SERIES_DASHES[Math.floor(i / SERIES_COLOURS.length) % SERIES_DASHES.length] };
}

export function seriesLabel(row: SummaryRow, series: readonly string[]): string {
  const parts = series.filter((c) => row[c] !== undefined && row[c] !== null).map((c) => `${c}=${row[c]}`);
  return parts.length > 0 ? parts.join(", ") : "all";
}

export function chartPoints(plan: ChartPlan, rows: readonly SummaryRow[]): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const row of rows) {
    if (plan.generation !== undefined && row.generation !== plan.generation) continue;
    if (plan.facet && (row[plan.facet.column] ?? null) !== plan.facet.value) continue;
    const x = row[plan.x];
    if (typeof x !== "number" && typeof x !== "string") continue;
    const series = seriesLabel(row, plan.series);
    const mean = row[`${plan.metric}_mean`];
    const se = row[`${plan.metric}_se`];
    if (typeof mean === "number") {
      const band = typeof se === "number";
      const n = row[`${plan.metric}_n`];
      points.push({ x, series, kind: "simulation", mean, lo: band ? mean - se : null, hi: band ? mean + se : null, ...(typeof n === "number" && { n }) });
    }
    for (const [i, column] of plan.theories.entries()) {
      const theory = row[column];
      const kind = plan.theoryLabels[i];
      if (typeof theory === "number" && Number.isFinite(theory)) points.push({ x, series, kind, mean: theory, lo: null, hi: null });
    }
  }
  return points;
}

/** Lines of at most `width` characters, broken at spaces: a long subtitle must not widen the chart. */
export function wrapText(text: string, width = 90): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** The 95% confidence band of a simulation point: mean +- t(0.975, n - 1) se (the charts and the playground draw it). */
export function confidenceBand(point: ChartPoint): { lo: number | null; hi: number | null } {
  if (point.lo === null || point.hi === null || point.n === undefined || point.n < 2) return { lo: null, hi: null };
  const half = t975(point.n - 1) * (point.hi - point.mean);
  return { lo: point.mean - half, hi: point.mean + half };
}

/**
 * The y scale: around a constant metric's value (a zero-width domain would show one tick),
 * else fitted to the data without forcing zero; logarithmic when asked and every value is positive.
 */
function yScale(plan: ChartPlan, values: readonly number[]): Record<string, unknown> {
  if (plan.logY && values.length > 0 && values.every((v) => v > 0)) return { type: "log" };
  // Not Math.min(...values): a chart of 10^5 generations would pass that many arguments.
  const lo = values.reduce((a, b) => Math.min(a, b), Infinity), hi = values.reduce((a, b) => Math.max(a, b), -Infinity);
  if (values.length > 0 && hi - lo <= 1e-12 * Math.max(1, Math.abs(hi))) {
    const pad = hi === 0 ? 1 : Math.abs(hi) * 0.1;
    return { domain: [hi - pad, hi + pad], zero: false };
  }
  return { zero: false };
}

export function chartSpec(plan: ChartPlan, rows: readonly SummaryRow[]): TopLevelSpec {
  const points = chartPoints(plan, rows).map((point) => (point.kind === "simulation" ? { ...point, ...confidenceBand(point) } : point));
  const numericX = points.every((p) => typeof p.x === "number");
  const integerX = numericX && points.every((p) => Number.isInteger(p.x));
  const axis = plan.x === "generation" || integerX ? { tickMinStep: 1, format: "d" } : {};
  const x = numericX
    ? { field: "x", type: "quantitative", title: plan.xTitle, scale: plan.logX ? { type: "log", nice: false } : { zero: false }, axis }
    : { field: "x", type: "ordinal", title: plan.xTitle };
  const series = [...new Set(points.map((p) => p.series))];
  const styles = series.map((_, i) => seriesStyle(i));
  // One legend for colour and dash (same field, same title); labels never cut.
  const legend = { labelLimit: 0, titleLimit: 0, symbolType: "stroke", symbolStrokeWidth: 2.5, symbolOpacity: 1, symbolSize: 400 };
  // Two lines: a title as wide as the labels would widen the chart (text widths are estimated without a canvas).
  const seriesTitle = [plan.series.length > 0 ? plan.series.join(", ") : "cells", "band: 95% confidence interval"];
  const colour = { field: "series", type: "nominal", title: seriesTitle, scale: { domain: series, range: styles.map((s) => s.colour) }, legend } as const;
  const dash = { field: "series", type: "nominal", title: seriesTitle, scale: { domain: series, range: styles.map((s) => s.dash) }, legend } as const;
  const kinds = plan.theoryLabels.filter((k) => points.some((p) => p.kind === k));
  const yValues = points.flatMap((p) => [p.mean, p.lo, p.hi]).filter((v): v is number => typeof v === "number");
  for (const m of plan.markers) if (m.orientation === "horizontal") yValues.push(m.value);
  const y = { field: "mean", type: "quantitative", title: plan.metric, scale: yScale(plan, yValues) };
  const simulation = "datum.kind === 'simulation'";
  const layers: unknown[] = [
    {
      transform: [{ filter: `${simulation} && isValid(datum.lo)` }],
      mark: { type: "area", opacity: 0.15 },
      encoding: { x, y: { ...y, field: "lo" }, y2: { field: "hi" }, color: colour },
    },
    {
      transform: [{ filter: simulation }],
      mark: { type: "line", strokeWidth: 2 },
      encoding: { x, y, color: colour, strokeDash: dash },
    },
  ];
  // Over the simulation, thin and black: visible where it coincides with it. One layer per kind
  // of closed form, each its own dash (said in the subtitle); `detail` keeps one line per series.
  kinds.forEach((kind, i) => {
    layers.push({
      transform: [{ filter: { field: "kind", equal: kind } }],
      mark: { type: "line", strokeWidth: 1.5, color: THEORY_COLOUR, strokeDash: THEORY_DASHES[i % THEORY_DASHES.length] },
      encoding: { x, y, detail: { field: "series" } },
    });
  });
  const vertical = plan.markers.filter((m) => m.orientation === "vertical");
  if (vertical.length > 0 && numericX) {
    layers.push(
      { data: { values: vertical }, mark: { type: "rule", color: "#555", strokeDash: [2, 2] }, encoding: { x: { field: "value", type: "quantitative" } } },
      {
        data: { values: vertical },
        mark: { type: "text", align: "left", dx: 4, baseline: "top", y: 4, color: "#333" },
        encoding: { x: { field: "value", type: "quantitative" }, text: { field: "label" } },
      },
    );
  }
  const horizontal = plan.markers.filter((m) => m.orientation === "horizontal");
  if (horizontal.length > 0) {
    layers.push(
      { data: { values: horizontal }, mark: { type: "rule", color: "#999", strokeDash: [2, 2] }, encoding: { y: { field: "value", type: "quantitative" } } },
      {
        data: { values: horizontal },
        mark: { type: "text", align: "right", baseline: "bottom", dy: -2, x: "width", color: "#555" },
        encoding: { y: { field: "value", type: "quantitative" }, text: { field: "label" } },
      },
    );
  }
  const closedForms = kinds.map((kind, i) => `${THEORY_WORDS[i % THEORY_WORDS.length]}: ${kind}`).join("; ");
  const subtitle = [
    ...(plan.heading === undefined ? [] : wrapText(plan.heading)),
    ...wrapText(plan.description),
    ...(kinds.length > 0 ? [`black ${closedForms}`] : []),
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: { text: plan.title, subtitle, anchor: "start" },
    width: 460,
    height: 280,
    data: { values: points },
    layer: layers,
    config: { font: "sans-serif" },
  } as TopLevelSpec;
}
