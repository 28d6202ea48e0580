// collapse-sim bench [NAME...] [-- OPTIONS]: the project's benchmarks from the installed package
// (dist/bench/, built from bench/), after a header saying what they ran on. With no NAME, the
// list. OPTIONS go to every benchmark named (--quick and --json for kernels; --rounds N, ...).
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UsageError } from "./usage-error.js";

// From dist: dist/bench/NAME.js; from source (tsx): the checkout's bench/NAME.ts.
const fromSource = import.meta.url.endsWith(".ts");
const suites = new URL(fromSource ? "../../bench/" : "../bench/", import.meta.url);
const extension = fromSource ? ".ts" : ".js";
const CHECKOUT_ONLY = ["main", "browser-kernels"];

export function benchmarkNames(): string[] {
  return readdirSync(fileURLToPath(suites))
    .filter((file) => file.endsWith(extension))
    .map((file) => file.slice(0, -extension.length))
    .filter((name) => !CHECKOUT_ONLY.includes(name))
    .sort();
}

export async function benchCommand(args: string[]): Promise<void> {
  const split = args.indexOf("--");
  const names = split < 0 ? args : args.slice(0, split);
  const options = split < 0 ? [] : args.slice(split + 1);
  const available = benchmarkNames();
  if (names.length === 0) {
    process.stdout.write(`benchmarks: ${available.join(", ")}\nrun one with: collapse-sim bench NAME [-- OPTIONS]\n`);
    return;
  }
  const unknown = names.filter((name) => !available.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown benchmark ${unknown.join(", ")}; one of ${available.join(", ")}`);
  const { machineLines } = (await import(new URL(`lib/machine${extension}`, suites).href)) as { machineLines(): string[] };
  // On stderr: --json keeps stdout for the figures alone.
  process.stderr.write(`${machineLines().join("\n")}\n`);
  for (const name of names) {
    process.stderr.write(`\n== ${name}\n`);
    const suite = (await import(new URL(`${name}${extension}`, suites).href)) as { default(args: string[]): Promise<void> };
    await suite.default(options);
  }
}
