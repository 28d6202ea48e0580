// The text of `collapse-sim --help`.
import { packageVersion } from "../output/package-version.js";

export function helpText(): string {
  return `collapse-sim ${packageVersion()}: iterated training on synthetic data, with theory beside every curve

Usage:
  collapse-sim run SPEC.json | --preset NAME [options]   run a study
      --set PATH=VALUE    override a spec key or parameter (repeatable): seeds=3, params.d=50,
                          grid.generator.eps=[0.1,0.3] (grid.KEY=null removes a grid key);
                          a parameter removes the grid keys it covers; one under a grid key
                          (params.verifier.kind with grid.verifier) is refused;
                          values are JSON when they parse, else strings
      --out DIR           write rows.jsonl, summary.csv (derived.csv, correlations.csv for some
                          presets), study.json, plots/ and report.html to DIR (without it, rows
                          go to stdout)
      --format jsonl|csv  row format on stdout (default jsonl)
      --workers N         worker threads (default: the number of cores)
      --resume            continue the study in --out DIR, keeping its complete rows
      --shard I/N         run the I-th (0-based) of N slices of the study; by default the shard
                          comes from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or from
                          JOB_COMPLETION_INDEX with --shards N (or COLLAPSE_SIM_SHARDS)
      --no-plots          skip plots/ and report.html only (rows.jsonl, summary.csv,
                          derived.csv and correlations.csv are written all the same)
      --quiet             no progress or summary on stderr
  collapse-sim merge DIR... --out DIR [--no-plots]
                                        combine shard directories into one result directory
  collapse-sim plot DIR                 (re)write the summary tables, plots/ and report.html of DIR
  collapse-sim presets                  list the presets and their sources
  collapse-sim scenarios                list the scenarios, their sources and parameters
                                        (dotted name, allowed values, default, meaning)
  collapse-sim describe SCENARIO        one scenario's reference: its parameters, and its
                                        metrics with the closed form beside each
  collapse-sim default [--out DIR]      the default study (npm start): headline results into results/
  collapse-sim demo                     a small demonstration of the engine
  collapse-sim serve [--port N] [--host HOST]
                                        the playground (run studies in the browser) on a local
                                        web server: http://127.0.0.1:8080/ by default (--port 0:
                                        any free port); dist/playground/ is a static folder any
                                        web server can serve
  collapse-sim bench [NAME...] [-- OPTIONS]
                                        the benchmarks (kernels, scenario rounds, numpy peers
                                        where python3 has numpy), after the machine they run on:
                                        cores, Node and V8, SIMD, memory bandwidth; no NAME: the
                                        list; e.g. collapse-sim bench kernels -- --quick
  collapse-sim --help | --version

A study spec is JSON: { "scenario": NAME, "params": {...}, "grid": { "dotted.path": [values] },
  "generations": T, "seeds": R, "seed": S, "engine": "wasm" | "js" }
Bad specs and options are rejected before any work, naming the key, the value and what is allowed (exit 2).
`;
}
