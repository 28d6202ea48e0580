// collapse-sim merge DIR... --out DIR
import { mergeStudies } from "../output/merge-studies.js";
import { parseCommand } from "./options.js";
import { UsageError } from "./usage-error.js";

export async function mergeCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { out: { type: "string" }, "no-plots": { type: "boolean" }, quiet: { type: "boolean" } });
  if (values.out === undefined) throw new UsageError("merge needs --out DIR");
  if (positionals.length === 0) throw new UsageError("merge needs the result directories to combine: collapse-sim merge DIR... --out DIR");
  const result = await mergeStudies(positionals, values.out, { plots: values["no-plots"] !== true });
  if (!values.quiet) process.stderr.write(`merged ${positionals.length} directories: ${result.tasks} tasks in ${result.study.cells.length} cells into ${values.out}${result.report ? `; report: ${result.report}` : ""}\n`);
}
