// Command-line options checked like a study spec: every problem names the flag, the value
// and what is allowed, and is reported (exit code 2) before any work.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { availableParallelism } from "node:os";
import { SpecError, type SpecIssue } from "../validation/spec-error.js";
import { UsageError } from "./usage-error.js";

export const MAX_WORKERS = 1024;

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseCommand<O extends Options>(args: string[], options: O): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Collects flag problems so that all of them are reported together. */
export class FlagIssues {
  readonly issues: SpecIssue[] = [];

  add(flag: string, value: unknown, problem: string, allowed: string): undefined {
    this.issues.push({ path: flag, value, problem, allowed });
    return undefined;
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new SpecError(this.issues);
  }
}

export function integerFlag(issues: FlagIssues, flag: string, text: string | undefined, lo: number, hi: number): number | undefined {
  if (text === undefined) return undefined;
  const value = /^-?\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < lo || value > hi) {
    return issues.add(flag, text, Number.isNaN(value) ? "wrong type" : "out of range", `an integer in [${lo}, ${hi}]`);
  }
  return value;
}

export function workersFlag(issues: FlagIssues, text: string | undefined): number {
  return integerFlag(issues, "--workers", text, 1, MAX_WORKERS) ?? Math.min(availableParallelism(), MAX_WORKERS);
}
