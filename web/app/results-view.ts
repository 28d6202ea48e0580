// The results of a run as they come in: the chart of the chosen metric (planCharts with the
// preset's hints), its key and its table, redrawn at most once a frame from the summary of the
// rows so far (summarize: mean and standard error across seeds per cell and generation).
import { planCharts, summarize, type ChartPlan, type PlotHints, type Row, type Study } from "../../src/index.js";
import { drawChart } from "./chart.js";
import { confidencePoints } from "./chart-data.js";
import { drawLegend } from "./chart-legend.js";
import { byId, h } from "./dom.js";
import { drawTable } from "./results-table.js";

export class ResultsView {
  private study: Study | undefined;
  private hints: PlotHints = {};
  private rows: readonly Row[] = [];
  private frame = 0;
  private readonly chart = byId("chart");
  private readonly metricSelect = byId<HTMLSelectElement>("metric");
  /** Called after a redraw that showed simulated points for the first time in a run. */
  onFirstPoint: (() => void) | undefined;

  constructor() {
    // The chart is drawn at its box's width: redraw when that changes (not its height, which the chart sets).
    let width = 0;
    new ResizeObserver(() => {
      if (this.chart.clientWidth !== width) {
        width = this.chart.clientWidth;
        this.redraw();
      }
    }).observe(this.chart);
  }

  /** The metrics a scenario's chart can show: the simulated ones (theory columns are drawn with theirs). */
  setMetrics(metrics: ReadonlyArray<{ name: string; description: string; theoryOf?: string }>, chosen: string | undefined): void {
    const simulated = metrics.filter((m) => !m.theoryOf);
    this.metricSelect.replaceChildren(...simulated.map((m) => h("option", { value: m.name, title: m.description }, m.name)));
    this.metricSelect.value = simulated.some((m) => m.name === chosen) ? chosen! : simulated[0]?.name ?? "";
  }

  get metric(): string {
    return this.metricSelect.value;
  }

  /** A new run: its study, how its preset draws it, and no rows yet. */
  start(study: Study, hints: PlotHints): void {
    this.study = study;
    this.hints = hints;
    this.rows = [];
    this.redraw();
  }

  update(rows: readonly Row[]): void {
    this.rows = rows;
    this.redraw();
  }

  /** Redraws on the next frame, once however many replicates finish before it. */
  redraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private plan(study: Study): ChartPlan | undefined {
    try {
      return planCharts(study, { ...this.hints, metrics: [this.metric] })[0];
    } catch {
      return planCharts(study, { metrics: [this.metric] })[0]; // hints that do not fit an edited preset
    }
  }

  private draw(): void {
    const study = this.study;
    const plan = study && this.metric ? this.plan(study) : undefined;
    if (!study || !plan) {
      this.chart.replaceChildren(h("p", { class: "placeholder" }, "Run the study to see its chart: the mean across seeds with its 95% confidence interval, and the closed form where the scenario has one."));
      return;
    }
    const summary = summarize(study, this.rows);
    const points = confidencePoints(plan, summary);
    // The plan's title after the metric's name, when its closed forms say what kind they are (", with its exact closed form dashed").
    byId("chart-title").replaceChildren(h("code", {}, plan.metric), " against ", plan.xTitle, plan.title.slice(plan.metric.length));
    byId("chart-description").textContent = plan.description;
    const series = drawChart(this.chart, plan, points);
    drawLegend(byId("legend"), plan, series, `${study.spec.seeds} seeds a cell`);
    drawTable(byId("table"), plan, summary);
    if (points.some((p) => p.kind === "simulation")) {
      this.onFirstPoint?.();
      this.onFirstPoint = undefined;
    }
  }
}
