// summary-long.csv: the summary in long ("tidy") form, one row per cell, generation and
// simulated metric, with plain column names (letters, digits and underscores: no quoting in
// pandas, polars or SQL): the cell's parameters (dots written as underscores, see plainName), then metric,
// mean, sd, se, n, the 95% confidence interval of the mean (ci95_low, ci95_high: mean +- t se)
// and the metric's closed form (theory, named in theory_name), as summary.csv holds them.
import type { Study } from "../study/spec.js";
import { parameterColumns } from "../study/columns.js";
import type { SummaryRow } from "./summary.js";
import { ci95HalfWidth } from "./statistics.js";

export const LONG_MEASURES = ["metric", "mean", "sd", "se", "n", "ci95_low", "ci95_high", "theory", "theory_name"] as const;
const TAKEN = new Set<string>(["cell", "generation", "replicates", ...LONG_MEASURES]);

/**
 * A parameter's column name any table reader takes as written: `labeler.beta` -> `labeler_beta`;
 * one that would be a measure's name gets `param_` before it (the toy walk's `n` -> `param_n`).
 */
export function plainName(name: string): string {
  const plain = name.replace(/[^A-Za-z0-9_]/g, "_");
  return TAKEN.has(plain) ? `param_${plain}` : plain;
}

export function longSummaryColumns(study: Study): string[] {
  return ["cell", "generation", ...parameterColumns(study).map(plainName), "replicates", ...LONG_MEASURES];
}

/** The long rows of some summary.csv rows (one per simulated metric each), in the same order. */
export function longSummaryRows(study: Study, summary: readonly SummaryRow[]): SummaryRow[] {
  const parameters = parameterColumns(study);
  const metrics = study.scenario.metrics.filter((metric) => !metric.theoryOf);
  const theoryOf = new Map<string, string>();
  // The first closed form of a metric (summary.csv has every one).
  for (const metric of study.scenario.metrics) if (metric.theoryOf && !theoryOf.has(metric.theoryOf)) theoryOf.set(metric.theoryOf, metric.name);
  const out: SummaryRow[] = [];
  for (const row of summary) {
    const base: SummaryRow = { cell: row.cell, generation: row.generation };
    for (const name of parameters) base[plainName(name)] = row[name] ?? null;
    base.replicates = row.replicates;
    for (const metric of metrics) {
      const mean = row[`${metric.name}_mean`] as number | null;
      const se = row[`${metric.name}_se`] as number | null;
      const n = row[`${metric.name}_n`] as number;
      const half = mean === null ? null : ci95HalfWidth({ count: n, mean, sd: null, se });
      const theory = theoryOf.get(metric.name);
      out.push({
        ...base,
        metric: metric.name,
        mean,
        sd: row[`${metric.name}_sd`],
        se,
        n,
        ci95_low: half === null || mean === null ? null : mean - half,
        ci95_high: half === null || mean === null ? null : mean + half,
        theory: theory === undefined ? null : (row[theory] ?? null),
        theory_name: theory ?? null,
      });
    }
  }
  return out;
}
