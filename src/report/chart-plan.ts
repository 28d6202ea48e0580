// Which charts a study gets: one per simulated metric, against generations (or against a
// swept numeric parameter when there is one generation), one line per group of cells that
// differ in the other varying parameters, with the metric's theory columns overlaid; a preset
// may draw one set of charts per value of a parameter (a facet) and title them.
import type { Study } from "../study/spec.js";
import type { Scalar } from "../study/flatten.js";
import { parameterColumns } from "../study/columns.js";
import type { ClosedFormKind, MetricDefinition } from "../scenarios/index.js";

/**
 * A labelled reference line: vertical at `value` on charts whose x axis is `axis` (e.g. a
 * breakdown point), or horizontal at `value` on the chart of `metric` (e.g. Bayes accuracy).
 */
export type Marker = { axis: string; value: number; label: string } | { metric: string; value: number; label: string };

/** How a preset wants its study drawn; everything optional, the rest chosen from the study. */
export interface PlotHints<P = unknown> {
  /** The x axis: "generation" or a dotted parameter. */
  x?: string;
  /** Parameters whose values tell the lines apart; the default is every other varying one. */
  series?: string[];
  /** Metrics to draw; the default is every simulated (non-theory) metric. */
  metrics?: string[];
  /** With a parameter on x, the generation drawn; the default is the last. */
  generation?: number;
  /** A logarithmic x axis (e.g. for sample counts). */
  logX?: boolean;
  /** A logarithmic y axis (where every value drawn is positive). */
  logY?: boolean;
  /** The x axis title; by default the column, with the generation drawn when x is a parameter. */
  xTitle?: string;
  /** Reference lines from the study's cells, whose params are the scenario's (P). */
  markers?(study: Study<P>): Marker[];
  /**
   * Scatter plots across cells, one point per cell (its means over replicates at `generation`):
   * metric y against each metric of x, each with Spearman's rank correlation, points coloured by
   * the parameters of `color` (scatter-plan.ts).
   */
  scatter?: { x: string[]; y: string; color?: string[] };
  /** A dotted parameter: one set of charts per value it takes, each showing the cells with that value. */
  facet?: string;
  /** A line over every chart: what it shows, and what in it is the paper's and what this project's. */
  title?: string;
}

/** The cells a chart shows: those whose parameter `column` takes `value`. */
export interface Facet {
  column: string;
  value: Scalar;
}

export interface ReferenceLine {
  orientation: "vertical" | "horizontal";
  value: number;
  label: string;
}

export interface ChartPlan {
  /** File-safe name, e.g. "accuracy". */
  name: string;
  metric: string;
  description: string;
  /** The theory columns overlaid: every metric whose theoryOf names this one (often one, or none). */
  theories: string[];
  /** How each theory column's curve is labelled: "theory" (one column) or the column's name; by its kind where the columns declare one ("exact", "asymptotic"). */
  theoryLabels: string[];
  /** The chart's title: the metric, and the kinds of closed form drawn where the columns declare them. */
  title: string;
  x: string;
  series: string[];
  /** Set when x is a parameter: the generation whose values are drawn. */
  generation?: number;
  logX: boolean;
  logY?: boolean;
  xTitle: string;
  /** Vertical (value on x) and horizontal (value on y) reference lines. */
  markers: ReferenceLine[];
  /** The preset's line over the chart (its hint `title`), with the facet it shows. */
  heading?: string;
  /** Set when the chart shows a slice of the cells. */
  facet?: Facet;
}

/** Whether the grid sets a parameter column: its key, or one above it (a grid over a whole verifier). */
function gridColumn(study: Study, column: string): boolean {
  return Object.keys(study.spec.grid).some((key) => column === key || column.startsWith(`${key}.`));
}

/** Columns in the order of the grid keys that set them (the first key varies slowest). */
function gridOrder(study: Study, columns: string[]): string[] {
  const keys = Object.keys(study.spec.grid);
  const rank = (column: string) => keys.findIndex((key) => column === key || column.startsWith(`${key}.`));
  return columns.map((column, i) => ({ column, i })).sort((a, b) => rank(a.column) - rank(b.column) || a.i - b.i).map((entry) => entry.column);
}

/** Parameter columns that take more than one value across the study's cells. */
export function varyingParameters(study: Study): string[] {
  return parameterColumns(study).filter((column) => new Set(study.cells.map((c) => JSON.stringify(c.flat[column] ?? null))).size > 1);
}

function numericSpread(study: Study, column: string): number {
  const values = study.cells.map((c) => c.flat[column]);
  return values.every((v) => typeof v === "number") ? new Set(values).size : 0;
}

const CLOSED_FORM_WORDS: Record<ClosedFormKind, string> = { exact: "exact", conditional: "exact given the inputs", asymptotic: "asymptotic" };

/**
 * The curve labels of a metric's theory columns, and its chart's title. Columns that declare
 * their kind are labelled by it (by their names too where two share a kind), and the title says
 * which are drawn; otherwise one column is "theory", several go by their names.
 */
export function closedFormLabels(metric: string, theories: readonly MetricDefinition[]): { labels: string[]; title: string } {
  if (theories.length === 0 || theories.some((t) => t.closedForm === undefined)) {
    return { labels: theories.map((t) => (theories.length === 1 ? "theory" : t.name)), title: metric };
  }
  const words = theories.map((t) => CLOSED_FORM_WORDS[t.closedForm!]);
  const labels = words.map((word, i) => (words.indexOf(word) === words.lastIndexOf(word) ? word : `${word} (${theories[i].name})`));
  const kinds = [...new Set(words)];
  const said = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(", ")} and ${kinds[kinds.length - 1]}`;
  return { labels, title: `${metric}, with its ${said} closed form${theories.length > 1 ? "s" : ""} dashed` };
}

export function planCharts<P>(study: Study<P>, hints: PlotHints<P> = {}): ChartPlan[] {
  const { facet } = hints;
  if (facet === undefined) return planSlice(study, hints);
  const values = [...new Map(study.cells.map((cell) => [JSON.stringify(cell.flat[facet] ?? null), cell.flat[facet] ?? null])).values()];
  return values.flatMap((value) => {
    const label = `${facet} = ${value}`;
    return planSlice(study, { ...hints, title: hints.title ? `${hints.title} (${label})` : label }, { column: facet, value });
  });
}

/** The charts of the cells in a facet (all cells without one). */
function planSlice<P>(whole: Study<P>, hints: PlotHints<P>, facet?: Facet): ChartPlan[] {
  const study = facet ? { ...whole, cells: whole.cells.filter((cell) => (cell.flat[facet.column] ?? null) === facet.value) } : whole;
  const varying = varyingParameters(study);
  let x = hints.x;
  if (x === undefined) {
    const swept = [...varying].sort((a, b) => numericSpread(study, b) - numericSpread(study, a))[0];
    x = study.spec.generations > 1 || swept === undefined || numericSpread(study, swept) < 2 ? "generation" : swept;
  }
  // The legend names only keys that vary here, and by default only those the grid sets: a
  // parameter that follows from them (an arm's filter kind) would only lengthen every label.
  const chosen = hints.series ?? gridOrder(whole, varying.filter((column) => gridColumn(whole, column)));
  const series = chosen.filter((column) => column !== x && varying.includes(column));
  const generation = x === "generation" ? undefined : (hints.generation ?? study.spec.generations);
  const markers = hints.markers?.(study) ?? [];
  const xTitle = hints.xTitle ?? (generation === undefined ? x : `${x} (generation ${generation})`);
  const metrics = study.scenario.metrics;
  const drawn = hints.metrics ?? metrics.filter((m) => !m.theoryOf).map((m) => m.name);
  return drawn.map((name) => {
    const metric = metrics.find((m) => m.name === name);
    if (!metric) throw new Error(`plot hints name metric ${JSON.stringify(name)}, which scenario ${study.scenario.name} does not have`);
    const theoryMetrics = metrics.filter((m) => m.theoryOf === name);
    const theories = theoryMetrics.map((m) => m.name);
    const { labels: theoryLabels, title } = closedFormLabels(name, theoryMetrics);
    const lines: ReferenceLine[] = [];
    for (const m of markers) {
      if ("axis" in m && m.axis === x) lines.push({ orientation: "vertical", value: m.value, label: m.label });
      if ("metric" in m && m.metric === name) lines.push({ orientation: "horizontal", value: m.value, label: m.label });
    }
    const file = facet ? `${name}-${facet.column}=${facet.value}`.replace(/[^\w.=+-]/g, "_") : name;
    return {
      name: file, metric: name, title, description: metric.description, theories, theoryLabels, x, series, generation,
      logX: hints.logX === true, logY: hints.logY === true, xTitle, markers: lines,
      ...(hints.title !== undefined && { heading: hints.title }),
      ...(facet && { facet }),
    };
  });
}
