// The chart, hand-drawn in SVG at the width of its box: for each series the mean across seeds
// (a line through dots), its 95% confidence band, and the closed form dashed in the same
// colour; the plan's markers as labelled dashed rules (vertical: a value on x, such as the
// breakdown point; horizontal: a value of the metric, such as Bayes accuracy). Light enough to
// redraw on every finished replicate.
import type { ChartPlan, ChartPoint } from "../../src/index.js";
import { seriesOf, type Series } from "./chart-data.js";
import { linearScale, logScale, tickLabel, type Scale } from "./chart-scale.js";
import { svg } from "./dom.js";

const MARGIN = { top: 14, right: 14, bottom: 44, left: 58 };
/** Dash patterns of the theory curves, when a metric has several. */
const DASHES = ["7 4", "2 3", "10 3 2 3", "1 5"];

const fmt = (value: number) => String(Number(value.toPrecision(5)));

/** The smallest and largest of the values, without spreading them into one call (a chart of 10^5 generations would pass that many arguments). */
function extent(values: readonly number[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function path(points: Array<[number, number]>): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`).join("");
}

/** The x axis: numbers on a linear or log scale, or categories at even steps. */
function xAxis(plan: ChartPlan, points: readonly ChartPoint[], from: number, to: number): { scale: Scale; position: (x: number | string) => number; labels: Map<number, string> } {
  const numeric = points.every((p) => typeof p.x === "number");
  if (!numeric) {
    const categories = [...new Set(points.map((p) => String(p.x)))];
    const step = (to - from) / Math.max(1, categories.length);
    const scale = ((i: number) => from + (i + 0.5) * step) as Scale;
    scale.ticks = categories.map((_, i) => i);
    return { scale, position: (x) => categories.indexOf(String(x)), labels: new Map(categories.map((c, i) => [i, c])) };
  }
  const xs = points.map((p) => p.x as number);
  const [lo, hi] = extent(xs);
  const log = plan.logX && lo > 0;
  return { scale: log ? logScale(lo, hi, from, to) : linearScale(lo, hi, from, to, 6), position: (x) => x as number, labels: new Map() };
}

export function drawChart(host: HTMLElement, plan: ChartPlan, points: readonly ChartPoint[]): Series[] {
  const width = Math.max(280, host.clientWidth);
  const height = Math.round(Math.min(420, Math.max(240, width * 0.58)));
  const simulated = points.filter((p) => p.kind === "simulation").length;
  const chart = svg("svg", {
    width, height, viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart",
    "aria-label": `${plan.metric} against ${plan.xTitle}: ${simulated} simulated points`, "data-points": simulated,
  });
  host.replaceChildren(chart);
  if (points.length === 0) {
    chart.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, "The chart fills in as replicates finish."));
    return [];
  }
  const [left, right, top, bottom] = [MARGIN.left, width - MARGIN.right, MARGIN.top, height - MARGIN.bottom];
  const x = xAxis(plan, points, left, right);
  const markers = plan.markers;
  const ys = points.flatMap((p) => [p.mean, p.lo ?? p.mean, p.hi ?? p.mean]);
  ys.push(...markers.filter((m) => m.orientation === "horizontal").map((m) => m.value));
  const y = linearScale(...extent(ys), bottom, top, 6);
  const X = (value: number | string) => x.scale(x.position(value));
  const inX = (value: number) => X(value) >= left - 0.5 && X(value) <= right + 0.5;

  // Axes and grid.
  const axes = svg("g", { class: "axes" });
  for (const t of y.ticks) {
    axes.append(svg("line", { class: "gridline", x1: left, x2: right, y1: y(t), y2: y(t) }),
      svg("text", { x: left - 6, y: y(t), dy: "0.32em", "text-anchor": "end" }, tickLabel(t)));
  }
  for (const t of x.scale.ticks) {
    axes.append(svg("line", { class: "tick", x1: x.scale(t), x2: x.scale(t), y1: bottom, y2: bottom + 5 }),
      svg("text", { x: x.scale(t), y: bottom + 18, "text-anchor": "middle" }, x.labels.get(t) ?? tickLabel(t)));
  }
  axes.append(svg("line", { class: "axis", x1: left, x2: right, y1: bottom, y2: bottom }),
    svg("line", { class: "axis", x1: left, x2: left, y1: top, y2: bottom }),
    svg("text", { class: "title", x: (left + right) / 2, y: height - 6, "text-anchor": "middle" }, plan.xTitle),
    svg("text", { class: "title", transform: `translate(14 ${(top + bottom) / 2}) rotate(-90)`, "text-anchor": "middle" }, plan.metric));
  chart.append(axes);

  // Markers under the data.
  for (const marker of markers) {
    if (marker.orientation === "vertical" && typeof points[0].x === "number" && inX(marker.value)) {
      const at = X(marker.value);
      chart.append(svg("line", { class: "marker", x1: at, x2: at, y1: top, y2: bottom }),
        svg("text", { class: "marker-label", x: at + 4, y: top + 10 }, marker.label));
    } else if (marker.orientation === "horizontal") {
      chart.append(svg("line", { class: "marker", x1: left, x2: right, y1: y(marker.value), y2: y(marker.value) }),
        svg("text", { class: "marker-label", x: right - 4, y: y(marker.value) - 4, "text-anchor": "end" }, marker.label));
    }
  }

  const series = seriesOf(points, x.position);
  const theoryKinds = [...new Set(points.map((p) => p.kind).filter((k) => k !== "simulation"))];
  for (const { label, color, curves } of series) {
    const group = svg("g", { class: "series", "data-series": label, stroke: color, fill: color });
    const sim = curves.get("simulation") ?? [];
    const banded = sim.filter((p) => p.lo !== null && p.hi !== null);
    if (banded.length > 1) {
      const upper = banded.map((p): [number, number] => [X(p.x), y(p.hi!)]);
      const lower = banded.map((p): [number, number] => [X(p.x), y(p.lo!)]).reverse();
      group.append(svg("path", { class: "band", d: `${path([...upper, ...lower])}Z` }));
    }
    for (const kind of theoryKinds) {
      const curve = curves.get(kind) ?? [];
      const dash = DASHES[theoryKinds.indexOf(kind) % DASHES.length];
      if (curve.length > 1) group.append(svg("path", { class: "theory", d: path(curve.map((p) => [X(p.x), y(p.mean)])), "stroke-dasharray": dash }));
      else for (const p of curve) group.append(svg("line", { class: "theory", x1: X(p.x) - 8, x2: X(p.x) + 8, y1: y(p.mean), y2: y(p.mean), "stroke-dasharray": dash }));
    }
    if (sim.length > 1) group.append(svg("path", { class: "mean", d: path(sim.map((p) => [X(p.x), y(p.mean)])) }));
    for (const p of sim) {
      const ci = p.lo !== null && p.hi !== null ? `, 95% CI [${fmt(p.lo)}, ${fmt(p.hi)}]` : "";
      // A lone point shows its interval as a bar, having no band.
      if (banded.length === 1 && p.lo !== null) group.append(svg("line", { class: "ci-bar", x1: X(p.x), x2: X(p.x), y1: y(p.lo), y2: y(p.hi!) }));
      group.append(svg("circle", { class: "point", cx: X(p.x), cy: y(p.mean), r: 3.5 },
        svg("title", {}, `${label}: ${plan.x} = ${p.x}, ${plan.metric} mean ${fmt(p.mean)}${ci}`)));
    }
    chart.append(group);
  }
  return series;
}
