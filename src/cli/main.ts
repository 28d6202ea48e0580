#!/usr/bin/env node
// The collapse-sim command: dispatches to one file per command, and turns bad input into
// exit code 2 with a message naming what was wrong.
import { packageVersion } from "../output/package-version.js";
import { SpecError } from "../validation/spec-error.js";
import { ResultDirError } from "../output/result-dir-error.js";
import { commandHelpText, helpText } from "./help.js";
import { runCommand } from "./run.js";
import { mergeCommand } from "./merge.js";
import { plotCommand } from "./plot.js";
import { presetsCommand, scenariosCommand } from "./listings.js";
import { describeCommand } from "./describe.js";
import { defaultStudyCommand } from "./default-study.js";
import { demoCommand } from "./demo.js";
import { serveCommand } from "./serve.js";
import { benchCommand } from "./bench.js";
import { UsageError } from "./usage-error.js";
import { exitOnSignals, systemErrorLine } from "./stop-early.js";

const commands: Record<string, (args: string[]) => Promise<void> | void> = {
  run: runCommand,
  merge: mergeCommand,
  plot: plotCommand,
  presets: presetsCommand,
  scenarios: scenariosCommand,
  describe: describeCommand,
  default: defaultStudyCommand,
  demo: demoCommand,
  serve: serveCommand,
  bench: benchCommand,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  // collapse-sim help run, and run --help: the command's own help, and nothing run.
  if (command === "help" && rest.length === 1 && Object.hasOwn(commands, rest[0])) {
    process.stdout.write(commandHelpText(rest[0]));
    return;
  }
  if (Object.hasOwn(commands, command) && (rest.includes("--help") || rest.includes("-h"))) {
    process.stdout.write(commandHelpText(command));
    return;
  }
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(helpText());
    return;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}; see collapse-sim --help`);
  // serve stops its server on a signal itself; every other command says it was interrupted.
  if (command !== "serve") exitOnSignals();
  await run(rest);
}

// A closed pipe (collapse-sim run ... | head) ends the command quietly, workers included; any
// other failure of stdout (a full disk) in one line.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  process.stderr.write(systemErrorLine(error, "stdout") ?? `cannot write stdout: ${error.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    if (error instanceof SpecError) {
      process.stderr.write(`invalid input:\n${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof UsageError || error instanceof ResultDirError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else if (systemErrorLine(error) !== undefined) {
      // The system refused a write (a full disk, a read-only folder): not the program's fault.
      process.stderr.write(systemErrorLine(error)!);
      process.exitCode = 1;
    } else {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
