// The chart's numbers as a table (readable without the chart, and by screen readers): one row
// per line point, with the replicates done, the mean across seeds, its 95% confidence interval
// and the closed form.
import { t975, type ChartPlan, type SummaryRow } from "../../src/index.js";
import { h } from "./dom.js";

const show = (value: unknown, digits = 4): string =>
  typeof value === "number" ? String(Number(value.toPrecision(digits))) : value === null || value === undefined ? "" : String(value);

export function drawTable(host: HTMLElement, plan: ChartPlan, summary: readonly SummaryRow[]): void {
  const rows = summary.filter((row) => plan.generation === undefined || row.generation === plan.generation);
  const head = [...plan.series, plan.x, "replicates", `${plan.metric} mean`, "95% CI", ...plan.theories];
  const body = rows.map((row) => {
    const mean = row[`${plan.metric}_mean`];
    const se = row[`${plan.metric}_se`];
    const n = row[`${plan.metric}_n`];
    const ci = typeof mean === "number" && typeof se === "number" && typeof n === "number" && n >= 2 ? `± ${show(t975(n - 1) * se, 2)}` : "";
    return h("tr", {},
      ...[...plan.series, plan.x].map((column) => h("td", {}, show(row[column]))),
      h("td", { class: "num" }, show(row.replicates)),
      h("td", { class: "num" }, show(mean)),
      h("td", { class: "num" }, ci),
      ...plan.theories.map((column) => h("td", { class: "num" }, show(row[column]))));
  });
  const caption = plan.generation === undefined ? `${plan.metric} by generation` : `${plan.metric} at generation ${plan.generation}`;
  host.replaceChildren(h("table", {},
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ...head.map((column) => h("th", { scope: "col" }, column)))),
    h("tbody", {}, ...body)));
}
