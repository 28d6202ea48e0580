// The chart's key, in HTML beside it (it wraps on a phone, and a screen reader reads it): each
// series' colour and label, then what the marks are: the mean, its 95% confidence interval,
// the closed form.
import type { ChartPlan } from "../../src/index.js";
import type { Series } from "./chart-data.js";
import { h } from "./dom.js";

export function drawLegend(host: HTMLElement, plan: ChartPlan, series: readonly Series[], replicates: string): void {
  const swatch = (color: string) => h("span", { class: "swatch", style: `background:${color}` });
  const seriesTitle = plan.series.length > 0 ? plan.series.join(", ") : "cells";
  // A title beyond the metric's name: the columns say what kind of closed form each one is.
  const closedForms = plan.title === plan.metric
    ? `dashed: theory (${plan.theories.join(", ")}), the closed form this scenario gives`
    : `dashed: ${plan.theories.map((column, i) => `${plan.theoryLabels[i]} (${column})`).join("; ")}, the closed forms this scenario gives`;
  const theories = plan.theories.length > 0
    ? h("li", {}, h("span", { class: "key theory" }), closedForms)
    : h("li", {}, "no closed form for this metric");
  host.replaceChildren(
    series.length > 1 || plan.series.length > 0 ? h("p", { class: "legend-title" }, seriesTitle) : "",
    h("ul", { class: "series-list" }, ...series.map((s) => h("li", {}, swatch(s.color), s.label))),
    h("ul", { class: "marks" },
      h("li", {}, h("span", { class: "key mean" }), `line and dots: the mean across seeds (${replicates})`),
      h("li", {}, h("span", { class: "key band" }), "shaded: 95% confidence interval, mean ± t(0.975, n − 1) standard errors, as the command line's charts"),
      theories,
      plan.markers.length > 0 ? h("li", {}, h("span", { class: "key marker" }), `grey dashed: ${plan.markers.map((m) => m.label).join("; ")}`) : ""),
  );
}
