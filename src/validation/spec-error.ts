// Bad input is reported all at once, each problem with its dotted path, the value found and
// what is allowed, before any work starts. The CLI turns a SpecError into exit code 2.

export interface SpecIssue {
  /** Dotted path from the top of the study spec, e.g. "params.generator.eps". */
  path: string;
  /** The value found; undefined when the key is missing. */
  value?: unknown;
  /** What was wrong: "out of range", "missing", "unknown key", "wrong type", ... */
  problem: string;
  /** What is allowed, e.g. "a number in [0, 1]". */
  allowed: string;
}

export function formatValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatIssue(issue: SpecIssue): string {
  const found = issue.problem === "missing" ? "missing" : `${issue.problem} (got ${formatValue(issue.value)})`;
  return `${issue.path || "(spec)"}: ${found}; allowed: ${issue.allowed}`;
}

export class SpecError extends Error {
  readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "SpecError";
    this.issues = issues;
  }
}
