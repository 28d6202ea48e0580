// The text of `collapse-sim --help` and of `collapse-sim COMMAND --help`: each command's usage,
// its options and an example, written once and shown in both.
import { packageVersion } from "../output/package-version.js";

interface CommandHelp {
  /** The usage line(s), indented as in the overview. */
  usage: string;
  /** Options, one per line or wrapped, indented six spaces. */
  options?: string;
  /** A command a new user can paste. */
  example: string;
}

const RUN_OPTIONS = `      --set PATH=VALUE    override a spec key or parameter (repeatable): seeds=3, params.d=50,
                          grid.generator.eps=[0.1,0.3] (grid.KEY=null removes a grid key);
                          a parameter removes the grid keys it covers; one under a grid key
                          (params.verifier.kind with grid.verifier) is refused;
                          values are JSON when they parse, else strings
      --out DIR           write rows.jsonl, summary.csv (derived.csv, correlations.csv for some
                          presets), study.json, plots/ and report.html to DIR (without it, rows
                          go to stdout)
      --format jsonl|csv  row format on stdout (default jsonl)
      --workers N         worker threads (default, and at most: the number of cores)
      --resume            continue the study in --out DIR, keeping its complete rows
      --shard I/N         run the I-th (0-based) of N slices of the study; by default the shard
                          comes from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or from
                          JOB_COMPLETION_INDEX with --shards N (or COLLAPSE_SIM_SHARDS)
      --no-plots          skip plots/ and report.html only (rows.jsonl, summary.csv,
                          derived.csv and correlations.csv are written all the same)
      --quiet             no progress or summary on stderr (status.json in --out is still
                          written); without a terminal, progress is a line every 30 s
                          (COLLAPSE_SIM_PROGRESS_SECONDS)
      --dry-run           print the tasks, rows, bytes on disk, peak memory and time (from a
                          short calibration), and write nothing
      --max-hours H       refuse a run estimated to take longer (default 24)
      --accept-cost       start even when the estimate passes the free disk, the memory or
                          --max-hours (a run that passes one is refused before writing)
`;

export const commandHelp: Record<string, CommandHelp> = {
  run: {
    usage: `  collapse-sim run SPEC.json | --preset NAME [options]   run a study\n`,
    options: RUN_OPTIONS,
    example: `collapse-sim run --preset amin-rate --set seeds=4 --out results/amin-rate`,
  },
  merge: {
    usage: `  collapse-sim merge DIR... --out DIR [--no-plots]
                                        combine shard directories into one result directory\n`,
    options: `      --out DIR           the merged result directory (required)
      --no-plots          skip plots/ and report.html
      --quiet             no summary on stderr
`,
    example: `collapse-sim merge shards/0 shards/1 shards/2 --out results/study`,
  },
  plot: {
    usage: `  collapse-sim plot DIR                 (re)write the summary tables, plots/ and report.html of DIR\n`,
    options: `      --x COLUMN          the x axis: generation or a parameter (dotted, as in summary.csv);
                          with a parameter, the last generation is drawn
      --facet COLUMN      one set of charts per value of a parameter
      --log-x, --log-y    logarithmic axes (log-y where every value drawn is positive)
      --quiet             no report path or warnings on stderr
`,
    example: `collapse-sim plot results/amin-rate --x labeler.beta --facet filter.gamma --log-y`,
  },
  presets: {
    usage: `  collapse-sim presets                  list the presets and their sources\n`,
    example: `collapse-sim presets`,
  },
  scenarios: {
    usage: `  collapse-sim scenarios                list the scenarios, their sources and parameters
                                        (dotted name, allowed values, default, meaning)\n`,
    example: `collapse-sim scenarios`,
  },
  describe: {
    usage: `  collapse-sim describe SCENARIO        one scenario's reference: its parameters, and its
                                        metrics with the closed form beside each\n`,
    example: `collapse-sim describe weak-data`,
  },
  default: {
    usage: `  collapse-sim default [--out DIR]      the default study (npm start): headline results into results/\n`,
    options: `      --out DIR           where the presets' directories and report.html go (default results)
      --workers N         worker threads (default, and at most: the number of cores)
      --quiet             no progress on stderr
`,
    example: `collapse-sim default --out results`,
  },
  demo: {
    usage: `  collapse-sim demo                     a small demonstration of the engine\n`,
    example: `collapse-sim demo`,
  },
  serve: {
    usage: `  collapse-sim serve [--port N] [--host HOST]
                                        the playground (run studies in the browser) on a local
                                        web server: http://127.0.0.1:8080/ by default (--port 0:
                                        any free port); dist/playground/ is a static folder any
                                        web server can serve\n`,
    options: `      --port N            the port (default 8080; 0: any free port)
      --host HOST         the address to listen on (default 127.0.0.1)
`,
    example: `collapse-sim serve --port 0`,
  },
  bench: {
    usage: `  collapse-sim bench [NAME...] [-- OPTIONS]
                                        the benchmarks (kernels, scenario rounds, numpy peers
                                        where python3 has numpy), after the machine they run on:
                                        cores, Node and V8, SIMD, memory bandwidth; no NAME: the
                                        list\n`,
    options: `      -- OPTIONS          passed to every benchmark named (kernels: --quick, --json;
                          scenario rounds: --rounds N, ...)
`,
    example: `collapse-sim bench kernels -- --quick`,
  },
};

/** `collapse-sim COMMAND --help`: the command's usage, options and an example. */
export function commandHelpText(command: string): string {
  const help = commandHelp[command];
  const options = help.options ? `\nOptions:\n${help.options}      --help              this text\n` : `\nOptions:\n      --help              this text\n`;
  return `Usage:\n${help.usage}${options}\nExample:\n  ${help.example}\n`;
}

export function helpText(): string {
  const order = ["run", "merge", "plot", "presets", "scenarios", "describe", "default", "demo", "serve", "bench"];
  const usages = order.map((command) => commandHelp[command].usage + (command === "run" ? RUN_OPTIONS : "")).join("");
  return `collapse-sim ${packageVersion()}: iterated training on synthetic data, with theory beside every curve

Usage:
${usages}  collapse-sim --help | --version
  collapse-sim COMMAND --help           one command's options and an example

A study spec is JSON: { "scenario": NAME, "params": {...}, "grid": { "dotted.path": [values] },
  "generations": T, "seeds": R, "seed": S, "engine": "wasm" | "js" }
Bad specs and options are rejected before any work, naming the key, the value and what is allowed (exit 2).
`;
}
