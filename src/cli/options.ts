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
    const { code, message } = error as Error & { code?: string };
    const option = /'([^']+)'/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) throw new UsageError(`unknown option ${option}; see collapse-sim --help`);
    throw new UsageError(message);
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
  const written = text.trim();
  // A decimal number: "4.0" is the integer 4.
  const value = /^-?\d+(\.\d*)?$/.test(written) ? Number(written) : NaN;
  if (Number.isSafeInteger(value) && value >= lo && value <= hi) return value;
  const allowed = `an integer in [${lo}, ${hi}]`;
  if (Number.isNaN(value)) return issues.add(flag, text, "wrong type", allowed);
  // The number as written when it would print otherwise ("1.50", or beyond double precision).
  return issues.add(flag, String(value) === written ? value : text, "out of range", allowed);
}

/**
 * --workers, at most the cores this process may use: more threads than cores only add memory
 * (each has its engine) and contention. `warn` hears the cap.
 */
export function workersFlag(issues: FlagIssues, text: string | undefined, warn: (line: string) => void = () => {}): number {
  const cores = Math.min(availableParallelism(), MAX_WORKERS);
  const asked = integerFlag(issues, "--workers", text, 1, MAX_WORKERS);
  if (asked === undefined) return cores;
  if (asked > cores) warn(`warning: --workers ${asked} is more than the ${cores} cores available; using ${cores}`);
  return Math.min(asked, cores);
}
