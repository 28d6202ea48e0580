// collapse-sim run SPEC.json | --preset NAME [--set PATH=VALUE]... [--out DIR] [--format jsonl|csv]
//   [--workers N] [--resume] [--shard I/N] [--shards N] [--no-plots] [--quiet]
//   [--dry-run] [--max-hours H] [--accept-cost]
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROWS_FILE, readRows } from "../output/rows-file.js";
import { STUDY_FILE, readStudyRecord } from "../output/study-record.js";
import { canonicalJson } from "../study/canonical.js";
import { applyOverrides, parseOverride, type Override } from "../study/overrides.js";
import { checkResultDirectory, runStudy } from "../output/run-study.js";
import { estimateStudy } from "../output/estimate.js";
import { WarmWorkers } from "../output/warm-workers.js";
import { resolveStudy, type Study } from "../study/spec.js";
import { studyTasks } from "../study/task.js";
import { shardTasks } from "../study/shard.js";
import { DEFAULT_MAX_HOURS, estimateText, machineLimits, overLimits, type Limits } from "./cost.js";
import { findPreset, presetNames } from "../presets/index.js";
import { SpecError } from "../validation/spec-error.js";
import { FlagIssues, parseCommand, workersFlag } from "./options.js";
import { selectShard } from "./shard-selection.js";
import { formatDuration, progressReporter, progressSecondsFrom } from "./progress.js";
import { UsageError } from "./usage-error.js";
import { setBeforeExit, setContinueHint } from "./stop-early.js";
import type { StudyProgress } from "../output/study-progress.js";

export function readSpecFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
}

/** The spec a command line asks for: a file or a preset, with --set overrides applied. */
export function specFromArguments(issues: FlagIssues, file: string | undefined, presetName: string | undefined, sets: readonly string[]): { spec: unknown; preset: string | null } {
  if (file !== undefined && presetName !== undefined) throw new UsageError("give either SPEC.json or --preset NAME, not both");
  if (file === undefined && presetName === undefined) throw new UsageError("run needs SPEC.json or --preset NAME; see collapse-sim --help");
  let base: unknown = {};
  if (presetName !== undefined) {
    const preset = findPreset(presetName);
    if (!preset) issues.add("--preset", presetName, "unknown value", `one of ${presetNames().map((n) => JSON.stringify(n)).join(", ")} (collapse-sim presets lists them)`);
    else base = preset.spec;
  } else base = readSpecFile(file!);
  const overrides: Override[] = [];
  for (const text of sets) {
    try {
      overrides.push(parseOverride(text));
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      issues.issues.push(...error.issues);
    }
  }
  try {
    return { spec: applyOverrides(base, overrides), preset: presetName ?? null };
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    issues.issues.push(...error.issues);
    return { spec: base, preset: presetName ?? null };
  }
}

/**
 * A resume of the same study: the tasks it has finished (not estimated again), and the space its
 * rows.jsonl holds counted as free (the estimate's bytes include it). Undefined otherwise.
 */
function resumedTasks(out: string, study: Study, limits: Limits): Set<string> | undefined {
  if (!existsSync(join(out, STUDY_FILE)) || !existsSync(join(out, ROWS_FILE))) return undefined;
  if (canonicalJson(readStudyRecord(out).spec) !== canonicalJson(study.spec)) return undefined;
  if (limits.freeDisk !== undefined) limits.freeDisk += statSync(join(out, ROWS_FILE)).size;
  return new Set(readRows(join(out, ROWS_FILE), study).complete.keys());
}

export async function runCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, {
    preset: { type: "string" },
    set: { type: "string", multiple: true },
    out: { type: "string" },
    format: { type: "string" },
    workers: { type: "string" },
    resume: { type: "boolean" },
    shard: { type: "string" },
    shards: { type: "string" },
    "no-plots": { type: "boolean" },
    quiet: { type: "boolean" },
    "dry-run": { type: "boolean" },
    "max-hours": { type: "string" },
    "accept-cost": { type: "boolean" },
  });
  if (positionals.length > 1) throw new UsageError(`run takes one SPEC.json, got ${positionals.length} arguments`);
  const issues = new FlagIssues();
  const { spec, preset } = specFromArguments(issues, positionals[0], values.preset, values.set ?? []);
  const workers = workersFlag(issues, values.workers, (line) => values.quiet || process.stderr.write(`${line}\n`));
  const maxHours = values["max-hours"] === undefined ? DEFAULT_MAX_HOURS : Number(values["max-hours"]);
  if (!(maxHours > 0)) issues.add("--max-hours", values["max-hours"], "out of range", "a number of hours above 0 (Infinity: no limit)");
  const format = values.format ?? "jsonl";
  if (format !== "jsonl" && format !== "csv") issues.add("--format", format, "unknown value", `one of "jsonl", "csv"`);
  if (values.format !== undefined && values.out !== undefined) issues.add("--format", values.format, "unused", "only without --out (a result directory holds rows.jsonl and summary.csv)");
  if (values.resume && values.out === undefined) issues.add("--resume", true, "unused", "only with --out DIR");
  const { shard, from } = selectShard(issues, values.shard, values.shards, process.env);
  const intervalSeconds = progressSecondsFrom(process.env);
  if (intervalSeconds === undefined) issues.add("COLLAPSE_SIM_PROGRESS_SECONDS", process.env.COLLAPSE_SIM_PROGRESS_SECONDS, "out of range", "a number of seconds above 0 (between progress lines when stderr is not a terminal)");
  issues.throwIfAny();

  // Cost up front: the estimate, printed (--dry-run), or checked against the limits before anything is written.
  // Resolved once, for the estimate and the run: a large grid takes long to resolve.
  const study = resolveStudy(spec);
  // The calibration's worker is kept for the run (warm-workers.ts), and ended on the way out if not taken.
  const warm = new WarmWorkers();
  try {
    if (values["dry-run"] || !values["accept-cost"]) {
      if (values.out !== undefined) checkResultDirectory(values.out, values.resume === true, true);
      const tasks = shardTasks(studyTasks(study), shard);
      const limits = machineLimits(values.out, maxHours);
      const done = values.resume && values.out !== undefined ? resumedTasks(values.out, study, limits) : undefined;
      const estimate = await estimateStudy(study, tasks, { workers, done, warm });
      if (values["dry-run"]) {
        process.stdout.write(estimateText(estimate, limits));
        return;
      }
      if (estimate.timeIsLowerBound && !values.quiet) {
        process.stderr.write(`warning: the calibration finished no round in ${estimate.calibration.seconds.toFixed(0)} s: this study takes more than ${formatDuration(estimate.seconds)}, how much more is not known (--max-hours cannot stop it)\n`);
      }
      const over = overLimits(estimate, limits);
      if (over.length > 0) {
        throw new UsageError(`refusing to start: the estimate passes a limit (nothing was written)\n  ${over.join("\n  ")}\n${estimateText(estimate, limits).replace(/^/gm, "  ").trimEnd()}`);
      }
    }

    const quiet = values.quiet === true;
    const label = preset ?? positionals[0];
    const progress = progressReporter(shard ? `${label} [shard ${shard.index}/${shard.count}]` : label, quiet, { statusDir: values.out, intervalSeconds });
    let latest: StudyProgress | undefined;
    setBeforeExit((signal) => progress.stop("interrupted", signal));
    // Stopped early (a signal, a full disk): the complete tasks in DIR are kept, and --resume continues.
    if (values.out !== undefined) {
      const out = values.out;
      setContinueHint(() => {
        const kept = latest ? `${latest.tasksDone} of ${latest.tasksTotal} tasks are kept in ${out}` : `finished tasks are kept in ${out}`;
        return `${kept}; ${values.resume ? "the same command continues the study" : "the same command with --resume continues the study"}`;
      });
    }
    let result: Awaited<ReturnType<typeof runStudy>>;
    try {
      result = await runStudy({
        spec,
        study,
        preset,
        workers,
        out: values.out,
        resume: values.resume === true,
        shard,
        format: format as "jsonl" | "csv",
        plots: values["no-plots"] !== true,
        warm,
        onStart: (p) => {
          if (shard && from !== "--shard") progress.log(`shard ${shard.index}/${shard.count} from ${from}`);
          latest = p;
          progress.start(p);
        },
        onProgress: (p) => {
          latest = p;
          progress.update(p);
        },
      });
    } catch (error) {
      progress.stop("failed", error instanceof Error ? error.message : String(error));
      throw error;
    }
    progress.finish(result.progress, result.seconds, workers);
    if (values.out !== undefined) progress.log(result.report ? `report: ${result.report}` : `results: ${values.out}`);
  } finally {
    warm.close();
  }
}
