// collapse-sim plot DIR [--x COLUMN] [--facet COLUMN] [--log-x] [--log-y]
import { plotDirectory } from "../output/plot-directory.js";
import type { PlotHints } from "../report/chart-plan.js";
import { parseCommand } from "./options.js";
import { UsageError } from "./usage-error.js";

export async function plotCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, {
    quiet: { type: "boolean" },
    x: { type: "string" },
    facet: { type: "string" },
    "log-x": { type: "boolean" },
    "log-y": { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("plot takes one result directory: collapse-sim plot DIR");
  const hints: PlotHints = {
    ...(values.x !== undefined && { x: values.x }),
    ...(values.facet !== undefined && { facet: values.facet }),
    ...(values["log-x"] && { logX: true }),
    ...(values["log-y"] && { logY: true }),
  };
  const { report, missing } = await plotDirectory(positionals[0], hints);
  if (!values.quiet) {
    if (missing > 0) process.stderr.write(`warning: ${missing} tasks are not complete yet; plotted what there is\n`);
    process.stderr.write(`report: ${report}\n`);
  }
}
