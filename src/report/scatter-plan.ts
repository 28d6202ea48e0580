// Scatter plots across a study's cells: one metric against another, one point per cell (its
// means over replicates at one generation), with Spearman's rank correlation over the cells,
// which charts print and correlations.csv holds: whether one measured quantity predicts
// another across settings (a verifier's proxy against the accuracy it leads to).
import type { Study } from "../study/spec.js";
import type { PlotHints } from "./chart-plan.js";
import { seriesLabel } from "./chart-spec.js";
import type { SummaryRow } from "./summary.js";
import { rankCorrelation } from "./statistics.js";

export interface ScatterPlan {
  /** File-safe name, e.g. "accuracy-vs-keptLabelAccuracy". */
  name: string;
  x: string;
  y: string;
  generation: number;
  /** Parameters whose values colour the points. */
  color: string[];
}

export interface ScatterPoint {
  x: number;
  y: number;
  series: string;
}

/** One row of correlations.csv. */
export interface CorrelationRow {
  [column: string]: string | number | null;
  x: string;
  y: string;
  generation: number;
  cells: number;
  spearman: number | null;
}

export const CORRELATION_COLUMNS = ["x", "y", "generation", "cells", "spearman"] as const;

/** The scatter plots a preset's hints ask for, at its generation (the last by default). */
export function planScatters<P>(study: Study<P>, hints: PlotHints<P> = {}): ScatterPlan[] {
  const scatter = hints.scatter;
  if (scatter === undefined) return [];
  const names = new Set(study.scenario.metrics.map((m) => m.name));
  for (const metric of [...scatter.x, scatter.y]) {
    if (!names.has(metric)) throw new Error(`scatter hints name metric ${JSON.stringify(metric)}, which scenario ${study.scenario.name} does not have`);
  }
  const generation = hints.generation ?? study.spec.generations;
  return scatter.x.map((x) => ({ name: `${scatter.y}-vs-${x}`, x, y: scatter.y, generation, color: scatter.color ?? [] }));
}

/** The plan's points: each cell's means at its generation, where both are numbers. */
export function scatterPoints(plan: ScatterPlan, rows: readonly SummaryRow[]): ScatterPoint[] {
  const points: ScatterPoint[] = [];
  for (const row of rows) {
    if (row.generation !== plan.generation) continue;
    const x = row[`${plan.x}_mean`], y = row[`${plan.y}_mean`];
    if (typeof x === "number" && typeof y === "number") points.push({ x, y, series: seriesLabel(row, plan.color) });
  }
  return points;
}

/** Spearman's rank correlation over the plan's points. */
export function correlationRow(plan: ScatterPlan, rows: readonly SummaryRow[]): CorrelationRow {
  const points = scatterPoints(plan, rows);
  return {
    x: plan.x, y: plan.y, generation: plan.generation, cells: points.length,
    spearman: rankCorrelation(points.map((p) => p.x), points.map((p) => p.y)),
  };
}
