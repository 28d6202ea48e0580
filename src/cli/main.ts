#!/usr/bin/env node
// The collapse-sim command.
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";
import { packageVersion } from "./version.js";
import { simulate } from "../study/simulate.js";
import { SpecError } from "../validation/spec-error.js";
import { scenarios } from "../scenarios/index.js";
import { createEngine } from "../engine/index.js";

const HELP = `collapse-sim ${packageVersion()}: iterated training on synthetic data, with theory beside every curve

Usage:
  collapse-sim run SPEC.json [--format jsonl|csv]   run a study, rows to stdout
  collapse-sim scenarios                           list the scenarios and their sources
  collapse-sim demo                                a small demonstration of the engine
  collapse-sim --help | --version

A study spec is JSON: { "scenario": NAME, "params": {...}, "grid": { "dotted.path": [values] },
  "generations": T, "seeds": R, "seed": S, "engine": "wasm" | "js" }
Bad specs are rejected before any work, naming the key, the value and what is allowed (exit 2).
`;

class UsageError extends Error {}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: "string", default: "jsonl" } } });
  if (positionals.length !== 1) throw new UsageError("run takes exactly one SPEC.json");
  if (values.format !== "jsonl" && values.format !== "csv") throw new UsageError(`--format must be jsonl or csv, got ${values.format}`);
  let spec: unknown;
  try {
    spec = JSON.parse(readFileSync(positionals[0], "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(error as Error).message}`);
  }
  const rows = await simulate(spec);
  if (values.format === "jsonl") {
    for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
  } else if (rows.length > 0) {
    const columns = Object.keys(rows[0]);
    process.stdout.write(`${columns.join(",")}\n`);
    for (const row of rows) process.stdout.write(`${columns.map((c) => csvCell(row[c])).join(",")}\n`);
  }
}

async function demo(): Promise<void> {
  const engine = await createEngine("wasm");
  const n = 1_000_000;
  const rng = engine.stream(2026);
  const z = engine.f64(n);
  const start = performance.now();
  engine.fillNormal(rng, z);
  const ms = performance.now() - start;
  let sum = 0, sumSq = 0;
  for (const v of z.view) {
    sum += v;
    sumSq += v * v;
  }
  console.log(`engine: ${engine.kind} (${engine.build})`);
  console.log(`${n} normals in ${ms.toFixed(1)} ms: mean ${(sum / n).toFixed(4)}, variance ${(sumSq / n - (sum / n) ** 2).toFixed(4)}`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (command === "run") await run(rest);
  else if (command === "demo") await demo();
  else if (command === "scenarios") {
    for (const s of Object.values(scenarios)) process.stdout.write(`${s.name}\t${s.title}\n\t${s.source}\n`);
  } else throw new UsageError(`unknown command ${JSON.stringify(command)}; see collapse-sim --help`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof SpecError) {
      process.stderr.write(`invalid study spec:\n${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
