// What the chart draws, from the summary rows (summarize: mean, sd, se over replicates per
// cell and generation) and the chart plan (planCharts): chartPoints's points, with the band
// widened from one standard error to the 95% confidence interval the command line's charts
// draw, mean +- t(0.975, n - 1) se (confidenceBand), grouped into coloured series.
import { chartPoints, confidenceBand, type ChartPlan, type ChartPoint, type SummaryRow } from "../../src/index.js";

const PALETTE = ["#1f6fb4", "#d0302f", "#2a9a3a", "#8a55c0", "#e07b00", "#0f9fb0", "#8c564b", "#d6479f", "#6b6b6b", "#a3a014"];

export interface Series {
  label: string;
  color: string;
  /** Curves of this series by kind ("simulation", "theory" or a theory column), each sorted by x. */
  curves: Map<string, ChartPoint[]>;
}

export function confidencePoints(plan: ChartPlan, summary: readonly SummaryRow[]): ChartPoint[] {
  return chartPoints(plan, summary).map((point) => (point.kind === "simulation" ? { ...point, ...confidenceBand(point) } : point));
}

/** Points by series (in order of first appearance), each series its colour and its curves sorted by x. */
export function seriesOf(points: readonly ChartPoint[], order: (x: number | string) => number): Series[] {
  const bySeries = new Map<string, Series>();
  for (const point of points) {
    let series = bySeries.get(point.series);
    if (!series) {
      series = { label: point.series, color: PALETTE[bySeries.size % PALETTE.length], curves: new Map() };
      bySeries.set(point.series, series);
    }
    const curve = series.curves.get(point.kind) ?? [];
    curve.push(point);
    series.curves.set(point.kind, curve);
  }
  for (const series of bySeries.values()) for (const curve of series.curves.values()) curve.sort((a, b) => order(a.x) - order(b.x));
  return [...bySeries.values()];
}
