// collapse-sim default [--out DIR] [--workers N] [--quiet]: the default study (npm start).
// Each part goes to DIR/<preset>/ (an earlier default study there is replaced, any other study
// there is refused) and DIR/report.html shows them all.
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { applyOverrides, parseOverride } from "../study/overrides.js";
import { WarmWorkers } from "../output/warm-workers.js";
import { runStudy } from "../output/run-study.js";
import { STUDY_FILE, readStudyRecord } from "../output/study-record.js";
import { ResultDirError } from "../output/result-dir-error.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { reportHtml, type ReportSection } from "../report/report-html.js";
import { defaultStudy } from "../presets/default-study.js";
import { findPreset } from "../presets/index.js";
import { FlagIssues, parseCommand, workersFlag } from "./options.js";
import { DEFAULT_PROGRESS_SECONDS, progressReporter, progressSecondsFrom } from "./progress.js";
import { setBeforeExit } from "./stop-early.js";
import { UsageError } from "./usage-error.js";

/** What study.json says in the directories the default study writes. */
const WRITTEN_BY = "collapse-sim default";

/**
 * Of the directories the default study writes, those holding an earlier default study, which
 * it replaces. A study it did not write there (a user's run into results/feng-phase-transition)
 * is refused, never deleted.
 */
export function earlierDefaultStudies(dirs: readonly string[]): string[] {
  const earlier: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(join(dir, STUDY_FILE))) continue;
    if (readStudyRecord(dir).writtenBy !== WRITTEN_BY) {
      throw new ResultDirError(`${dir} holds a study that collapse-sim default did not write; move it away or give default another --out`);
    }
    earlier.push(dir);
  }
  return earlier;
}

export async function defaultStudyCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { out: { type: "string" }, workers: { type: "string" }, quiet: { type: "boolean" } });
  if (positionals.length > 0) throw new UsageError("default takes no arguments besides --out, --workers and --quiet");
  const issues = new FlagIssues();
  const workers = workersFlag(issues, values.workers);
  issues.throwIfAny();
  const out = values.out ?? "results";
  const quiet = values.quiet === true;
  const sections: ReportSection[] = [];
  const started = performance.now();
  const parts = defaultStudy.map((part) => {
    const preset = findPreset(part.preset);
    if (!preset) throw new Error(`the default study names preset ${part.preset}, which does not exist`);
    return { ...part, preset, dir: join(out, preset.name) };
  });
  // DIR/report.html would replace the report of a study run into DIR itself.
  if (existsSync(join(out, STUDY_FILE))) {
    throw new ResultDirError(`${out} holds a study (${STUDY_FILE}), whose report.html the default study would replace; give default another --out`);
  }
  // Every directory checked before any part runs: none is half replaced when one is refused.
  for (const dir of earlierDefaultStudies(parts.map((part) => part.dir))) rmSync(dir, { recursive: true });
  // One set of worker threads serves every part in turn (warm-workers.ts): each part hands its
  // idle workers to the next instead of ending them, which saves their start-up.
  const warm = new WarmWorkers();
  try {
    for (const { preset, dir, overrides } of parts) {
      const progress = progressReporter(preset.name, quiet, { statusDir: dir, intervalSeconds: progressSecondsFrom(process.env) ?? DEFAULT_PROGRESS_SECONDS });
      setBeforeExit((signal) => progress.stop("interrupted", signal));
      const result = await runStudy({
        spec: applyOverrides(preset.spec, overrides.map(parseOverride)),
        preset: preset.name,
        writtenBy: WRITTEN_BY,
        workers,
        out: dir,
        warm,
        keepWarm: true,
        onStart: (p) => progress.start(p),
        onProgress: (p) => progress.update(p),
      });
      progress.finish(result.progress, result.seconds, workers);
      sections.push({ ...result.section!, facts: { ...result.section!.facts, "wall time": `${result.seconds.toFixed(1)} s on ${workers} workers` } });
    }
  } finally {
    warm.close();
  }
  const report = join(out, "report.html");
  writeFileAtomic(report, reportHtml("collapse-sim: default study", sections));
  if (!quiet) process.stderr.write(`default study done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`report: ${resolve(report)}\n`);
}
