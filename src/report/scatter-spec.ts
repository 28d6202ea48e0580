// A scatter plan and the summary rows as a vega-lite specification: one filled point per cell,
// coloured by its series, the rank correlation in the subtitle.
import type { TopLevelSpec } from "vega-lite";
import { correlationRow, scatterPoints, type ScatterPlan } from "./scatter-plan.js";
import type { SummaryRow } from "./summary.js";

export function scatterSpec(plan: ScatterPlan, rows: readonly SummaryRow[]): TopLevelSpec {
  const { spearman, cells } = correlationRow(plan, rows);
  const rho = spearman === null ? "undefined" : spearman.toFixed(3);
  const legend = { labelLimit: 400, titleLimit: 400 };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: {
      text: `${plan.y} against ${plan.x}`,
      subtitle: `Spearman rank correlation ${rho} over ${cells} cells (means at generation ${plan.generation})`,
      anchor: "start",
    },
    width: 460,
    height: 280,
    data: { values: scatterPoints(plan, rows) },
    mark: { type: "point", filled: true, size: 70, opacity: 0.85 },
    encoding: {
      x: { field: "x", type: "quantitative", title: plan.x, scale: { zero: false } },
      y: { field: "y", type: "quantitative", title: plan.y, scale: { zero: false } },
      color: { field: "series", type: "nominal", title: plan.color.length > 0 ? plan.color.join(", ") : "cells", legend },
    },
    config: { font: "sans-serif" },
  } as TopLevelSpec;
}
