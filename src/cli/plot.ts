// collapse-sim plot DIR
import { plotDirectory } from "../output/plot-directory.js";
import { parseCommand } from "./options.js";
import { UsageError } from "./usage-error.js";

export async function plotCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { quiet: { type: "boolean" } });
  if (positionals.length !== 1) throw new UsageError("plot takes one result directory: collapse-sim plot DIR");
  const { report, missing } = await plotDirectory(positionals[0]);
  if (!values.quiet) {
    if (missing > 0) process.stderr.write(`warning: ${missing} tasks are not complete yet; plotted what there is\n`);
    process.stderr.write(`report: ${report}\n`);
  }
}
