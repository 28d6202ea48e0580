// A preset: a named study that reproduces a published result, with its citation and how to
// draw it.
import type { PlotHints } from "../report/chart-plan.js";
import type { DerivedMetric } from "../report/derived.js";

export interface Preset {
  name: string;
  /** One line: what it shows. */
  title: string;
  /** The publication it reproduces (authors, title, venue, arXiv id) and where in it. */
  source: string;
  /** What to look for in the plots. */
  description: string;
  /** The study spec (the public JSON format); `--set` overrides apply on top. */
  spec: Record<string, unknown>;
  plot?: PlotHints;
  /** Metrics of whole replicates (e.g. rounds to reach a target), summarised in derived.csv. */
  derived?: DerivedMetric[];
  /** How to draw the derived metrics (by default against the swept numeric parameter). */
  derivedPlot?: PlotHints;
}
