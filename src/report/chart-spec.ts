// A chart plan and the summary rows as a vega-lite specification: the mean over replicates
// as a solid line with a band of one standard error, each theory column as a dashed line in
// the same colour (labelled by the kind of closed form its column declares, else "theory" when
// there is one and by column name when there are several),
// and markers as labelled reference rules.
import type { TopLevelSpec } from "vega-lite";
import type { ChartPlan } from "./chart-plan.js";
import type { SummaryRow } from "./summary.js";

export interface ChartPoint {
  x: number | string;
  series: string;
  /** "simulation", or the curve's theory label. */
  kind: string;
  mean: number;
  lo: number | null;
  hi: number | null;
}

const DASHES = [[1, 0], [6, 4], [2, 3], [10, 3, 2, 3], [1, 5]];

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
      points.push({ x, series, kind: "simulation", mean, lo: band ? mean - se : null, hi: band ? mean + se : null });
    }
    for (const [i, column] of plan.theories.entries()) {
      const theory = row[column];
      const kind = plan.theoryLabels[i];
      if (typeof theory === "number" && Number.isFinite(theory)) points.push({ x, series, kind, mean: theory, lo: null, hi: null });
    }
  }
  return points;
}

export function chartSpec(plan: ChartPlan, rows: readonly SummaryRow[]): TopLevelSpec {
  const points = chartPoints(plan, rows);
  const numericX = points.every((p) => typeof p.x === "number");
  const x = numericX
    ? { field: "x", type: "quantitative", title: plan.xTitle, scale: plan.logX ? { type: "log", nice: false } : { zero: false } }
    : { field: "x", type: "ordinal", title: plan.xTitle };
  // Stroke symbols at full opacity: the legend shows the lines, not the faint bands.
  const legend = { labelLimit: 560, titleLimit: 560, symbolType: "stroke", symbolStrokeWidth: 3, symbolOpacity: 1 };
  const color = { field: "series", type: "nominal", title: plan.series.length > 0 ? plan.series.join(", ") : "cells", legend } as const;
  const theoryKinds = plan.theoryLabels;
  const kinds = ["simulation", ...theoryKinds.filter((k) => points.some((p) => p.kind === k))];
  const layers: unknown[] = [
    {
      transform: [{ filter: "datum.kind === 'simulation' && isValid(datum.lo)" }],
      mark: { type: "area", opacity: 0.2 },
      encoding: { x, y: { field: "lo", type: "quantitative" }, y2: { field: "hi" }, color },
    },
    {
      mark: { type: "line", strokeWidth: 2 },
      encoding: {
        x,
        y: { field: "mean", type: "quantitative", title: plan.metric, scale: { zero: false } },
        color,
        strokeDash: { field: "kind", type: "nominal", title: "curve", scale: { domain: kinds, range: DASHES.slice(0, kinds.length) } },
      },
    },
  ];
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
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: { text: plan.title, subtitle: plan.heading === undefined ? plan.description : [plan.heading, plan.description], anchor: "start" },
    width: 460,
    height: 280,
    data: { values: points },
    layer: layers,
    config: { font: "sans-serif" },
  } as TopLevelSpec;
}
